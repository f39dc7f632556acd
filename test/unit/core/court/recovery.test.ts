/**
 * Recovery after a node died mid-lookup (core/court/recovery.flow.ts) on a real PostgreSQL:
 * abandoned attempts get their final state with an `interrupted` end for every call they had
 * started, in one statement; what is still in flight is left alone; a clerk's identity check left
 * open is ended after its grace time; and the chain then passes `audit verify`.
 */
import { createAuditTrail, type AuditTrail } from '../../../../core/audit/audit-trail';
import type { AuditEventInput } from '../../../../core/audit/audit-types';
import { verifyAuditChain } from '../../../../core/audit/verify-chain';
import { courtStore } from '../../../../core/court/court-store';
import { recoverAbandoned } from '../../../../core/court/recovery.flow';
import { admitOrder, getOrder } from '../../../../core/store/repositories/orders';
import { freshPgStore } from '../../../support/pg-store';
import { signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from '../audit/audit-fixtures';

describe('recovery of abandoned attempts (postgres)', () => {
  let t: Awaited<ReturnType<typeof freshPgStore>>;
  let trail: AuditTrail;
  beforeAll(async () => {
    t = await freshPgStore();
    trail = createAuditTrail({ db: t.store, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0 });
  });
  afterAll(async () => { await trail?.close(); await t?.drop(); });

  const start = (requestId: string, orderId: string | null, section = '11.2.22'): AuditEventInput => ({
    type: 'provider-call-started', requestId, outcome: 'started', categories: [section], caseNumber: '2(101)-1234/2026',
    details: { ...(orderId ? { orderId } : {}), provider: 'population' },
  });
  /** An order whose attempt 1 started its calls (authorized), with its lease ending at `leaseUntil`. */
  async function running(orderId: string, leaseUntil: Date, sections = ['11.2.22']): Promise<void> {
    await admitOrder(t.store, `n-${orderId}`, new Date(Date.now() + 600_000),
      { orderId, caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: sections, requestId: `r-${orderId}`, leaseUntil });
    await trail.appendAll(sections.map((s) => start(`r-${orderId}`, orderId, s)),
      { orders: [{ orderId, attempt: 1, from: ['received'], to: 'authorized', strict: true }] });
  }
  const ends = async (requestId: string) => (await t.store.query<{ outcome: string; details: Record<string, unknown> }>(
    `SELECT outcome, details FROM audit_events WHERE type = 'provider-call-ended' AND request_id = $1 ORDER BY seq`, [requestId])).rows;

  it('A node died with two orders: one mid-lookup past its lease, one only admitted. A third runs on a live node. A clerk\'s check was left open long ago. Result: the dead node\'s work ended and failed, the live one untouched, the chain verifies', async () => {
    const past = new Date(Date.now() - 1000);
    await running('dead-1', past, ['11.2.22', '11.2.3']);
    await admitOrder(t.store, 'n-dead-2', new Date(Date.now() + 600_000),
      { orderId: 'dead-2', caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'], requestId: 'r-dead-2', leaseUntil: past });
    await running('live-1', new Date(Date.now() + 60_000));
    const old = createAuditTrail({ db: t.store, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0, now: () => new Date(Date.now() - 120_000) });
    await old.append(start('idv-1', null));
    await old.close();

    const store = courtStore(t.store);
    const report = await recoverAbandoned({ store, audit: trail, callGraceMs: 60_000 });
    expect(report).toMatchObject({ ordersEnded: 2, callsClosed: 1 });

    expect(await getOrder(t.store, 'dead-1')).toMatchObject({ status: 'failed', refusalCode: 'interrupted' });
    expect((await ends('r-dead-1')).map((e) => e.outcome)).toEqual(['interrupted', 'interrupted']);
    expect((await ends('r-dead-1'))[0].details).toMatchObject({ orderId: 'dead-1', provider: 'population', startSeq: expect.any(Number) });
    expect(await getOrder(t.store, 'dead-2')).toMatchObject({ status: 'failed', refusalCode: 'interrupted' });
    expect(await getOrder(t.store, 'live-1')).toMatchObject({ status: 'authorized' });
    expect(await ends('r-live-1')).toEqual([]);
    expect((await ends('idv-1')).map((e) => e.outcome)).toEqual(['interrupted']);
    // The mark stops below the call still in flight: the next run looks at it again.
    const liveStart = (await t.store.query<{ seq: number }>(`SELECT seq FROM audit_events WHERE request_id = 'r-live-1'`)).rows[0].seq;
    expect(report.mark).toBe(liveStart - 1);

    expect(await verifyAuditChain(t.store, { verifyCheckpoint, openGraceMs: 60_000 })).toMatchObject({ ok: true, invariants: { callsOpen: 1 } });

    // A second node running recovery at the same time, or later, finds nothing more to do.
    expect(await recoverAbandoned({ store, audit: trail, callGraceMs: 60_000 })).toMatchObject({ ordersEnded: 0, callsClosed: 0 });
    expect((await ends('r-dead-1')).length).toBe(2);
  });
});
