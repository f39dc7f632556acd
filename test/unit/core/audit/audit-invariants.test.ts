/**
 * `audit verify` beyond the hash chain (core/audit/verify-invariants.ts): the chain claims no
 * less and no more than happened. Each scenario breaks one invariant the way a fault or a
 * tamperer would, and verify names the order that breaks it.
 */
import { createHash } from 'node:crypto';
import { createAuditTrail, type AuditTrail } from '../../../../core/audit/audit-trail';
import type { AuditEventInput } from '../../../../core/audit/audit-types';
import { verifyAuditChain } from '../../../../core/audit/verify-chain';
import { admitOrder, saveEvidence } from '../../../../core/store/repositories/orders';
import { freshPgStore } from '../../../support/pg-store';
import { resetAudit, signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from './audit-fixtures';

const packet = Buffer.from('evidence packet bytes');
const PACKET_SHA = createHash('sha256').update(packet).digest('hex');

describe('audit verify checks the invariants (postgres)', () => {
  let t: Awaited<ReturnType<typeof freshPgStore>>;
  let trail: AuditTrail;
  beforeAll(async () => { t = await freshPgStore(); });
  afterAll(async () => { await t?.drop(); });
  beforeEach(async () => {
    await resetAudit(t.store);
    await t.store.query('DELETE FROM lookup_orders');
    trail = createAuditTrail({ db: t.store, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0 });
  });
  afterEach(async () => { await trail.close(); });

  const ev = (type: AuditEventInput['type'], requestId: string, orderId: string | null, outcome: string, details: Record<string, unknown> = {}): AuditEventInput =>
    ({ type, requestId, outcome, categories: ['11.2.22'], caseNumber: '2(101)-1234/2026', details: { ...(orderId ? { orderId } : {}), provider: 'population', ...details } });
  const order = (orderId: string, requestId: string) => admitOrder(t.store, `n-${orderId}`, new Date(Date.now() + 600_000),
    { orderId, caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'], requestId, leaseUntil: new Date(Date.now() + 60_000) });
  const setStatus = (orderId: string, status: string) => t.store.query('UPDATE lookup_orders SET status = $2 WHERE order_id = $1', [orderId, status]);
  const verify = () => verifyAuditChain(t.store, { verifyCheckpoint, openGraceMs: 60_000 });

  it('A lookup started, ended and issued its stored packet; another is still running. Result: OK, one call in flight', async () => {
    await order('o-1', 'r-1');
    await order('o-2', 'r-2');
    await trail.appendAll([ev('provider-call-started', 'r-1', 'o-1', 'started'), ev('provider-call-started', 'r-2', 'o-2', 'started')]);
    await setStatus('o-2', 'authorized');
    await trail.appendAll([ev('provider-call-ended', 'r-1', 'o-1', 'ok'), ev('evidence-issued', 'r-1', 'o-1', 'issued', { evidenceSha256: PACKET_SHA })]);
    await saveEvidence(t.store, 'o-1', packet);
    await setStatus('o-1', 'completed');
    expect(await verify()).toMatchObject({ ok: true, invariants: { callsStarted: 2, callsOpen: 1, packets: 1 } });
  });

  it('A provider call started for an order that has moved on, and never ended. Result: BROKEN, call-not-ended, naming the order', async () => {
    await order('o-3', 'r-3');
    await trail.append(ev('provider-call-started', 'r-3', 'o-3', 'started'));
    await setStatus('o-3', 'failed');
    const r = await verify();
    expect(r).toMatchObject({ ok: false, invariantBreak: { problem: 'call-not-ended', orderId: 'o-3', requestId: 'r-3', seq: 1 } });
  });

  it('A clerk\'s identity check started (no order) and never ended, past the grace time. Result: BROKEN, call-not-ended, naming the request', async () => {
    const old = createAuditTrail({ db: t.store, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0, now: () => new Date(Date.now() - 120_000) });
    await old.append(ev('provider-call-started', 'idv-1', null, 'started'));
    await old.close();
    expect(await verify()).toMatchObject({ ok: false, invariantBreak: { problem: 'call-not-ended', requestId: 'idv-1' } });
  });

  it('The chain says the evidence was issued, but the order has no packet. Result: BROKEN, evidence-not-stored, naming the order', async () => {
    await order('o-4', 'r-4');
    await trail.append(ev('evidence-issued', 'r-4', 'o-4', 'issued', { evidenceSha256: PACKET_SHA }));
    expect(await verify()).toMatchObject({ ok: false, invariantBreak: { problem: 'evidence-not-stored', orderId: 'o-4' } });
  });

  it('An order holds a packet no evidence-issued record accounts for (or another packet than the one issued). Result: BROKEN, packet-not-audited, naming the order', async () => {
    await order('o-5', 'r-5');
    await saveEvidence(t.store, 'o-5', packet);
    await setStatus('o-5', 'completed');
    expect(await verify()).toMatchObject({ ok: false, invariantBreak: { problem: 'packet-not-audited', orderId: 'o-5' } });
  });
});
