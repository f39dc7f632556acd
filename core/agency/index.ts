export * from './agency.flow';
export * from './agency.policy';
export * from './agency-store';
export * from './decision-view';
