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
 * Concurrency: two core nodes (separate OS processes) share one PostgreSQL over NATS. 200 signed
 * orders arrive in parallel, each of them twice. Result: no order executed twice, each attempt
 * authorized once, no audit record lost, the chain and its invariants verify.
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

  test('200 orders, each sent twice at once to a cluster of two core nodes. Result: no order executed twice; those the burst failed run again when re-sent; every evidence in one verified chain with its invariants', async () => {
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
      .then((r) => ({ ok: true as const, orderId: r.orderId as string }), (e) => ({ ok: false as const, orderId: w.order.orderId, code: e.code as string, retryable: e.retryable === true })));
    const results = await Promise.all(calls);

    // A burst of 400 fills the registry's bulkhead: an order whose registry was unavailable fails
    // (retryable, not used up), and its duplicate may then run it again as a retry.
    const completed = results.filter((r) => r.ok).map((r) => r.orderId);
    expect(new Set(completed).size).toBe(completed.length); // never two answers with data for one order
    for (const r of results) {
      if (!r.ok) expect(r.code === 'HUB_ERR_AUTHZ_NONCE_REPLAYED' || r.code === 'HUB_ERR_ORDER_IN_PROGRESS' || r.retryable).toBe(true);
    }
    // Every order that did not complete is sent again (the same signed order), a few at a time:
    // it runs again, or is reported executed. No order is used up by the burst.
    const done = new Set(completed);
    for (let round = 0; round < 5 && done.size < wires.length; round++) {
      const todo = wires.filter((w) => !done.has(w.order.orderId));
      for (let i = 0; i < todo.length; i += 8) {
        await Promise.all(todo.slice(i, i + 8).map((w) => client.call<any, any>('court.lookup', w, { timeout: 60_000 }).then(
          (r) => { completed.push(r.orderId); done.add(r.orderId); },
          (e) => { if (e.code === 'HUB_ERR_AUTHZ_NONCE_REPLAYED' && e.data?.details?.executed) done.add(w.order.orderId); })));
      }
    }
    expect(done.size).toBe(wires.length);
    expect(new Set(completed).size).toBe(completed.length);

    const issued = (await store.query<{ orderId: string }>(`SELECT details->>'orderId' AS "orderId" FROM audit_events WHERE type = 'evidence-issued' AND outcome = 'issued'`)).rows;
    expect(issued.map((r) => r.orderId).sort()).toEqual([...completed].sort());
    // Each attempt authorized once: as many order-authorized records as attempts made.
    const attempts = (await store.query<{ n: number }>('SELECT coalesce(sum(attempt), 0)::int AS n FROM lookup_orders')).rows[0].n;
    const authorized = (await store.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'order-authorized'`)).rows[0].n;
    expect(authorized).toBe(attempts);
    const summary = JSON.parse(fs.readFileSync(path.join(pkiDir, 'pki.json'), 'utf8'));
    const chain = await verifyAuditChain(store, { verifyCheckpoint: checkpointVerifier(loadHubPki(summary)) });
    expect(chain).toMatchObject({ ok: true });
    expect(chain.invariants?.packets).toBe(completed.length);
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
