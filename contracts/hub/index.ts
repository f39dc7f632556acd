export * from './error-catalogue';
export * from './hub-error';
export * from './lookup-types';
export * from './subject-schema';
