/**
 * The embedded store: PGlite (PostgreSQL compiled to WebAssembly) in this process. It has one
 * connection; PGlite queues queries and transactions behind its own mutex, so a transaction
 * here is also the serialization point the audit chain relies on. One process per data dir.
 *
 * The wrapper takes any engine with PGlite's shape, so tests can host the real PGlite in a
 * worker thread (Jest's module sandbox cannot run PGlite's loader) and still exercise this code.
 */
import { PGlite } from '@electric-sql/pglite';
import { savepointDb } from './savepoint-db';
import type { Db, QueryResult, Store } from './db';
import { toStoreError } from './store-errors';

/** The part of PGlite this store uses. */
export interface PgliteEngine {
  readonly waitReady: Promise<void>;
  readonly closed: boolean;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(fn: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  dumpDataDir(compression: 'none'): Promise<Blob>;
}

export interface PgliteStore extends Store {
  /** The whole data directory as a tarball; tests start later stores from such a template. */
  dumpDataDir(): Promise<Blob>;
}

/**
 * Rows as node-postgres returns them (see pg-db.ts): bytea as Buffer rather than Uint8Array.
 * PGlite already returns int8 as number, timestamptz as Date, json and arrays parsed.
 */
function normalize<T>(rows: T[]): T[] {
  for (const row of rows as Record<string, unknown>[]) {
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) row[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      else if (Object.prototype.toString.call(v) === '[object Uint8Array]' && !Buffer.isBuffer(v)) row[k] = Buffer.from(v as Uint8Array);
      else if (Object.prototype.toString.call(v) === '[object Date]' && !(v instanceof Date)) row[k] = new Date((v as Date).getTime());
    }
  }
  return rows;
}

type Queryable = { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> };

async function run<T>(q: Queryable, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
  try {
    const r = await q.query<T>(sql, params as unknown[] | undefined);
    return { rows: normalize(r.rows) };
  } catch (err) {
    throw toStoreError(err);
  }
}


function txDb(tx: Queryable): Db {
  return savepointDb(<T>(sql: string, params?: readonly unknown[]) => run<T>(tx, sql, params));
}

export async function wrapPgliteEngine(engine: PgliteEngine): Promise<PgliteStore> {
  try {
    await engine.waitReady;
  } catch (err) {
    throw toStoreError(err);
  }
  return {
    kind: 'pglite',
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(engine, sql, params),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      let fromFn = false;
      try {
        return await engine.transaction(async (tx) => {
          try {
            return await fn(txDb(tx));
          } catch (err) {
            fromFn = true;
            throw err;
          }
        });
      } catch (err) {
        // The caller's own error passes through as thrown; PGlite's (BEGIN, COMMIT) are mapped.
        throw fromFn ? err : toStoreError(err);
      }
    },
    async close() { if (!engine.closed) await engine.close(); },
    async dumpDataDir() { return engine.dumpDataDir('none'); },
  };
}

export async function openPgliteStore(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<PgliteStore> {
  const pg = new PGlite({ dataDir: dataDir === 'memory' ? undefined : dataDir, loadDataDir: opts.loadDataDir });
  return wrapPgliteEngine(pg as unknown as PgliteEngine);
}
