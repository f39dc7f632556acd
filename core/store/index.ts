/** core/store: the store of record (docs/architecture.md, "Storage"). */
export { openStore, type Db, type QueryResult, type Store, type StoreKind, type StoreOptions } from './db';
export { migrate } from './migrate';
export { runningEmbeddedServerUrl, startEmbeddedServer, type EmbeddedServer } from './embedded-server';
export { withClusterLock } from './cluster-lock';
export { isUniqueViolation, toStoreError } from './store-errors';
export * from './repositories';
export { seedDemo, DEMO_DECISIONS } from './seed';
