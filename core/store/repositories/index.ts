export * from './courts';
export * from './roster';
export * from './cases';
export * from './decisions';
export * from './orders';
export * from './nonces';
export * from './delegations';
export * from './lookup-facts';
