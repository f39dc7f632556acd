/**
 * The agencies' push in a cluster: the outbox goes through a JetStream stream with a durable
 * consumer shared by the delivery nodes. Killing the node that is delivering, or restarting
 * nats-server while deliveries are in flight, loses no event: each is delivered later, with the
 * same event id. Real processes (the killed node is an OS process), NATS and PostgreSQL.
 */
import { createHash, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from 'prom-client';
import { startAgencyDelivery, type AgencyDelivery } from '../../bus/outbox';
import { getEvent } from '../../core/outbox';
import { appendOutbox, syncAgencies } from '../../core/store';
import type { Db } from '../../core/store/db';
import { startAgencyReceiver, type AgencyReceiver } from '../support/agency-receiver';
import { freshStore, type TestStore } from '../support/db';
import { builtScript, HubProcess } from '../support/hub-process';
import { NatsServer } from '../support/nats-server';
import { getPkiFixture, type PkiFixture } from '../support/pki-fixture';

jest.setTimeout(120_000);

const RULES = { decisionKinds: ['judgment'], actions: ['arrest-accounts'], enforcement: false, partyFields: ['role' as const], operativePart: false, methods: ['listDecisions' as const] };
const LEASE_MS = 3000;

async function emit(db: Db, decisionId: string, n = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = await db.transaction((tx) => appendOutbox(tx, [{ decisionId, agencyId: 'bank-demo', type: i === 0 ? 'decision-in-force' : 'enforcement-status-changed', payload: { decisionId } }]));
    ids.push(w[0].eventId);
  }
  return ids;
}

async function until(pred: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('agency push over JetStream', () => {
  let nats: NatsServer;
  let t: TestStore;
  let pki: PkiFixture;
  let bank: AgencyReceiver;
  let configFile: string;
  let nodeB: AgencyDelivery | undefined;

  beforeAll(async () => {
    pki = await getPkiFixture();
    nats = await NatsServer.start();
    t = await freshStore();
    bank = await startAgencyReceiver({ hubCertPem: pki.hub.certPem, signer: pki.agency.signer });
    await syncAgencies(t.store, [{ id: 'bank-demo', memberId: 'AZ/COM/9900000001/bank', certSha256: createHash('sha256').update(new X509Certificate(pki.agency.certPem).raw).digest('hex'), callbackUrl: bank.url, rules: RULES }]);
    configFile = path.join(fs.mkdtempSync(path.join(process.env.TEST_RUN_DIR ?? os.tmpdir(), 'delivery-node-')), 'config.json');
    fs.writeFileSync(configFile, JSON.stringify({ databaseUrl: t.url, transporter: nats.url, hub: { certPem: pki.hub.certPem, keyPem: pki.hub.keyPem }, trust: pki.trust, leaseMs: LEASE_MS, owner: 'node-a' }));
  });
  afterAll(async () => {
    await nodeB?.stop();
    await bank?.close();
    await nats?.stop();
    await t?.drop();
  });

  const startNodeB = () => startAgencyDelivery({
    db: t.store, transporter: nats.url, hub: { signer: pki.hub.signer, client: 'AZ/GOV/1400000001/court-hub' }, validator: pki.validator(),
    metricsRegistry: new Registry(), leaseMs: LEASE_MS, owner: 'node-b', pollMs: 50, policy: { baseDelayMs: 100, maxDelayMs: 500 },
  });

  it('The node delivering an event is killed while the bank has not answered yet. Result: another node delivers it later with the same event id; later events of the decision follow in order', async () => {
    bank.mode = 'hold';
    const nodeA = await HubProcess.start('delivery-a', { DELIVERY_NODE_CONFIG: configFile }, 30_000, builtScript('dist/test/support/delivery-node.js'));
    const [held] = await emit(t.store, 'DEC-KILL-0001');
    await until(() => bank.requests.some((r) => r.eventId === held));
    nodeB = await startNodeB();
    await nodeA.stop('SIGKILL');
    bank.mode = 'ok';
    bank.release();
    const later = await emit(t.store, 'DEC-KILL-0001', 3);
    await until(() => new Set(bank.received.filter((e) => e.decisionId === 'DEC-KILL-0001').map((e) => e.eventId)).size >= 4);
    // At least once: the killed node's held request may still reach the bank when it is released, and
    // node B sends the same event again; the agency keys on the event id, so each id counts once.
    const got = bank.received.filter((e, i, all) => e.decisionId === 'DEC-KILL-0001' && all.findIndex((x) => x.eventId === e.eventId) === i);
    expect(got.map((e) => e.eventId)).toEqual([held, ...later]);
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    // The same event id, sent again as a new message (a new X-Road-Id).
    const sends = bank.requests.filter((r) => r.eventId === held);
    expect(sends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sends.map((s) => s.xRoadId)).size).toBe(sends.length);
    for (const id of [held, ...later]) expect((await getEvent(t.store, id))?.state).toBe('delivered');
  });

  it('nats-server restarts while deliveries are in flight and events are written while it is down. Result: every event is delivered, each with its own id, none lost', async () => {
    nodeB ??= await startNodeB();
    bank.mode = 'hold';
    const inFlight = [...await emit(t.store, 'DEC-NATS-0001'), ...await emit(t.store, 'DEC-NATS-0002')];
    await until(() => inFlight.every((id) => bank.requests.some((r) => r.eventId === id)));
    await nats.stop();
    const whileDown = [...await emit(t.store, 'DEC-NATS-0003'), ...await emit(t.store, 'DEC-NATS-0001', 1)];
    bank.mode = 'ok';
    bank.release();
    await new Promise((r) => setTimeout(r, 500));
    await nats.start();
    const all = [...inFlight, ...whileDown];
    await until(async () => (await Promise.all(all.map((id) => getEvent(t.store, id)))).every((e) => e?.state === 'delivered'), 60_000);
    const received = new Set(bank.received.map((e) => e.eventId));
    for (const id of all) expect(received.has(id)).toBe(true);
    // In order per decision: DEC-NATS-0001's second event after its first.
    const d1 = bank.received.filter((e) => e.decisionId === 'DEC-NATS-0001');
    expect(d1.map((e) => e.seq)).toEqual([...d1.map((e) => e.seq)].sort((a, b) => a - b));
  });
});
