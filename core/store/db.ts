/**
 * The store's one seam (docs/architecture.md, "Storage"): PostgreSQL, always. With DATABASE_URL the hub uses that
 * server (several nodes may share it); otherwise it starts its own in DATA_DIR
 * (embedded-server.ts), so `npm start` needs no server and runs the production SQL. Rows come
 * back as node-postgres returns them (int8 → number, bytea → Buffer, timestamptz → Date,
 * jsonb → value, text[] → string[]).
 */
import { startEmbeddedServer } from './embedded-server';
import { migrate } from './migrate';
import { openPgStore } from './pg-db';

export interface QueryResult<T> { rows: T[] }

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /**
   * Runs fn inside one transaction (BEGIN … COMMIT, ROLLBACK on throw). A nested call on the
   * transaction handle becomes a savepoint.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * LISTEN on `channel` over a connection of its own: onNotify for each NOTIFY, and once after
   * each (re)connection, since what was sent while it was down is lost. Absent on a transaction
   * handle. Ends with close() or with the store.
   */
  listen?(channel: string, onNotify: () => void): Listener;
  close(): Promise<void>;
}

export interface Listener {
  close(): Promise<void>;
}

/** `embedded-postgres`: the hub's own server in DATA_DIR; `postgres`: DATABASE_URL. */
export type StoreKind = 'embedded-postgres' | 'postgres';

export interface Store extends Db {
  readonly kind: StoreKind;
}

export interface StoreOptions {
  /** When set (config DATABASE_URL), a node-postgres Pool to this server is used. */
  databaseUrl?: string;
  /** Without databaseUrl: the directory of the embedded server (DATA_DIR), started here and stopped by close(). */
  dataDir?: string;
  /** node-postgres pool size (default 10). */
  poolSize?: number;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

/** Opens the store and brings its schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  let store: Store;
  if (opts.databaseUrl) {
    store = openPgStore(opts.databaseUrl, { poolSize: opts.poolSize });
  } else if (opts.dataDir) {
    const server = await startEmbeddedServer({ dir: opts.dataDir });
    store = openPgStore(server.url, { poolSize: opts.poolSize, kind: 'embedded-postgres', onClose: () => server.stop() });
  } else {
    throw new Error('openStore: databaseUrl or dataDir is required');
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
