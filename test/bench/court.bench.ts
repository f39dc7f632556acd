import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { performance as nodePerformance } from 'node:perf_hooks';
import path from 'node:path';
import type { ServiceBroker } from 'moleculer';
import { createBroker, startBroker } from '../../bus/broker';
import { loadConfig } from '../../bus/config';
import { startHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { canonicalBytes, createOrder, newNonce } from '../../core/orders';
import { startEmbeddedServer } from '../../core/store';
import { signDetached } from '../../signing/cms';
import { freshDatabase } from '../support/db';
import { HubProcess } from '../support/hub-process';
import { NatsServer } from '../support/nats-server';
import { freePort } from '../support/ports';
import { cryptoFloor } from './crypto-floor';
import { storeFloor } from './store-floor';
import { directGetPerson } from './direct-soap';
import { interleave, load, pathFigures, procCpuMs, processTree, round, type Figure } from './figures';
import { jsonBodies, jsonPoster } from './http-client';
import { startMockProcess } from './mock-process';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 2000);
/** Calls per path in one round of the interleaved run; TOTAL calls per path in all. */
const PER_ROUND = Math.min(TOTAL, 200);
const ROUNDS = Math.max(1, Math.round(TOTAL / PER_ROUND));
const CONCURRENCY = 16;
const FIN = '5ZK8F3R';
const lookupParams = { subject: { fin: FIN }, categories: ['11.2.22'], caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M' };
const CASE = '2(101)-1234/2026';

type Signer = { certPem: string; key: KeyObject };
export const person = (pkiDir: string, file: string): Signer => ({
  certPem: fs.readFileSync(path.join(pkiDir, `people/${file}.crt.pem`), 'utf8'),
  key: createPrivateKey(fs.readFileSync(path.join(pkiDir, `people/${file}.key.pem`))),
});

/** Orders are signed before the clock starts: the judge's signing happens on the judge's machine. */
export async function signedOrders(judge: Signer, n: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const order = createOrder({ caseNumber: CASE, subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
    out.push({ order, signature: (await signDetached(canonicalBytes(order), judge)).toString('base64') });
  }
  return out;
}

export async function signedIdentityRequests(clerk: Signer, n: number): Promise<unknown[]> {
  const out: unknown[] = [];
  const now = Date.now();
  for (let i = 0; i < n; i++) {
    const request = {
      requestId: randomUUID(), caseNumber: CASE, subject: { fin: '5ZK8F3R' }, surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu',
      birthDate: '1984-03-12', documentNumber: 'AZE12345678',
      issuedAt: new Date(now - 1000).toISOString(), expiresAt: new Date(now + 10 * 60_000).toISOString(), nonce: newNonce(),
    };
    out.push({ request, signature: (await signDetached(canonicalBytes(request), clerk)).toString('base64') });
  }
  return out;
}

export async function delegate(call: (action: string, body: unknown) => Promise<unknown>, judge: Signer): Promise<void> {
  const now = Date.now();
  const delegation = {
    delegationId: randomUUID(), caseNumber: CASE, staffFins: ['6PR2T5Y'], validFrom: new Date(now - 1000).toISOString(),
    validUntil: new Date(now + 3600_000).toISOString(), issuedAt: new Date(now - 1000).toISOString(), expiresAt: new Date(now + 600_000).toISOString(), nonce: newNonce(),
  };
  await call('court.delegate', { delegation, signature: (await signDetached(canonicalBytes(delegation), judge)).toString('base64') });
}

/**
 * The court figures, from ONE interleaved run (figures.ts interleave: the paths alternate in
 * rounds, so load on a shared machine hits them alike and their ratios are fair):
 *  - the direct node-soap baseline (direct-soap.ts);
 *  - lookups.run embedded (signed EHİS call, verified answer, no court layer) and over NATS;
 *  - the judge's signed lookup end to end — verify the judge's CMS, authorize, audit, signed EHİS
 *    call, verify the provider's answer, sign the evidence packet — embedded on the `npm start`
 *    default store (bus call and HTTP through the gateway) and over NATS;
 * their ratios (`ratio.*`), CPU per call (this process, plus the embedded PostgreSQL's for the
 * default store, plus the hub processes' over NATS) against the crypto floor (crypto-floor.ts) and
 * the store's (store-floor.ts);
 * then, apart, the signed lookup on an external PostgreSQL and the clerk's identity check at 50
 * concurrent with 20 ms of registry latency.
 */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-court-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const judge = person(pkiDir, 'judge-2JD4K7M');
  const clerk = person(pkiDir, 'staff-6PR2T5Y');
  const cleanups: (() => Promise<unknown>)[] = [];
  const mocksFor = async (name: string, faults: Record<string, string> = {}) => {
    const m = await startMockProcess(name, { PKI_DIR: pkiDir, DATA_DIR: tmp }, faults);
    cleanups.unshift(() => m.process.stop());
    return m;
  };
  try {
    const mocks = await mocksFor('mocks');
    const { endpoints } = mocks;
    figs.push(...await embeddedServerStart(path.join(tmp, 'server-start')));
    figs.push(...await cryptoFloor(pkiDir, 'judge-2JD4K7M'));
    figs.push(...await storeFloor(path.join(tmp, 'store-floor')));

    // Embedded on the `npm start` default store: gateway + core + adapters in this process,
    // in-process bus, the hub's own PostgreSQL in DATA_DIR over its Unix socket.
    const port = await freePort();
    const defaultDir = path.join(tmp, 'embedded-default');
    const hub = await startHub(loadConfig({
      SERVICES: 'gateway,core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: defaultDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', NODE_ID: 'bench-court-default',
    }), { endpoints, institutionEndpoints: mocks.institutionEndpoints });
    cleanups.unshift(() => hub.stop());
    const postmaster = Number(fs.readFileSync(path.join(defaultDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]);
    const pgCpu = () => procCpuMs(processTree(postmaster));

    // Over NATS: core (on its default store) and adapters in two processes, this process as the caller.
    const nats = await NatsServer.start();
    cleanups.unshift(() => nats.stop());
    const env = { TRANSPORTER: nats.url, PKI_DIR: pkiDir, MOCKS: '0', ...mocks.env };
    const [core, adapters] = await Promise.all([
      HubProcess.start('core', { ...env, SERVICES: 'core', NODE_ID: 'bench-nats-core', DATA_DIR: path.join(tmp, 'nats-core') }),
      HubProcess.start('adapters', { ...env, SERVICES: 'adapters', NODE_ID: 'bench-nats-adapters', DATA_DIR: path.join(tmp, 'nats-adapters') }),
    ]);
    cleanups.unshift(() => core.stop(), () => adapters.stop());
    const corePostmaster = Number(fs.readFileSync(path.join(tmp, 'nats-core/postgres/postmaster.pid'), 'utf8').split('\n')[0]);
    const natsCpu = () => procCpuMs([core.pid, adapters.pid, ...processTree(corePostmaster)]);
    const client: ServiceBroker = createBroker({ transporter: nats.url, nodeId: 'bench-court-client', logLevel: 'error' }).broker;
    await startBroker(client, 10_000);
    cleanups.unshift(() => client.stop());
    await client.waitForServices(['court', 'lookups', 'adapter.population'], 15_000);
    await new Promise((r) => setTimeout(r, 1000)); // let the core node discover the adapters node

    const direct = await directGetPerson(endpoints.population, FIN);
    // Each path warms up with 1,500 calls at the measured concurrency before the rounds (BENCH_WARMUP):
    // a hub process costs about twice the CPU per lookup in its first 1,500 lookups (JIT, caches),
    // and the NATS nodes, serving one path each, would otherwise be measured mostly cold while the
    // bench's own process is warmed by every path it serves.
    const warmup = Number(process.env.BENCH_WARMUP ?? 1500);
    const need = ROUNDS * PER_ROUND + warmup + 10;
    const feed = (orders: unknown[]) => { let i = 0; return () => orders[i++] as object; };
    const busOrder = feed(await signedOrders(judge, need));
    const httpOrder = feed(jsonBodies(await signedOrders(judge, need)));
    const natsOrder = feed(await signedOrders(judge, need));
    const poster = jsonPoster(CONCURRENCY);
    cleanups.unshift(async () => poster.close());
    // Where a signed lookup's wall time goes besides CPU: the audit chain takes one write at a time
    // (bus/audit-metrics.ts), and this process's event loop serves the hub and the load alike.
    const histogram = async (name: string, part: 'sum' | 'count') =>
      (await hub.metrics.registry.getSingleMetric(name)?.get())?.values.find((v) => (v as { metricName?: string }).metricName === `${name}_${part}`)?.value ?? 0;
    const loop = { loopActiveMs: () => nodePerformance.eventLoopUtilization().active, loopIdleMs: () => nodePerformance.eventLoopUtilization().idle };
    const chainCounters = {
      ...loop,
      auditWriteMs: async () => (await histogram('court_hub_audit_write_seconds', 'sum')) * 1000,
      auditWrites: () => histogram('court_hub_audit_write_seconds', 'count'),
      auditEvents: () => histogram('court_hub_audit_write_events', 'sum'),
    };
    const results = await interleave([
      { name: 'direct.node-soap.getPerson', fn: direct, cpu: true },
      { name: 'hub.embedded.lookup.11.2.22', fn: () => hub.broker.call('lookups.run', lookupParams), cpu: true, counters: loop },
      { name: 'hub.embedded.default.signed-lookup.11.2.22', fn: () => hub.broker.call('court.lookup', busOrder()), cpu: true, extraCpuMs: pgCpu, counters: chainCounters },
      { name: 'hub.embedded.default.http.signed-lookup.11.2.22', fn: async () => {
        const res = await poster.post(`http://127.0.0.1:${port}/api/v1/lookups`, httpOrder());
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      }, cpu: true, extraCpuMs: pgCpu },
      { name: 'hub.nats.lookup.11.2.22', fn: () => client.call('lookups.run', lookupParams), cpu: true, extraCpuMs: natsCpu },
      { name: 'hub.nats.signed-lookup.11.2.22', fn: () => client.call('court.lookup', natsOrder()), cpu: true, extraCpuMs: natsCpu },
    ], { rounds: ROUNDS, perRound: PER_ROUND, concurrency: CONCURRENCY, warmup, agenciesCpuMs: () => procCpuMs(processTree(mocks.process.pid)) });
    for (const r of results) figs.push(...pathFigures(r));
    const [d, lr, sl, http, nlr, nsl] = results;
    const ratio = (name: string, a: number, b: number) => figs.push({ name: `ratio.${name}`, value: round(a / b, 2), unit: 'ratio' });
    ratio('signed-lookup.default-vs-direct', sl.rps, d.rps);
    ratio('signed-lookup.http-vs-direct', http.rps, d.rps);
    ratio('signed-lookup.vs-lookups-run', sl.rps, lr.rps);
    ratio('nats-vs-embedded.lookups-run', nlr.rps, lr.rps);
    ratio('nats-vs-embedded.signed-lookup', nsl.rps, sl.rps);
    const fig = (name: string) => figs.find((f) => f.name === name)!.value;
    const floor = fig('court.crypto-floor-per-lookup');
    // The whole machine's CPU per call (every process, the mock agencies too).
    const machine = (r: typeof sl) => r.cpuUsPerOp! + r.agenciesCpuUsPerOp!;
    const busy = (r: typeof sl, ms: number) => round(ms / (r.secs * 1000), 2);
    // As performance.eventLoopUtilization() computes it: active over active + idle, over the path's rounds.
    const loopBusy = (r: typeof sl) => round(r.counters.loopActiveMs / (r.counters.loopActiveMs + r.counters.loopIdleMs), 2);
    const c = sl.counters;
    figs.push(
      // The share of the path's wall time this process's event loop was running something: near 1, the hub's thread bounds it.
      { name: 'hub.embedded.lookup.11.2.22.loop-busy', value: loopBusy(lr), unit: 'ratio' },
      { name: 'hub.embedded.default.signed-lookup.11.2.22.loop-busy', value: loopBusy(sl), unit: 'ratio' },
      // The share of it the audit chain had a write in flight (one at a time): near 1, the chain bounds it.
      { name: 'court.audit.chain-busy', value: busy(sl, c.auditWriteMs), unit: 'ratio' },
      { name: 'court.audit.write-ms', value: round(c.auditWriteMs / c.auditWrites, 2), unit: 'ms' },
      { name: 'court.audit.writes-per-lookup', value: round(c.auditWrites / sl.calls, 2), unit: 'ratio' },
      { name: 'court.audit.events-per-write', value: round(c.auditEvents / c.auditWrites, 1), unit: 'count' },
    );
    figs.push(
      { name: 'lookups.cpu-per-lookup', value: lr.cpuUsPerOp!, unit: 'us' },
      { name: 'court.cpu-per-lookup', value: sl.cpuUsPerOp!, unit: 'us' },
      { name: 'court.layer-cpu-per-lookup', value: sl.cpuUsPerOp! - lr.cpuUsPerOp!, unit: 'us' },
      // Of court.cpu-per-lookup, what the embedded PostgreSQL spent (postmaster and backends).
      { name: 'court.db-cpu-per-lookup', value: sl.extraCpuUsPerOp!, unit: 'us' },
      { name: 'court.cpu-per-lookup.x-floor', value: round(sl.cpuUsPerOp! / floor, 2), unit: 'ratio' },
      // The whole machine's CPU per call (every process, the mock agencies too): with all the
      // paths on one machine of os.cpus() cores, cores / this bounds the path's throughput.
      { name: 'direct.machine-cpu-per-call', value: machine(d), unit: 'us' },
      { name: 'court.machine-cpu-per-lookup', value: machine(sl), unit: 'us' },
      { name: 'court.machine-bound.rps', value: Math.round((os.cpus().length * 1e6) / machine(sl)), unit: 'req/s' },
    );
    // What the court layer cannot avoid beyond lookups.run: the judge's CMS verified, the evidence
    // signed (crypto-floor.ts) and the two appends in the store (store-floor.ts), its statements
    // shared among lookups as the court path shared them in this run.
    const storePerLookup = fig('store.append.cpu-per-lookup') + fig('store.append.cpu-per-statement.fixed') * (c.auditWrites / sl.calls);
    figs.push(
      { name: 'court.store-floor-per-lookup', value: Math.round(storePerLookup), unit: 'us' },
      // With every path running the machine flat out, throughput goes as 1 / CPU per call: the ratio the CPU allows.
      { name: 'ratio.signed-lookup.vs-lookups-run.machine-cpu', value: round(machine(lr) / machine(sl), 2), unit: 'ratio' },
      // The same with the court layer cut to its floor: the most a court layer on this store can reach.
      { name: 'ratio.signed-lookup.vs-lookups-run.ceiling', value: round(machine(lr) / (machine(lr) + fig('floor.cms-verify.cached') + fig('floor.evidence-sign') + storePerLookup), 2), unit: 'ratio' },
    );
    await client.stop();
    await Promise.all([core.stop(), adapters.stop()]);
    await hub.stop();
    await nats.stop();
    cleanups.splice(0, cleanups.length - 1); // the mock agencies stay until the end

    // An external PostgreSQL over TCP (COURT_HUB_TEST_PG_URL or the local server), as production runs.
    const pg = await freshDatabase().catch(() => null);
    if (pg) {
      cleanups.push(() => pg.drop());
      const pgHub = await startHub(loadConfig({
        SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'embedded-postgres'), LOG_LEVEL: 'error', NODE_ID: 'bench-court-postgres',
        DATABASE_URL: pg.url, AUDIT_HMAC_KEY: 'bench key, not a secret at all', SEED_DEMO: '1',
      }), { endpoints, institutionEndpoints: mocks.institutionEndpoints });
      cleanups.unshift(() => pgHub.stop());
      const orders = feed(await signedOrders(judge, TOTAL + 300));
      figs.push(...await load('hub.embedded.postgres.signed-lookup.11.2.22', () => pgHub.broker.call('court.lookup', orders()), { total: TOTAL, concurrency: CONCURRENCY }));
      await pgHub.stop();
      cleanups.shift();
    }

    // Clerk identity verification: 50 concurrent, the population register answering after 20 ms.
    const slow = await mocksFor('mocks-20ms', { population: 'latencyMs=20' });
    const idHub = await startHub(loadConfig({
      SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'identity'), LOG_LEVEL: 'error', NODE_ID: 'bench-identity',
    }), { endpoints: slow.endpoints, institutionEndpoints: slow.institutionEndpoints });
    cleanups.unshift(() => idHub.stop());
    await delegate((a, b) => idHub.broker.call(a, b as object), judge);
    const idRequests = feed(await signedIdentityRequests(clerk, 4000 + 300));
    const check = () => idHub.broker.call('court.verifyIdentity', idRequests());
    // The first 2,000 checks after the hub (and this mock process) started, then 2,000 more: the
    // first are the warm-up of the second, as in the court figures above.
    figs.push(...await load('hub.embedded.identity-check.50c.20ms.after-start', check, { total: 2000, concurrency: 50, warmup: 0 }));
    figs.push(...await load('hub.embedded.identity-check.50c.20ms', check, { total: 2000, concurrency: 50, warmup: 0 }));
    await idHub.stop();
    cleanups.shift();
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figs;
}

/**
 * The embedded server's own start-up: the first start of a DATA_DIR (initdb, then the server
 * ready for connections) and a start of the existing cluster, each until stop() returns too.
 */
async function embeddedServerStart(dir: string): Promise<Figure[]> {
  const timed = async () => {
    const t0 = process.hrtime.bigint();
    const server = await startEmbeddedServer({ dir });
    const ready = Number(process.hrtime.bigint() - t0) / 1e6;
    const t1 = process.hrtime.bigint();
    await server.stop();
    return { ready, stop: Number(process.hrtime.bigint() - t1) / 1e6 };
  };
  const first = await timed();
  const again = await timed();
  return [
    { name: 'store.embedded-postgres.first-start', value: Math.round(first.ready), unit: 'ms' },
    { name: 'store.embedded-postgres.start', value: Math.round(again.ready), unit: 'ms' },
    { name: 'store.embedded-postgres.stop', value: Math.round(again.stop), unit: 'ms' },
  ];
}
