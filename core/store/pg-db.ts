/**
 * The server store: a node-postgres Pool (DATABASE_URL). Several hub nodes may share the
 * database; anything that must be serialized across them (migrations, audit appends, nonce
 * claims) does so in SQL (advisory locks, row locks, unique constraints), never in memory.
 */
import { Pool, type PoolClient, types as pgTypes } from 'pg';
import type { Db, QueryResult, Store } from './db';
import { toStoreError } from './store-errors';

const INT8 = 20;

/**
 * Per-pool type parsers (not the global pg.types, which would change other users of pg):
 * int8 → number as PGlite does. Sequence numbers and counts stay far below 2^53.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 && format !== 'binary') return (v: string) => Number(v);
    return format === 'binary' ? pgTypes.getTypeParser(oid, 'binary') : pgTypes.getTypeParser(oid, 'text');
  },
} as unknown as typeof pgTypes;

async function run<T>(c: Pool | PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
  try {
    const r = await c.query(sql, params as unknown[] | undefined);
    return { rows: r.rows as T[] };
  } catch (err) {
    throw toStoreError(err);
  }
}

let savepointSeq = 0;

function clientDb(client: PoolClient): Db {
  const self: Db = {
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(client, sql, params),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      const sp = `sp_${++savepointSeq}`;
      await self.query(`SAVEPOINT ${sp}`);
      try {
        const out = await fn(self);
        await self.query(`RELEASE SAVEPOINT ${sp}`);
        return out;
      } catch (err) {
        await self.query(`ROLLBACK TO SAVEPOINT ${sp}`).catch(() => undefined);
        throw err;
      }
    },
    async close() { /* released by the owner of the transaction */ },
  };
  return self;
}

export function openPgStore(databaseUrl: string, opts: { poolSize?: number } = {}): Store {
  const pool = new Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10, types: typeParsers });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let closed = false;
  return {
    kind: 'postgres',
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(pool, sql, params),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw toStoreError(err);
      }
      let broken = false;
      try {
        await run(client, 'BEGIN');
        const out = await fn(clientDb(client));
        await run(client, 'COMMIT');
        return out;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
