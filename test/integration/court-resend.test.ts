/**
 * A transient failure never uses up an order (README "Faults"): the very same signed order sent
 * again re-runs it, audited as a retry linked to the first attempt, unless it completed — then
 * the answer says so and points to the evidence fetch. Anything else reusing the nonce stays a
 * replay. And evidence leaves the hub only for a completed order whose evidence-issued record
 * is in the chain. In-process court (test/integration/court-harness.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Service } from 'moleculer';
import type { AdapterCallParams, AdapterResult } from '../../contracts/hub';
import type { LookupOrder } from '../../core/orders';
import { asDatabaseOwner } from '../support/db';
import { CASE_A, PARTY, PERSON, signed, startCourt, window, type Court } from './court-harness';

let court: Court;
beforeAll(async () => { court = await startCourt(); }, 60_000);
afterAll(async () => { await court?.stop(); });

function order(over: Partial<LookupOrder> = {}): LookupOrder {
  return { orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'Identify the plaintiff', ...window(), ...over };
}

/** The population register's adapter: absent (no node on the bus), held until `gate` resolves, or answering. */
async function population(mode: 'absent' | 'ok', gate?: Promise<void>): Promise<void> {
  const existing = court.broker.getLocalService('adapter.population') as Service | undefined;
  if (existing) await court.broker.destroyService(existing);
  if (mode === 'absent') return;
  court.broker.createService({
    name: 'adapter.population',
    actions: {
      async getPerson(ctx: { params: AdapterCallParams }): Promise<AdapterResult> {
        if (gate) await gate;
        return {
          outcome: 'ok', section: ctx.params.section, provider: 'population', operation: 'getPerson', messageId: randomUUID(),
          requestHash: 'a1'.repeat(32), responseHash: 'b2'.repeat(32), data: PERSON, signedAnswer: Buffer.from('<signed/>').toString('base64'), durationMs: 1,
        };
      },
    },
  } as never);
  await court.broker.waitForServices('adapter.population', 5000);
}

const events = async (orderId: string) => (await court.ts.store.query<{ type: string; outcome: string; requestId: string; details: Record<string, unknown> }>(
  `SELECT type, outcome, request_id AS "requestId", details FROM audit_events WHERE details->>'orderId' = $1 ORDER BY seq`, [orderId])).rows;

describe('re-sending a signed order', () => {
  afterEach(async () => { await population('ok'); });

  it('The population register has no node on the bus during the order. Result: 503 HUB_ERR_BUS_UNAVAILABLE; the same signed order re-sent later runs, audited as a retry linked to the first attempt', async () => {
    await population('absent');
    const body = await signed(court.s.judge.signer, 'order', order());
    const first = await court.refusal('court.lookup', body);
    expect(first).toMatchObject({ code: 'HUB_ERR_BUS_UNAVAILABLE', retryable: true });
    await population('ok');
    const r = await court.call('court.lookup', body);
    expect(r.outcomes).toEqual([expect.objectContaining({ section: '11.2.22', status: 'ok' })]);

    const ev = await events(r.orderId);
    const received = ev.filter((e) => e.type === 'order-received');
    expect(received).toHaveLength(2);
    expect(received[1].details).toMatchObject({ attempt: 2, retryOf: received[0].requestId });
    expect(ev.filter((e) => e.type === 'provider-call-ended').map((e) => e.outcome)).toEqual(['HUB_ERR_BUS_UNAVAILABLE', 'ok']);
    expect(ev.filter((e) => e.type === 'evidence-issued')).toHaveLength(1);
  });

  it('The same signed order re-sent after it completed. Result: HUB_ERR_AUTHZ_NONCE_REPLAYED saying it was executed and where its evidence is; no registry called again', async () => {
    const body = await signed(court.s.judge.signer, 'order', order());
    const r = await court.call('court.lookup', body);
    const calls = court.calls.length;
    const again = await court.refusal('court.lookup', body);
    expect(again).toMatchObject({ code: 'HUB_ERR_AUTHZ_NONCE_REPLAYED', details: { orderId: r.orderId, executed: true, evidence: `/api/v1/lookups/${r.orderId}/evidence` } });
    expect(again.message).toMatch(/already executed.*evidence/);
    expect(court.calls.length).toBe(calls);
  });

  it('A different order reuses the nonce of a failed order, and a copy of the failed order is changed and re-signed. Result: both HUB_ERR_AUTHZ_NONCE_REPLAYED, neither runs', async () => {
    await population('absent');
    const o = order();
    await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', o));
    await population('ok');
    const calls = court.calls.length;
    const other = await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', order({ nonce: o.nonce })));
    const changed = await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', { ...o, purpose: 'Something else' }));
    expect([other.code, changed.code]).toEqual(['HUB_ERR_AUTHZ_NONCE_REPLAYED', 'HUB_ERR_AUTHZ_NONCE_REPLAYED']);
    expect(court.calls.length).toBe(calls);
  });

  it('The order is re-sent while its first attempt still runs. Result: 503 HUB_ERR_ORDER_IN_PROGRESS with a retry delay; sent again after it ran, it is reported executed', async () => {
    let release!: () => void;
    await population('ok', new Promise<void>((r) => { release = r; }));
    const o = order();
    const body = await signed(court.s.judge.signer, 'order', o);
    const first = court.call('court.lookup', body);
    // The first attempt is authorized and waiting for the registry.
    for (let i = 0; i < 200 && !(await court.ts.store.query(`SELECT 1 FROM lookup_orders WHERE order_id = $1 AND status = 'authorized'`, [o.orderId])).rows.length; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const during = await court.refusal('court.lookup', body);
    release();
    expect(during).toMatchObject({ code: 'HUB_ERR_ORDER_IN_PROGRESS', retryable: true, details: { retryAfterMs: expect.any(Number) } });
    const r = await first;
    expect((await court.refusal('court.lookup', body)).details).toMatchObject({ orderId: r.orderId, executed: true });
  });

  it('Two re-sends of a failed order arrive at once. Result: exactly one runs it; the other is told it is in progress or executed', async () => {
    await population('absent');
    const body = await signed(court.s.judge.signer, 'order', order());
    await court.refusal('court.lookup', body);
    await population('ok');
    const both = await Promise.allSettled([court.call('court.lookup', body), court.call('court.lookup', body)]);
    expect(both.filter((b) => b.status === 'fulfilled')).toHaveLength(1);
    const loser = both.find((b) => b.status === 'rejected') as PromiseRejectedResult;
    expect(['HUB_ERR_ORDER_IN_PROGRESS', 'HUB_ERR_AUTHZ_NONCE_REPLAYED']).toContain(loser.reason.code);
  });
});

describe('evidence leaves the hub only as the chain shows it issued', () => {
  const fetchEvidence = async (orderId: string) => court.call('court.evidence', await signed(court.s.judge.signer, 'request', { orderId, ...window() }));

  it('A completed order. Result: its packet, exactly the one handed out with the lookup', async () => {
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', order()));
    expect((await fetchEvidence(r.orderId)).evidence).toBe(r.evidence);
  });

  it('Someone with owner rights removes the evidence-issued record of a completed order. Result: the packet is no longer served (404)', async () => {
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', order()));
    await asDatabaseOwner(court.ts.store, (tx) => tx.query(`DELETE FROM audit_events WHERE type = 'evidence-issued' AND details->>'orderId' = $1`, [r.orderId]));
    const err = await fetchEvidence(r.orderId).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HUB_ERR_VALIDATION_NOT_FOUND' });
  });

  it('An order holds a packet but never completed (a failed attempt). Result: 404, nothing served', async () => {
    await population('absent');
    const o = order();
    await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', o));
    await population('ok');
    await court.ts.store.query('UPDATE lookup_orders SET evidence = $2 WHERE order_id = $1', [o.orderId, Buffer.from('a packet nobody issued')]);
    const err = await fetchEvidence(o.orderId).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'HUB_ERR_VALIDATION_NOT_FOUND' });
  });
});
