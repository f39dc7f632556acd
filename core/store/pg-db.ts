/**
 * The store over a node-postgres Pool: an external server (DATABASE_URL) or the hub's embedded
 * one (embedded-server.ts). Several hub nodes may share an external database; anything that must be serialized across them (migrations, audit appends, nonce
 * claims) does so in SQL (advisory locks, row locks, unique constraints), never in memory.
 */
import { Client, Pool, type PoolClient, types as pgTypes } from 'pg';
import { preparedName } from './prepared';
import { savepointDb } from './savepoint-db';
import type { Db, Listener, QueryResult, Store, StoreKind } from './db';
import { toStoreError } from './store-errors';

const INT8 = 20;

/**
 * Per-pool type parsers (not the global pg.types, which would change other users of pg):
 * int8 → number. Sequence numbers and counts stay far below 2^53.
 */
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 && format !== 'binary') return (v: string) => Number(v);
    return format === 'binary' ? pgTypes.getTypeParser(oid, 'binary') : pgTypes.getTypeParser(oid, 'text');
  },
} as unknown as typeof pgTypes;

async function run<T>(c: Pool | PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<T>> {
  try {
    const name = preparedName(sql);
    const r = name ? await c.query({ name, text: sql, values: params as unknown[] | undefined }) : await c.query(sql, params as unknown[] | undefined);
    return { rows: r.rows as T[] };
  } catch (err) {
    throw toStoreError(err);
  }
}


function clientDb(client: PoolClient): Db {
  return savepointDb(<T>(sql: string, params?: readonly unknown[]) => run<T>(client, sql, params));
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const RECONNECT_MS = 1000;

/**
 * LISTEN over a client of its own (a pooled one would be handed to queries and lose the LISTEN).
 * A lost connection is opened again after RECONNECT_MS, as long as the listener is open; each
 * (re)connection calls onNotify once, for what may have been sent meanwhile.
 */
function listenOn(databaseUrl: string, channel: string, onNotify: () => void): Listener {
  if (!CHANNEL.test(channel)) throw new Error(`listen: ${JSON.stringify(channel)} is not a plain channel name`);
  let closed = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const again = () => {
    if (closed || retry) return;
    retry = setTimeout(() => { retry = undefined; void connect(); }, RECONNECT_MS);
    retry.unref();
  };
  const connect = async () => {
    const c = new Client({ connectionString: databaseUrl });
    // 'error' is followed by 'end'; a connection that cannot be made rejects connect() below.
    c.on('error', () => undefined);
    c.on('end', () => { if (client === c) { client = undefined; again(); } });
    c.on('notification', () => onNotify());
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch {
      await c.end().catch(() => undefined);
      again();
      return;
    }
    if (closed) { await c.end().catch(() => undefined); return; }
    client = c;
    onNotify();
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}

export function openPgStore(databaseUrl: string, opts: { poolSize?: number; kind?: StoreKind; onClose?: () => Promise<void> } = {}): Store {
  const pool = new Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10, types: typeParsers });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  let closed = false;
  const listeners = new Set<Listener>();
  return {
    kind: opts.kind ?? 'postgres',
    listen(channel: string, onNotify: () => void): Listener {
      const l = listenOn(databaseUrl, channel, onNotify);
      const tracked: Listener = { close: async () => { listeners.delete(tracked); await l.close(); } };
      listeners.add(tracked);
      return tracked;
    },
    query: <T>(sql: string, params?: readonly unknown[]) => run<T>(pool, sql, params),
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw toStoreError(err);
      }
      let broken = false;
      // A checked-out client has no error listener of the pool's: a connection that dies while
      // fn awaits something else (the server restarting, pg_terminate_backend) would emit an
      // unhandled 'error' and end the process. The next query on it fails and says so.
      const onError = () => { broken = true; };
      client.on('error', onError);
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
        client.removeListener('error', onError);
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await Promise.all([...listeners].map((l) => l.close()));
        await pool.end();
      } finally {
        await opts.onClose?.();
      }
    },
  };
}
