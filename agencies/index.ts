export * from './directory.types';
export * from './directory';
