import { createPrivateKey, randomUUID, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
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
import { load, type Figure } from './figures';

const TOTAL = Number(process.env.BENCH_TOTAL ?? 3000);
const CONCURRENCY = 16;
const CASE = '2(101)-1234/2026';

type Signer = { certPem: string; key: KeyObject };
const person = (pkiDir: string, file: string): Signer => ({
  certPem: fs.readFileSync(path.join(pkiDir, `people/${file}.crt.pem`), 'utf8'),
  key: createPrivateKey(fs.readFileSync(path.join(pkiDir, `people/${file}.key.pem`))),
});

/** Orders are signed before the clock starts: the judge's signing happens on the judge's machine. */
async function signedOrders(judge: Signer, n: number): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const order = createOrder({ caseNumber: CASE, subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
    out.push({ order, signature: (await signDetached(canonicalBytes(order), judge)).toString('base64') });
  }
  return out;
}

async function signedIdentityRequests(clerk: Signer, n: number): Promise<unknown[]> {
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

async function delegate(call: (action: string, body: unknown) => Promise<unknown>, judge: Signer): Promise<void> {
  const now = Date.now();
  const delegation = {
    delegationId: randomUUID(), caseNumber: CASE, staffFins: ['6PR2T5Y'], validFrom: new Date(now - 1000).toISOString(),
    validUntil: new Date(now + 3600_000).toISOString(), issuedAt: new Date(now - 1000).toISOString(), expiresAt: new Date(now + 600_000).toISOString(), nonce: newNonce(),
  };
  await call('court.delegate', { delegation, signature: (await signDetached(canonicalBytes(delegation), judge)).toString('base64') });
}

/**
 * The court figures: a signed single-category lookup end to end — verify the judge's CMS, authorize,
 * audit, signed EHİS call, verify the provider's answer, sign the evidence packet — embedded (via
 * the bus and via HTTP) and over NATS; and a clerk's identity check at 50 concurrent with 20 ms of
 * registry latency. The direct node-soap baseline is in lookup.bench.ts.
 */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-court-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const judge = person(pkiDir, 'judge-2JD4K7M');
  const clerk = person(pkiDir, 'staff-6PR2T5Y');
  const cleanups: (() => Promise<unknown>)[] = [];
  const startMockProcess = async (name: string, faults = '') => {
    const [pop, phone] = [await freePort(), await freePort()];
    const p = await HubProcess.start(name, { SERVICES: 'mocks', PKI_DIR: pkiDir, DATA_DIR: tmp, MOCK_POPULATION_PORT: String(pop), MOCK_PHONE_PORT: String(phone), MOCK_POPULATION_FAULTS: faults });
    cleanups.unshift(() => p.stop());
    return { population: `http://127.0.0.1:${pop}/population`, phone: `http://127.0.0.1:${phone}` };
  };
  try {
    const endpoints = await startMockProcess('mocks');
    figs.push(...await embeddedServerStart(path.join(tmp, 'server-start')));
    // Embedded: gateway + core + adapters in this process, in-process bus; the store is the
    // `npm start` default (the hub's own PostgreSQL in DATA_DIR, over its Unix socket), then an
    // external PostgreSQL over TCP (COURT_HUB_TEST_PG_URL or the local server), as production runs.
    const pg = await freshDatabase().catch(() => null);
    if (pg) cleanups.push(() => pg.drop());
    const stores: [string, Record<string, string>][] = [['default', {}]];
    if (pg) stores.push(['postgres', { DATABASE_URL: pg.url, AUDIT_HMAC_KEY: 'bench key, not a secret at all', SEED_DEMO: '1' }]);
    for (const [storeName, storeEnv] of stores) {
      const port = await freePort();
      const hub = await startHub(loadConfig({
        SERVICES: 'gateway,core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, `embedded-${storeName}`), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', NODE_ID: `bench-court-${storeName}`, ...storeEnv,
      }), { endpoints });
      cleanups.unshift(() => hub.stop());
      let orders = await signedOrders(judge, TOTAL + 300);
      let i = 0;
      figs.push(...await load(`hub.embedded.${storeName}.signed-lookup.11.2.22`, () => hub.broker.call('court.lookup', orders[i++] as object), { total: TOTAL, concurrency: CONCURRENCY }));
      orders = await signedOrders(judge, TOTAL + 300);
      i = 0;
      figs.push(...await load(`hub.embedded.${storeName}.http.signed-lookup.11.2.22`, async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/lookups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(orders[i++]) });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        await res.arrayBuffer();
      }, { total: TOTAL, concurrency: CONCURRENCY }));
      await hub.stop();
      cleanups.shift();
    }
    let i = 0;

    // Clerk identity verification: 50 concurrent, the population register answering after 20 ms.
    const slow = await startMockProcess('mocks-20ms', 'latencyMs=20');
    const idHub = await startHub(loadConfig({
      SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'identity'), LOG_LEVEL: 'error', NODE_ID: 'bench-identity',
    }), { endpoints: slow });
    cleanups.unshift(() => idHub.stop());
    await delegate((a, b) => idHub.broker.call(a, b as object), judge);
    const idRequests = await signedIdentityRequests(clerk, 2000 + 300);
    i = 0;
    figs.push(...await load('hub.embedded.identity-check.50c.20ms', () => idHub.broker.call('court.verifyIdentity', idRequests[i++] as object), { total: 2000, concurrency: 50 }));
    await idHub.stop();
    cleanups.shift();

    // Over NATS: core (on the default store) and adapters in two processes, this process as the caller.
    const nats = await NatsServer.start();
    cleanups.unshift(() => nats.stop());
    const env = { TRANSPORTER: nats.url, PKI_DIR: pkiDir, MOCKS: '0', PROVIDER_POPULATION_URL: endpoints.population, PROVIDER_PHONE_URL: endpoints.phone };
    const [core, adapters] = await Promise.all([
      HubProcess.start('core', { ...env, SERVICES: 'core', NODE_ID: 'bench-nats-core', DATA_DIR: path.join(tmp, 'nats-core') }),
      HubProcess.start('adapters', { ...env, SERVICES: 'adapters', NODE_ID: 'bench-nats-adapters', DATA_DIR: path.join(tmp, 'nats-adapters') }),
    ]);
    cleanups.unshift(() => core.stop(), () => adapters.stop());
    const client: ServiceBroker = createBroker({ transporter: nats.url, nodeId: 'bench-court-client', logLevel: 'error' }).broker;
    await startBroker(client, 10_000);
    cleanups.unshift(() => client.stop());
    await client.waitForServices(['court', 'adapter.population'], 15_000);
    await new Promise((r) => setTimeout(r, 1000));
    const orders = await signedOrders(judge, TOTAL + 300);
    i = 0;
    figs.push(...await load('hub.nats.signed-lookup.11.2.22', () => client.call('court.lookup', orders[i++] as object), { total: TOTAL, concurrency: CONCURRENCY }));
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
