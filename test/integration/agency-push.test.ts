/**
 * The agencies' push, embedded (in-process delivery loop): signed callbacks, at least once, in
 * order per decision, stable event ids, retries with backoff, dead letters the operator sees.
 * Real HTTP callback endpoints (test/support/agency-receiver.ts), real PostgreSQL.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { Registry } from 'prom-client';
import { startAgencyDelivery, type AgencyDelivery } from '../../bus/outbox';
import { deadLetters, getEvent, requeueDead } from '../../core/outbox';
import { appendOutbox, syncAgencies } from '../../core/store';
import type { Db } from '../../core/store/db';
import { startAgencyReceiver, type AgencyReceiver } from '../support/agency-receiver';
import { freshStore, type TestStore } from '../support/db';
import { getPkiFixture, type PkiFixture } from '../support/pki-fixture';

const RULES = { decisionKinds: ['judgment'], actions: ['arrest-accounts'], enforcement: false, partyFields: ['role' as const], operativePart: false, methods: ['listDecisions' as const] };
const sha = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');

async function inForce(db: Db, decisionId: string, agencies: string[], type: 'decision-in-force' | 'enforcement-status-changed' = 'decision-in-force') {
  return db.transaction((tx) => appendOutbox(tx, agencies.map((agencyId) => ({ decisionId, agencyId, type, payload: { decisionId, kind: 'judgment' } }))));
}

describe('agency push, embedded', () => {
  let t: TestStore;
  let pki: PkiFixture;
  let bank: AgencyReceiver;
  let migration: AgencyReceiver;
  let delivery: AgencyDelivery;
  let registry: Registry;

  beforeAll(async () => {
    pki = await getPkiFixture();
    t = await freshStore();
    bank = await startAgencyReceiver({ hubCertPem: pki.hub.certPem, signer: pki.agency.signer, foreignSigner: pki.staff.signer });
    migration = await startAgencyReceiver({ hubCertPem: pki.hub.certPem, signer: pki.agency.signer });
    await syncAgencies(t.store, [
      { id: 'bank-demo', memberId: 'AZ/COM/9900000001/bank', certSha256: sha(pki.agency.certPem), callbackUrl: bank.url, rules: RULES },
      { id: 'migration', memberId: 'AZ/GOV/9900000002/migration', certSha256: sha(pki.agency.certPem), callbackUrl: migration.url, rules: RULES },
    ]);
    registry = new Registry();
    delivery = await startAgencyDelivery({
      db: t.store, transporter: null, hub: { signer: pki.hub.signer, client: 'AZ/GOV/1400000001/court-hub' }, validator: pki.validator(),
      metricsRegistry: registry, policy: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 200 }, pollMs: 20, sendTimeoutMs: 2000,
    });
  });
  afterAll(async () => {
    await delivery?.stop();
    await bank?.close();
    await migration?.close();
    await t?.drop();
  });

  it('A decision enters legal force addressed to a bank and the migration service. Result: each receives the event once, signed by the hub, and acknowledges it with its own signature; the rows are delivered', async () => {
    const written = await inForce(t.store, 'DEC-PUSH-0001', ['bank-demo', 'migration']);
    await bank.waitFor((r) => r.some((e) => e.decisionId === 'DEC-PUSH-0001'));
    await migration.waitFor((r) => r.some((e) => e.decisionId === 'DEC-PUSH-0001'));
    const got = bank.received.filter((e) => e.decisionId === 'DEC-PUSH-0001');
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ eventId: written.find((w) => w.agencyId === 'bank-demo')!.eventId, type: 'decision-in-force', seq: 1, agencyId: 'bank-demo' });
    expect(bank.refused).toBe(0);
    for (const w of written) await waitState(t.store, w.eventId, 'delivered');
  });

  it('Three changes of one decision are written at once. Result: the agency receives them in seq order', async () => {
    await inForce(t.store, 'DEC-PUSH-0002', ['bank-demo']);
    await inForce(t.store, 'DEC-PUSH-0002', ['bank-demo'], 'enforcement-status-changed');
    await inForce(t.store, 'DEC-PUSH-0002', ['bank-demo'], 'enforcement-status-changed');
    await bank.waitFor((r) => r.filter((e) => e.decisionId === 'DEC-PUSH-0002').length === 3);
    expect(bank.received.filter((e) => e.decisionId === 'DEC-PUSH-0002').map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('The bank acknowledges with a signature that is not its pinned certificate. Result: the event is not delivered; it is retried and delivered once the real acknowledgement comes, with the same event id', async () => {
    bank.mode = 'foreign-ack';
    const [w] = await inForce(t.store, 'DEC-PUSH-0003', ['bank-demo']);
    await waitFor(async () => ((await getEvent(t.store, w.eventId))?.attempts ?? 0) >= 1);
    expect((await getEvent(t.store, w.eventId))).toMatchObject({ state: 'pending', lastError: expect.stringContaining('HUB_ERR_UPSTREAM_SIGNATURE_INVALID') });
    bank.mode = 'ok';
    await waitState(t.store, w.eventId, 'delivered');
    expect(bank.received.filter((e) => e.decisionId === 'DEC-PUSH-0003').map((e) => e.eventId)).toEqual([w.eventId]);
  });

  it('The migration service\'s callback is down. Result: retries with backoff, then the dead-letter state, counted in /metrics and listed for the operator; sent again by the operator once it is back, with the same event id', async () => {
    migration.mode = 'down';
    const [w] = await inForce(t.store, 'DEC-PUSH-0004', ['migration']);
    await waitState(t.store, w.eventId, 'dead');
    const row = await getEvent(t.store, w.eventId);
    expect(row).toMatchObject({ attempts: 3, lastError: 'HUB_ERR_UPSTREAM_SERVER_ERROR 503' });
    expect((await deadLetters(t.store, 10)).map((e) => e.eventId)).toContain(w.eventId);
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/court_hub_outbox_events\{agency="migration",state="dead"\} 1/);
    expect(metrics).toMatch(/court_hub_outbox_attempts_total\{agency="migration",outcome="retry"\} 2/);
    expect(metrics).toMatch(/court_hub_outbox_attempts_total\{agency="migration",outcome="dead"\} 1/);

    migration.mode = 'ok';
    expect(await requeueDead(t.store, w.eventId)).toBe(true);
    await waitState(t.store, w.eventId, 'delivered');
    expect(migration.received.filter((e) => e.decisionId === 'DEC-PUSH-0004').map((e) => e.eventId)).toEqual([w.eventId]);
  });
});

async function waitFor(pred: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function waitState(db: Db, eventId: string, state: string, timeoutMs?: number): Promise<void> {
  await waitFor(async () => (await getEvent(db, eventId))?.state === state, timeoutMs);
}

describe('agency push, embedded, started by the store\'s notifications (no periodic look during the test)', () => {
  let t: TestStore;
  let pki: PkiFixture;
  let bank: AgencyReceiver;
  let delivery: AgencyDelivery;
  const delivered = (id: string) => bank.received.filter((e) => e.decisionId === id).map((e) => e.eventId);

  beforeAll(async () => {
    pki = await getPkiFixture();
    t = await freshStore();
    bank = await startAgencyReceiver({ hubCertPem: pki.hub.certPem, signer: pki.agency.signer, foreignSigner: pki.staff.signer });
    await syncAgencies(t.store, [{ id: 'bank-demo', memberId: 'AZ/COM/9900000001/bank', certSha256: sha(pki.agency.certPem), callbackUrl: bank.url, rules: RULES }]);
    // The periodic look every 10 minutes: whatever is delivered here was started by a notification
    // (or by a retry falling due).
    delivery = await startAgencyDelivery({
      db: t.store, transporter: null, hub: { signer: pki.hub.signer, client: 'AZ/GOV/1400000001/court-hub' }, validator: pki.validator(),
      metricsRegistry: new Registry(), policy: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 200 }, pollMs: 600_000, sendTimeoutMs: 2000,
    });
    await listening(t.store);
  });
  afterAll(async () => {
    await delivery?.stop();
    await bank?.close();
    await t?.drop();
  });

  it('A decision enters legal force. Result: the event is delivered at once, on the notification of its commit', async () => {
    const [w] = await inForce(t.store, 'DEC-NOTIFY-0001', ['bank-demo']);
    await waitState(t.store, w.eventId, 'delivered', 5000);
    expect(delivered('DEC-NOTIFY-0001')).toEqual([w.eventId]);
  });

  it('The first acknowledgement is not the bank\'s signature. Result: retried when its backoff falls due, without waiting for a periodic look, and delivered', async () => {
    bank.mode = 'foreign-ack';
    const [w] = await inForce(t.store, 'DEC-NOTIFY-0002', ['bank-demo']);
    await waitFor(async () => ((await getEvent(t.store, w.eventId))?.attempts ?? 0) >= 1, 5000);
    bank.mode = 'ok';
    await waitState(t.store, w.eventId, 'delivered', 5000);
    expect(delivered('DEC-NOTIFY-0002')).toEqual([w.eventId]);
  });

  it('The operator sends a dead event again. Result: delivered at once, on the notification of the requeue', async () => {
    bank.mode = 'down';
    const [w] = await inForce(t.store, 'DEC-NOTIFY-0003', ['bank-demo']);
    await waitState(t.store, w.eventId, 'dead', 5000);
    bank.mode = 'ok';
    expect(await requeueDead(t.store, w.eventId)).toBe(true);
    await waitState(t.store, w.eventId, 'delivered', 5000);
    expect(delivered('DEC-NOTIFY-0003')).toEqual([w.eventId]);
  });

  it('The listening connection is killed by the server. Result: it is opened again, and an event written afterwards is delivered on its notification', async () => {
    const killed = await t.store.query<{ ok: boolean }>(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`);
    expect(killed.rows.length).toBeGreaterThan(0);
    await listening(t.store);
    const [w] = await inForce(t.store, 'DEC-NOTIFY-0004', ['bank-demo']);
    await waitState(t.store, w.eventId, 'delivered', 5000);
    expect(delivered('DEC-NOTIFY-0004')).toEqual([w.eventId]);
  });
});

/** Until a session of this database listens (its last statement a LISTEN). */
async function listening(db: Db): Promise<void> {
  await waitFor(async () => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%' AND state = 'idle'`)).rows[0].n > 0, 10_000);
}
