export * from './error-catalogue';
export * from './hub-error';
