/**
 * The store's one seam (DESIGN.md §6): PostgreSQL is the store of record; the embedded default
 * is PGlite so that `npm start` needs no server. Both run the same SQL and migrations behind
 * this small interface, and both return the same JS types (int8 → number, bytea → Buffer,
 * timestamptz → Date, jsonb → value, text[] → string[]), so repositories never branch on it.
 */
import { migrate } from './migrate';
import { openPgStore } from './pg-db';
import { openPgliteStore } from './pglite-db';

export interface QueryResult<T> { rows: T[] }

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /**
   * Runs fn inside one transaction (BEGIN … COMMIT, ROLLBACK on throw). A nested call on the
   * transaction handle becomes a savepoint.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreKind = 'pglite' | 'postgres';

export interface Store extends Db {
  readonly kind: StoreKind;
}

export interface StoreOptions {
  /** When set (config DATABASE_URL), a node-postgres Pool to this server is used. */
  databaseUrl?: string;
  /** PGlite data directory; 'memory' (or absent) keeps the database in memory (tests). */
  dataDir?: string | 'memory';
  /** node-postgres pool size (default 10). */
  poolSize?: number;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * Opens the store and brings its schema up to date. With `databaseUrl` it talks to PostgreSQL
 * (several hub nodes may share it); otherwise PGlite, which is single-process: one node only.
 */
export async function openStore(opts: StoreOptions = {}): Promise<Store> {
  let store: Store;
  if (opts.databaseUrl) {
    store = openPgStore(opts.databaseUrl, { poolSize: opts.poolSize });
  } else {
    store = await openPgliteStore(opts.dataDir ?? 'memory');
  }
  if (opts.migrate !== false) {
    try {
      await migrate(store);
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
  }
  return store;
}
