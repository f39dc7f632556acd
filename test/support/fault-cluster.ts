/**
 * A hub cluster to break, shared by the fault suite (test/chaos/cluster-faults.chaos.test.ts) and
 * the `faults` bench: its own nats-server, a fresh PostgreSQL database, and four OS processes
 * running the built dist/ as production does —
 *
 *   gw-core-1  gateway + core (its gateway prefers its own court)
 *   core-2     core only (gw-2 balances between core-1 and core-2)
 *   gw-2       gateway only
 *   adapters   adapters + the mock agencies
 *
 * plus judges that sign orders and send them over HTTP, recording every answer and how long it
 * took, and re-send what failed the way a judge's client does (README "Faults").
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { canonicalBytes, createOrder, newNonce } from '../../core/orders';
import { openStore, type Store } from '../../core/store';
import { signDetached } from '../../signing/cms';
import { freshDatabase } from './db';
import { HubProcess } from './hub-process';
import { NatsServer } from './nats-server';
import { freePort } from './ports';

export const CASE = '2(101)-1234/2026';
const PARTY = '5ZK8F3R';
const JUDGE = 'judge-2JD4K7M';

export type NodeName = 'gw-core-1' | 'core-2' | 'gw-2' | 'adapters';

export interface FaultCluster {
  nats: NatsServer;
  dbUrl: string;
  dbName: string;
  /** Base URLs of the two gateways. */
  gateways: string[];
  deadlineMs: number;
  /** A pool of the test's own on the hub's database (for assertions). */
  store: Store;
  env: Record<string, string>;
  proc(name: NodeName): HubProcess;
  /** SIGKILL: the process dies with whatever it had in flight. */
  kill(name: NodeName): Promise<void>;
  /** Starts the node again with the same node id. */
  start(name: NodeName): Promise<void>;
  /** Ends every connection the hub has to its database (its own database only). */
  terminateDbConnections(): Promise<number>;
  /** Waits until both gateways see `court.lookup` on every core node that runs. */
  settled(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const NODE_ENV: Record<NodeName, Record<string, string>> = {
  'gw-core-1': { SERVICES: 'gateway,core', NODE_ID: 'gw-core-1' },
  'core-2': { SERVICES: 'core', NODE_ID: 'core-2', SEED_DEMO: '0' },
  'gw-2': { SERVICES: 'gateway', NODE_ID: 'gw-2' },
  adapters: { SERVICES: 'adapters,mocks', NODE_ID: 'adapters' },
};

export async function startFaultCluster(opts: { pkiDir: string; deadlineMs: number }): Promise<FaultCluster> {
  const nats = await NatsServer.start();
  const db = await freshDatabase();
  const ports = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    TRANSPORTER: nats.url, PKI_DIR: opts.pkiDir, DATA_DIR: opts.pkiDir, DATABASE_URL: db.url,
    AUDIT_HMAC_KEY: 'fault suite key shared by both core nodes', LOOKUP_DEADLINE_MS: String(opts.deadlineMs),
    RECOVERY_INTERVAL_MS: '1000', HOST: '127.0.0.1',
  };
  const portOf: Partial<Record<NodeName, string>> = { 'gw-core-1': String(ports[0]), 'gw-2': String(ports[1]) };
  const procs = new Map<NodeName, HubProcess>();
  const start = async (name: NodeName, seed = false) => {
    procs.set(name, await HubProcess.start(name, { ...env, ...NODE_ENV[name], ...(portOf[name] ? { PORT: portOf[name] as string } : {}), ...(seed ? { SEED_DEMO: '1' } : {}) }));
  };
  let store: Store | undefined;
  try {
    await start('gw-core-1', true); // migrates and seeds the demo roster first
    await Promise.all([start('core-2'), start('gw-2'), start('adapters')]);
    store = await openStore({ databaseUrl: db.url, migrate: false, poolSize: 4 });
  } catch (err) {
    await Promise.all([...procs.values()].map((p) => p.stop('SIGKILL')));
    await nats.stop();
    await db.drop();
    throw err;
  }
  const gateways = ports.map((p) => `http://127.0.0.1:${p}`);
  const dbName = new URL(db.url).pathname.slice(1);
  const cluster: FaultCluster = {
    nats, dbUrl: db.url, dbName, gateways, deadlineMs: opts.deadlineMs, store, env,
    proc: (name) => procs.get(name) as HubProcess,
    async kill(name) { await procs.get(name)?.stop('SIGKILL'); },
    start: (name) => start(name),
    async terminateDbConnections() {
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      try {
        const r = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = $2',
          [dbName, 'client backend']);
        return r.rowCount ?? 0;
      } finally {
        await admin.end();
      }
    },
    async settled(timeoutMs = 30_000) {
      const cores = (['gw-core-1', 'core-2'] as NodeName[]).filter((n) => procs.get(n)?.alive);
      await waitFor(async () => {
        for (const g of gateways) {
          const h = await fetch(`${g}/health`).then((r) => r.json(), () => null) as any;
          const nodes: string[] = h?.components?.['action:court.lookup']?.details?.nodes ?? [];
          if (!cores.every((c) => nodes.includes(c)) || h?.components?.['action:adapter.population.getPerson']?.status !== 'up') return false;
        }
        return true;
      }, timeoutMs);
    },
    async stop() {
      await Promise.all([...procs.values()].map((p) => p.stop()));
      await store?.close();
      await nats.stop();
      await db.drop();
    },
  };
  return cluster;
}

export async function waitFor(cond: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 200): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** One HTTP answer as the judge's client saw it. */
export interface Answer {
  orderId: string;
  gateway: number;
  /** Epoch ms when the request was sent, and how long until the whole answer was read. */
  sentAt: number;
  ms: number;
  /** How long the hub took to answer, by its own clock (Server-Timing): the judge's wait without this client's own delays. */
  hubMs?: number;
  status: number;
  code?: string;
  /** details.reason of a bus failure: no-node, node-lost, timeout. */
  reason?: string;
  category?: string;
  retryAfter?: string | null;
  /** The evidence packet handed out with a 200 (base64). */
  evidence?: string;
  /** A re-send told that the order was already executed. */
  executed?: boolean;
  /** No HTTP answer at all (connection refused or reset). */
  transportError?: string;
}

export interface SignedOrder { orderId: string; body: { order: unknown; signature: string } }

/** The judge of the demo case: signs orders and evidence requests with the demo PKI's key. */
export class Judge {
  private readonly signer: { certPem: string; key: KeyObject };
  constructor(pkiDir: string) {
    this.signer = {
      certPem: fs.readFileSync(path.join(pkiDir, `people/${JUDGE}.crt.pem`), 'utf8'),
      key: createPrivateKey(fs.readFileSync(path.join(pkiDir, `people/${JUDGE}.key.pem`))),
    };
  }

  async order(): Promise<SignedOrder> {
    const order = createOrder({ caseNumber: CASE, subject: { fin: PARTY }, categories: ['11.2.22'] });
    return { orderId: order.orderId, body: { order, signature: (await signDetached(canonicalBytes(order), this.signer)).toString('base64') } };
  }

  /** GET the evidence of an order with a signed request: the status and the packet, if any. */
  async fetchEvidence(gateway: string, orderId: string): Promise<{ status: number; evidence?: string; code?: string }> {
    const now = Date.now();
    const request = { orderId, issuedAt: new Date(now - 1000).toISOString(), expiresAt: new Date(now + 600_000).toISOString(), nonce: newNonce() };
    const signature = (await signDetached(canonicalBytes(request), this.signer)).toString('base64');
    const res = await fetch(`${gateway}/api/v1/lookups/${orderId}/evidence`, {
      headers: { 'X-Signed-Request': Buffer.from(JSON.stringify({ request, signature })).toString('base64') },
      signal: AbortSignal.timeout(20_000),
    });
    const body = await res.json() as any;
    return { status: res.status, evidence: body.evidence, code: body.error?.code };
  }
}

/** POSTs a signed order; never throws (a transport error is recorded as such). */
export async function send(gateways: string[], gateway: number, o: SignedOrder): Promise<Answer> {
  const sentAt = Date.now();
  const t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  try {
    const res = await fetch(`${gateways[gateway]}/api/v1/lookups`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(o.body), signal: AbortSignal.timeout(30_000),
    });
    const body = await res.json() as any;
    const timing = /hub;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
    const a: Answer = { orderId: o.orderId, gateway, sentAt, ms: ms(), status: res.status, retryAfter: res.headers.get('retry-after'), ...(timing ? { hubMs: Number(timing[1]) } : {}) };
    if (res.status === 200) a.evidence = body.evidence;
    else Object.assign(a, { code: body.error?.code, reason: body.error?.details?.reason, category: body.error?.category, executed: body.error?.details?.executed === true });
    return a;
  } catch (err: any) {
    return { orderId: o.orderId, gateway, sentAt, ms: ms(), status: 0, transportError: String(err?.cause?.code ?? err?.name ?? err) };
  }
}

/** `concurrency` judges send new orders, alternating gateways, until `running()` turns false. */
export async function load(c: Pick<FaultCluster, 'gateways'>, judge: Judge, opts: { concurrency: number; running(): boolean }): Promise<{ answers: Answer[]; orders: Map<string, SignedOrder> }> {
  const answers: Answer[] = [];
  const orders = new Map<string, SignedOrder>();
  let n = 0;
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (opts.running()) {
      const o = await judge.order();
      orders.set(o.orderId, o);
      answers.push(await send(c.gateways, n++ % c.gateways.length, o));
    }
  }));
  return { answers, orders };
}

/**
 * A judge's client re-sending the same signed orders after a retryable failure, honouring
 * Retry-After, until each ran (200) or is reported executed; gives up after `timeoutMs`.
 */
export async function resendUntilDone(c: Pick<FaultCluster, 'gateways'>, orders: SignedOrder[], timeoutMs: number): Promise<{ done: Map<string, Answer>; left: Answer[] }> {
  const done = new Map<string, Answer>();
  const left: Answer[] = [];
  const until = Date.now() + timeoutMs;
  await Promise.all(orders.map(async (o, i) => {
    for (let k = 0; ; k++) {
      const a = await send(c.gateways, (i + k) % c.gateways.length, o);
      if (a.status === 200 || a.executed) { done.set(o.orderId, a); return; }
      const wait = Math.min(2000, Math.max(200, Number(a.retryAfter ?? 1) * 1000));
      if (a.category !== 'transient' || Date.now() + wait > until) { left.push(a); return; }
      await new Promise((r) => setTimeout(r, wait));
    }
  }));
  return { done, left };
}

export const sha256Hex = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
