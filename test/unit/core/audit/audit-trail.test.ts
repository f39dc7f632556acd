/**
 * Appending to the chain: committed before it resolves, in order, grouped under load, with
 * signed checkpoints, and failing closed.
 */
import { HubError } from '../../../../contracts/hub';
import { createAuditTrail, type AuditTrail } from '../../../../core/audit/audit-trail';
import { checkpointBytes, loadCheckpoints } from '../../../../core/audit/checkpoints';
import { verifyAuditChain } from '../../../../core/audit/verify-chain';
import type { Db } from '../../../../core/store/db';
import { freshStore, type TestStore } from '../../../support/db';
import { readRecord, resetAudit, sampleEvent, signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from './audit-fixtures';

const opened: AuditTrail[] = [];
/** A trail for one test; afterEach closes it even when the test failed, so no timer outlives it. */
const trailOn = (db: Db, over: Partial<Parameters<typeof createAuditTrail>[0]> = {}) => {
  const trail = createAuditTrail({ db, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0, ...over });
  opened.push(trail);
  return trail;
};
afterEach(async () => { await Promise.all(opened.splice(0).map((tr) => tr.close().catch(() => undefined))); });

describe('audit trail', () => {
  let t: TestStore;
  beforeAll(async () => { t = await freshStore(); });
  afterAll(async () => { await t?.drop(); });
  beforeEach(async () => { await resetAudit(t.store); });

  it('A lookup is audited. Result: the record is in the table, chained to the genesis, before append resolves', async () => {
    const trail = trailOn(t.store);
    const a = await trail.append(sampleEvent(1));
    expect(a.seq).toBe(1);
    const r = await readRecord(t.store, 1);
    expect(r).toMatchObject({ type: 'order-authorized', requestId: 'req-1', caseNumber: '2(101)-1234/2026', categories: ['11.2.22'], prevHash: '0'.repeat(64), hash: a.hash });
    expect(JSON.stringify(r)).not.toMatch(/2JD4K7M|1AB2C3D/);
    await trail.close();
  });

  it('A hundred lookups are audited at once. Result: seqs 1..100 without gaps, each request once, the chain verifies', async () => {
    const trail = trailOn(t.store);
    const out = await Promise.all(Array.from({ length: 100 }, (_, i) => trail.append(sampleEvent(i))));
    expect(out.map((o) => o.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const ids = (await t.store.query<{ requestId: string }>('SELECT request_id AS "requestId" FROM audit_events')).rows.map((r) => r.requestId);
    expect(new Set(ids).size).toBe(100);
    expect(await verifyAuditChain(t.store, { verifyCheckpoint })).toMatchObject({ ok: true, checked: 100 });
    await trail.close();
  });

  it('Forty appends at once, observed (the operator\'s /metrics). Result: every write told once with its records and groups, together all forty, fewer writes than appends', async () => {
    const writes: { events: number; groups: number; ms: number }[] = [];
    const trail = trailOn(t.store, { onWrite: (w) => writes.push(w) });
    await Promise.all(Array.from({ length: 40 }, (_, i) => trail.append(sampleEvent(i))));
    expect(writes.reduce((n, w) => n + w.events, 0)).toBe(40);
    expect(writes.reduce((n, w) => n + w.groups, 0)).toBe(40);
    expect(writes.length).toBeLessThan(40);
    expect(writes.every((w) => w.ms > 0)).toBe(true);
  });

  it('Two hub instances share the database and append at once. Result: they re-chain onto each other, nothing lost, chain verifies', async () => {
    const a = trailOn(t.store);
    const b = trailOn(t.store);
    await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).append(sampleEvent(i))));
    expect(await verifyAuditChain(t.store, { verifyCheckpoint })).toMatchObject({ ok: true, checked: 60 });
    await Promise.all([a.close(), b.close()]);
  });

  it('An order-received and its refusal are written together. Result: consecutive seqs, or neither', async () => {
    const trail = trailOn(t.store);
    await trail.append(sampleEvent(0));
    const pair = await trail.appendAll([sampleEvent(1, { type: 'order-received', outcome: 'received' }), sampleEvent(2, { type: 'order-refused', outcome: 'HUB_ERR_AUTHZ_DENIED' })]);
    expect(pair.map((p) => p.seq)).toEqual([2, 3]);
    const bad = await trail.appendAll([sampleEvent(3), sampleEvent(4, { details: { name: 'x' } })]).catch((e: unknown) => e);
    expect(HubError.is(bad, 'HUB_ERR_AUDIT_INVALID_EVENT')).toBe(true);
    expect((await t.store.query('SELECT seq FROM audit_events')).rows).toHaveLength(3);
    await trail.close();
  });

  it('The application itself tries to change or delete an audit record. Result: the database refuses (8.2.15)', async () => {
    const trail = trailOn(t.store);
    await trail.append(sampleEvent(1));
    const upd = await t.store.query(`UPDATE audit_events SET outcome = 'refused' WHERE seq = 1`).catch((e: unknown) => e);
    const del = await t.store.query('DELETE FROM audit_events WHERE seq = 1').catch((e: unknown) => e);
    expect(HubError.is(upd, 'HUB_ERR_STORE_FAILED') && HubError.is(del, 'HUB_ERR_STORE_FAILED')).toBe(true);
    expect((await readRecord(t.store, 1)).outcome).toBe('authorized');
    await trail.close();
  });

  it('Every 10 events the hub signs a checkpoint, and once more on shutdown. Result: signatures verify over head seq and hash', async () => {
    const trail = trailOn(t.store, { checkpointEvery: 10 });
    for (let i = 0; i < 25; i++) await trail.append(sampleEvent(i));
    await trail.close();
    const cps = await loadCheckpoints(t.store);
    expect(cps.filter((c) => c.seq >= 10 && c.seq < 25).length).toBeGreaterThanOrEqual(1);
    expect(cps[cps.length - 1].seq).toBe(25);
    for (const c of cps) {
      expect(c.hash).toBe((await readRecord(t.store, c.seq)).hash);
      expect(await verifyCheckpoint(checkpointBytes(c), c.signature)).toBe(true);
    }
  });

  it('Events keep arriving but fewer than N. Result: the timer signs a checkpoint anyway', async () => {
    const trail = trailOn(t.store, { checkpointEvery: 1000, checkpointIntervalMs: 20 });
    await trail.appendAll([sampleEvent(1), sampleEvent(2)]);
    let cps = await loadCheckpoints(t.store);
    for (let i = 0; i < 250 && cps.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      cps = await loadCheckpoints(t.store);
    }
    expect(cps.map((c) => c.seq)).toEqual([2]);
    await trail.close();
  });

  it('The signing key is unavailable when a checkpoint is due. Result: appends still succeed, the failure is reported', async () => {
    const reported: HubError[] = [];
    const trail = trailOn(t.store, { signCheckpoint: async () => { throw new Error('HSM offline'); }, onBackgroundError: (e) => reported.push(e) });
    await trail.append(sampleEvent(1));
    await expect(trail.checkpoint()).rejects.toMatchObject({ code: 'HUB_ERR_AUDIT_CHECKPOINT_FAILED' });
    await trail.close();
    expect(reported.map((e) => e.code)).toEqual(['HUB_ERR_AUDIT_CHECKPOINT_FAILED']);
  });
});

describe('audit trail fails closed', () => {
  const unavailable = new HubError('HUB_ERR_STORE_UNAVAILABLE');
  const downDb: Db = {
    query: async () => { throw unavailable; },
    transaction: async () => { throw unavailable; },
    close: async () => undefined,
  };

  it('The database is down when an order is to be audited. Result: append rejects with HUB_ERR_AUDIT_WRITE_FAILED, so no registry is called', async () => {
    const trail = trailOn(downDb, { retryBudgetMs: 200 });
    const registry = jest.fn();
    await expect(trail.append(sampleEvent(1)).then(registry)).rejects.toMatchObject({ code: 'HUB_ERR_AUDIT_WRITE_FAILED', category: 'transient' });
    expect(registry).not.toHaveBeenCalled();
    await trail.close();
  });

  it('The trail was closed at shutdown and a late lookup arrives. Result: HUB_ERR_AUDIT_WRITE_FAILED', async () => {
    const trail = trailOn(downDb);
    await trail.close();
    await expect(trail.append(sampleEvent(1))).rejects.toMatchObject({ code: 'HUB_ERR_AUDIT_WRITE_FAILED', details: { reason: 'closed' } });
  });
});
