import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceBroker } from 'moleculer';
import { createBroker, startBroker } from '../../bus/broker';
import { checkpointVerifier } from '../../bus/core-wiring';
import { loadHubPki } from '../../bus/hub-pki';
import { verifyAuditChain } from '../../core/audit';
import { canonicalBytes, createOrder } from '../../core/orders';
import { openStore, type Store } from '../../core/store';
import { signDetached } from '../../signing/cms';
import { freshDatabase } from '../support/db';
import { HubProcess } from '../support/hub-process';
import { NatsServer } from '../support/nats-server';

/**
 * Issue 4, concurrency: two core nodes (separate OS processes) share one PostgreSQL over NATS.
 * 200 signed orders arrive in parallel, each of them twice. Result: each order authorized exactly
 * once, no audit record lost, the chain verifies.
 */
describe('Two core nodes over NATS under 200 parallel orders', () => {
  let nats: NatsServer;
  let db: { url: string; drop(): Promise<void> };
  const procs: HubProcess[] = [];
  let client: ServiceBroker;
  let store: Store;
  const pkiDir = process.env.TEST_PKI_DIR!;
  const hmac = 'test key shared by both core nodes';

  beforeAll(async () => {
    nats = await NatsServer.start();
    db = await freshDatabase();
    const env = { TRANSPORTER: nats.url, PKI_DIR: pkiDir, DATA_DIR: pkiDir, DATABASE_URL: db.url, AUDIT_HMAC_KEY: hmac, LOOKUP_DEADLINE_MS: '20000' };
    procs.push(await HubProcess.start('core-a', { ...env, SERVICES: 'core', NODE_ID: 'core-a', SEED_DEMO: '1' }));
    procs.push(...await Promise.all([
      HubProcess.start('core-b', { ...env, SERVICES: 'core', NODE_ID: 'core-b', SEED_DEMO: '0' }),
      HubProcess.start('adapters', { ...env, SERVICES: 'adapters,mocks', NODE_ID: 'adapters' }),
    ]));
    client = createBroker({ transporter: nats.url, nodeId: 'cluster-client', logLevel: 'fatal' }).broker;
    await startBroker(client, 10_000);
    await client.waitForServices(['court', 'adapter.population'], 20_000);
    await waitFor(() => courtNodes(client).length === 2, 20_000);
    store = await openStore({ databaseUrl: db.url, migrate: false });
  }, 120_000);

  afterAll(async () => {
    await client?.stop();
    await Promise.all(procs.map((p) => p.stop()));
    await store?.close();
    await db?.drop();
    await nats?.stop();
  });

  test('200 orders, each sent twice at once to a cluster of two core nodes. Result: 200 authorized, 200 refused as replays, every event in one verified chain', async () => {
    const judge = {
      certPem: fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.crt.pem'), 'utf8'),
      key: createPrivateKey(fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.key.pem'))),
    };
    const wires = await Promise.all(Array.from({ length: 200 }, async () => {
      const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
      const signature = (await signDetached(canonicalBytes(order), judge)).toString('base64');
      return { order, signature };
    }));
    const calls = wires.flatMap((w) => [w, w]).map((w) => client.call<any, any>('court.lookup', w, { timeout: 60_000 })
      .then((r) => ({ ok: true as const, orderId: r.orderId as string }), (e) => ({ ok: false as const, code: e.code as string })));
    const results = await Promise.all(calls);

    const authorized = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(authorized).toHaveLength(200);
    expect(new Set(authorized.map((r) => (r as any).orderId)).size).toBe(200);
    expect(refused).toHaveLength(200);
    for (const r of refused) expect((r as any).code).toMatch(/^HUB_ERR_AUTHZ_(NONCE_REPLAYED|ORDER_ID_REUSED)$/);

    const counts = (await store.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM audit_events GROUP BY type')).rows;
    const n = Object.fromEntries(counts.map((c) => [c.type, c.n]));
    expect(n['order-authorized']).toBe(200);
    expect(n['order-refused']).toBe(200);
    expect(n['evidence-issued']).toBe(200);
    const summary = JSON.parse(fs.readFileSync(path.join(pkiDir, 'pki.json'), 'utf8'));
    const chain = await verifyAuditChain(store, { verifyCheckpoint: checkpointVerifier(loadHubPki(summary)) });
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBe((await store.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n);
  }, 180_000);
});

function courtNodes(broker: ServiceBroker): string[] {
  const list: any[] = broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true });
  return list.filter((s) => s.name === 'court').map((s) => s.nodeID);
}

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
