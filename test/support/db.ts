/**
 * Fresh stores for tests, one per describe block: an in-memory PGlite, or a new PostgreSQL
 * database `court_hub_test_<random>` on the local server (dropped again by `drop()`).
 *
 * Starting PGlite and running the migrations costs seconds on these machines, so the first
 * test file to need one saves the migrated data directory as a template under the OS temp
 * directory (keyed by the migrations' checksums); every later store starts from that copy.
 *
 * Jest runs test code in a VM sandbox where PGlite's Emscripten loader cannot start (it calls
 * `import()`, refused without --experimental-vm-modules). So tests host the real PGlite in a
 * worker thread (plain Node) and drive it through the same wrapper the hub uses in production
 * (core/store/pglite-db.ts wrapPgliteEngine): only the process boundary differs.
 *
 * COURT_HUB_TEST_PG_URL points at another server (default: the local one, trust auth).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openStore, type Store, type StoreKind } from '../../core/store/db';
import { migrate, migrationChecksum } from '../../core/store/migrate';
import { MIGRATIONS } from '../../core/store/migrations';
import { Worker } from 'node:worker_threads';
import { wrapPgliteEngine, type PgliteEngine, type PgliteStore } from '../../core/store/pglite-db';

export const STORE_KINDS: StoreKind[] = ['pglite', 'postgres'];
export const TEST_PG_URL = process.env.COURT_HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore {
  store: Store;
  kind: StoreKind;
  /** The PostgreSQL URL of the fresh database (postgres only): open more pools ("nodes") on it. */
  url?: string;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
}

function templatePath(): string {
  const key = createHash('sha256').update(MIGRATIONS.map(migrationChecksum).join(',')).digest('hex').slice(0, 16);
  return join(tmpdir(), `court-hub-pglite-template-${key}.tar`);
}

/** PGlite in a worker thread; plain JS because the worker runs outside ts-jest. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
const pg = new PGlite({
  dataDir: workerData.dataDir,
  loadDataDir: workerData.loadDataDir ? new Blob([workerData.loadDataDir]) : undefined,
});
const txs = new Map();
let nextTx = 0;
const reply = (id, result) => parentPort.postMessage({ id, result });
const fail = (id, e) => parentPort.postMessage({ id, error: {
  message: String(e && e.message), code: e && e.code, constraint: e && e.constraint, table: e && e.table } });
parentPort.on('message', async (m) => {
  try {
    if (m.op === 'ready') { await pg.waitReady; return reply(m.id, true); }
    if (m.op === 'query') {
      const q = m.tx === undefined ? pg : txs.get(m.tx).tx;
      const r = await q.query(m.sql, m.params);
      return reply(m.id, r.rows);
    }
    if (m.op === 'begin') {
      const txId = ++nextTx;
      let endMsg;
      const ended = new Promise((res) => { txs.set(txId, { end: res }); });
      pg.transaction(async (tx) => {
        txs.get(txId).tx = tx;
        reply(m.id, txId);
        endMsg = await ended;
        if (!endMsg.commit) await tx.rollback();
      }).then(() => { txs.delete(txId); reply(endMsg.id, true); },
              (e) => { txs.delete(txId); if (endMsg) fail(endMsg.id, e); else fail(m.id, e); });
      return;
    }
    if (m.op === 'end') { txs.get(m.tx).end(m); return; }
    if (m.op === 'dump') {
      const blob = await pg.dumpDataDir('none');
      return reply(m.id, new Uint8Array(await blob.arrayBuffer()));
    }
    if (m.op === 'close') { if (!pg.closed) await pg.close(); return reply(m.id, true); }
  } catch (e) { fail(m.id, e); }
});
`;

class WorkerPglite implements PgliteEngine {
  readonly waitReady: Promise<void>;
  closed = false;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  private nextId = 0;

  constructor(opts: { dataDir?: string; loadDataDir?: Buffer }) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pglitePath: require.resolve('@electric-sql/pglite'), dataDir: opts.dataDir, loadDataDir: opts.loadDataDir },
    });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; result?: unknown; error?: Record<string, unknown> }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(String(m.error.message)), m.error));
      else p.resolve(m.result);
    });
    this.worker.on('error', (e) => { for (const p of this.pending.values()) p.reject(e); this.pending.clear(); });
    this.waitReady = this.call('ready', {}).then(() => undefined);
  }

  private call(op: string, args: Record<string, unknown>): Promise<unknown> {
    if (this.closed && op !== 'close') return Promise.reject(new Error('PGlite is closed'));
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args });
    });
  }

  async query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }> {
    return { rows: (await this.call('query', { sql, params })) as T[] };
  }

  async transaction<T>(fn: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>): Promise<T> {
    const tx = (await this.call('begin', {})) as number;
    let out: T;
    try {
      out = await fn({ query: async <R>(sql: string, params?: unknown[]) => ({ rows: (await this.call('query', { tx, sql, params })) as R[] }) });
    } catch (err) {
      await this.call('end', { tx, commit: false }).catch(() => undefined);
      throw err;
    }
    await this.call('end', { tx, commit: true });
    return out;
  }

  async dumpDataDir(): Promise<Blob> {
    return new Blob([Buffer.from((await this.call('dump', {})) as Uint8Array)]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.call('close', {});
    this.closed = true;
    await this.worker.terminate();
  }
}

/** A PGlite store as the hub opens it, hosted in a worker thread (see the header). */
export async function openWorkerPgliteStore(opts: { dataDir?: string; loadDataDir?: Buffer } = {}): Promise<PgliteStore> {
  return wrapPgliteEngine(new WorkerPglite(opts));
}

/** A migrated, empty PGlite data directory as a tarball (made once, then read from the temp dir). */
export async function pgliteTemplate(): Promise<Buffer> {
  const file = templatePath();
  if (existsSync(file)) return readFileSync(file);
  const store = await openWorkerPgliteStore();
  try {
    await migrate(store);
    const bytes = Buffer.from(await (await store.dumpDataDir()).arrayBuffer());
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file); // atomic: a parallel worker reads either nothing or a whole file
    return bytes;
  } finally {
    await store.close();
  }
}

async function pgliteFromTemplate(): Promise<Store> {
  const store = await openWorkerPgliteStore({ loadDataDir: await pgliteTemplate() });
  await migrate(store);
  return store;
}

function urlFor(database: string): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database; `drop` removes it (and any connections left on it). */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `court_hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(name),
    async drop() {
      const c = new Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function freshStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await pgliteFromTemplate();
    return { store, kind, drop: () => store.close() };
  }
  const dbase = await freshDatabase();
  const store = await openStore({ databaseUrl: dbase.url, poolSize: 8 });
  return {
    store,
    kind,
    url: dbase.url,
    async drop() {
      await store.close();
      await dbase.drop();
    },
  };
}

/**
 * Runs fn with the append-only triggers switched off for this transaction only: how a test
 * plays someone with owner rights on the database tampering with the audit trail.
 */
export async function asDatabaseOwner<T>(store: Store, fn: (tx: Store) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    return fn({ ...tx, kind: store.kind });
  });
}
