/**
 * The audit writer under store faults (core/audit/chain-writer.ts) on a real PostgreSQL: a
 * connection lost before or after a commit, a database down past the deadline, and a lookup's
 * final records that commit with the order's completion — or, when another attempt took the
 * order over, not at all.
 */
import { HubError } from '../../../../contracts/hub';
import { createAuditTrail, type AuditTrail } from '../../../../core/audit/audit-trail';
import { verifyAuditChain } from '../../../../core/audit/verify-chain';
import type { Db } from '../../../../core/store/db';
import { admitOrder, getOrder } from '../../../../core/store/repositories/orders';
import { freshPgStore } from '../../../support/pg-store';
import { resetAudit, sampleEvent, signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from './audit-fixtures';

const lost = () => new HubError('HUB_ERR_STORE_UNAVAILABLE', { details: { sqlState: '57P01' } });

/** The store, except that appends fail as `fault` says: before the server sees them, or after it committed. */
function flaky(db: Db, fault: (n: number) => 'before' | 'after' | null): Db & { appends: number } {
  const self = {
    appends: 0,
    async query<T>(sql: string, params?: readonly unknown[]) {
      if (!sql.includes('audit_append_orders')) return db.query<T>(sql, params);
      const f = fault(self.appends++);
      if (f === 'before') throw lost();
      const r = await db.query<T>(sql, params);
      if (f === 'after') throw lost();
      return r;
    },
    transaction: <T>(fn: (tx: Db) => Promise<T>) => db.transaction(fn),
    close: async () => undefined,
  };
  return self;
}

describe('audit writer under store faults (postgres)', () => {
  let t: Awaited<ReturnType<typeof freshPgStore>>;
  const opened: AuditTrail[] = [];
  const trailOn = (db: Db, retryBudgetMs = 3000) => {
    const tr = createAuditTrail({ db, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0, retryBudgetMs });
    opened.push(tr);
    return tr;
  };
  const count = async () => (await t.store.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;

  beforeAll(async () => { t = await freshPgStore(); });
  afterAll(async () => { await t?.drop(); });
  beforeEach(async () => { await resetAudit(t.store); });
  afterEach(async () => { await Promise.all(opened.splice(0).map((tr) => tr.close().catch(() => undefined))); });

  it('The connection drops twice before the append reaches the server. Result: retried with backoff, written once, the append resolves', async () => {
    const db = flaky(t.store, (n) => (n < 2 ? 'before' : null));
    const out = await trailOn(db).appendAll([sampleEvent(1), sampleEvent(2)]);
    expect(out.map((o) => o.seq)).toEqual([1, 2]);
    expect(db.appends).toBe(3);
    expect(await count()).toBe(2);
  });

  it('The connection drops after the server committed the append (the answer is lost). Result: the writer finds its records in the chain and writes nothing twice', async () => {
    const db = flaky(t.store, (n) => (n === 0 ? 'after' : null));
    const trail = trailOn(db);
    const [a, b] = await Promise.all([trail.append(sampleEvent(1)), trail.append(sampleEvent(2))]);
    expect([a.seq, b.seq].sort()).toEqual([1, 2]);
    await trail.append(sampleEvent(3));
    expect(await count()).toBe(3);
    expect(await verifyAuditChain(t.store, { verifyCheckpoint })).toMatchObject({ ok: true, checked: 3 });
  });

  it('The database stays unreachable past the append\'s deadline. Result: HUB_ERR_AUDIT_WRITE_FAILED, nothing written', async () => {
    const db = flaky(t.store, () => 'before');
    const err = await trailOn(db).append(sampleEvent(1), { deadline: Date.now() + 300 }).catch((e: unknown) => e);
    // A lost connection could have lost a commit too: the caller hears "maybe written" and acts on
    // it (no registry called; the order re-sent later finds out), and here nothing was.
    expect(err).toMatchObject({ code: 'HUB_ERR_AUDIT_WRITE_FAILED', details: { reason: 'outcome-unknown' } });
    expect(db.appends).toBeGreaterThan(1);
    expect(await count()).toBe(0);
  });

  it('Every answer of the server is lost, committed or not. Result: the writer proves its commit from the chain: the append resolves, its record is there once', async () => {
    const db = flaky(t.store, () => 'after');
    const a = await trailOn(db).append(sampleEvent(1), { deadline: Date.now() + 2000 });
    expect(a.seq).toBe(1);
    expect(db.appends).toBe(1);
    expect(await count()).toBe(1);
  });

  describe('with an order', () => {
    const order = (orderId: string) => admitOrder(t.store, `nonce-${orderId}`, new Date(Date.now() + 600_000),
      { orderId, caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'], requestId: 'req-1', leaseUntil: new Date(Date.now() + 60_000) });
    const packet = Buffer.from('a signed evidence packet');

    it('A lookup\'s final records carry the order\'s completion. Result: the records, the completed status and the packet commit together', async () => {
      await order('ord-complete');
      const trail = trailOn(t.store);
      await trail.append(sampleEvent(1, { type: 'order-authorized', details: { orderId: 'ord-complete' } }), { orders: [{ orderId: 'ord-complete', attempt: 1, from: ['received'], to: 'authorized', strict: true }] });
      await trail.appendAll([sampleEvent(2, { type: 'evidence-issued', outcome: 'issued', details: { orderId: 'ord-complete' } })],
        { orders: [{ orderId: 'ord-complete', attempt: 1, from: ['authorized'], to: 'completed', packet, strict: true }] });
      expect((await getOrder(t.store, 'ord-complete'))?.status).toBe('completed');
      expect((await t.store.query<{ evidence: Buffer }>(`SELECT evidence FROM lookup_orders WHERE order_id = 'ord-complete'`)).rows[0].evidence.equals(packet)).toBe(true);
    });

    it('Three lookups complete in one statement, one of them without a packet. Result: each order holds exactly its own packet, bytes as sent', async () => {
      const ids = ['ord-p1', 'ord-p2', 'ord-p3'];
      for (const id of ids) {
        await order(id);
        await t.store.query(`UPDATE lookup_orders SET status = 'authorized' WHERE order_id = $1`, [id]);
      }
      // Binary bytes of different lengths: an offset or a length off by one shows.
      const packets = [Buffer.from([0, 1, 2, 255, 0]), undefined, Buffer.from('\u0000second packet, longer than the first\u00ff', 'latin1')];
      const trail = trailOn(t.store);
      const busy = trail.append(sampleEvent(0)); // while this one is written, the next three queue up into one batch
      await Promise.all(ids.map((id, i) => trail.appendAll([sampleEvent(i + 1, { type: 'evidence-issued', outcome: 'issued', details: { orderId: id } })],
        { orders: [{ orderId: id, attempt: 1, from: ['authorized'], to: 'completed', ...(packets[i] ? { packet: packets[i] } : {}), strict: true }] })));
      await busy;
      const rows = (await t.store.query<{ id: string; status: string; evidence: Buffer | null }>(
        `SELECT order_id AS id, status, evidence FROM lookup_orders WHERE order_id = ANY($1) ORDER BY order_id`, [ids])).rows;
      expect(rows.map((r) => r.status)).toEqual(['completed', 'completed', 'completed']);
      expect(rows.map((r) => r.evidence?.toString('hex') ?? null)).toEqual(packets.map((p) => p?.toString('hex') ?? null));
    });

    describe('admitted with the records (migration 010)', () => {
      const generation = async () => Number((await t.store.query<{ n: string }>('SELECT n FROM facts_generation WHERE id = 1')).rows[0].n);
      const admission = async (orderId: string, nonce = `nonce-${orderId}`, gen?: number) => ({
        generation: gen ?? await generation(), nonce, nonceExpiresAt: new Date(Date.now() + 600_000),
        order: { orderId, caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'], requestId: `req-${orderId}`, orderSha256: 'cd'.repeat(32), leaseUntil: new Date(Date.now() + 60_000) },
      });
      const orderRow = async (orderId: string) => (await t.store.query(
        'SELECT status, attempt, request_id AS "requestId", attempt_request_id AS "attemptRequestId", order_sha256 AS "orderSha256" FROM lookup_orders WHERE order_id = $1', [orderId])).rows[0];
      const nonceTaken = async (nonce: string) => (await t.store.query('SELECT 1 FROM seen_nonces WHERE nonce = $1', [nonce])).rows.length === 1;

      it('Transactions write to the fact tables. Result: the count moves once per committed transaction, at its commit, and not for one rolled back', async () => {
        await t.store.query(`INSERT INTO courts (id, name_az, name_en) VALUES ('GEN-TEST', 'x', 'x') ON CONFLICT DO NOTHING`);
        const g0 = await generation();
        let inside = -1;
        await t.store.transaction(async (tx) => {
          await tx.query(`INSERT INTO persons (fin, surname, given_name, role, court_id, active) VALUES ('GEN0002', 'x', 'y', 'judge', 'GEN-TEST', true) ON CONFLICT (fin) DO UPDATE SET active = true`);
          await tx.query(`UPDATE persons SET active = false WHERE fin = 'GEN0002'`);
          inside = (await tx.query<{ n: string }>('SELECT n FROM facts_generation WHERE id = 1')).rows[0].n as unknown as number;
        });
        expect(Number(inside)).toBe(g0);
        expect(await generation()).toBe(g0 + 1);
        await t.store.transaction(async (tx) => {
          await tx.query(`UPDATE persons SET active = true WHERE fin = 'GEN0002'`);
          throw new Error('rolled back');
        }).catch(() => undefined);
        expect(await generation()).toBe(g0 + 1);
      });

      it('An admission on current facts. Result: its nonce claimed, its order recorded as authorized (attempt 1, its request id and digest), with its records', async () => {
        const out = await trailOn(t.store).appendAll([sampleEvent(1, { type: 'order-authorized', details: { orderId: 'ord-adm-1' } })], { admission: await admission('ord-adm-1') });
        expect(out).toHaveLength(1);
        expect(await orderRow('ord-adm-1')).toEqual({ status: 'authorized', attempt: 1, requestId: 'req-ord-adm-1', attemptRequestId: 'req-ord-adm-1', orderSha256: 'cd'.repeat(32) });
        expect(await nonceTaken('nonce-ord-adm-1')).toBe(true);
      });

      it('In one statement: an admission whose nonce was seen, one whose order id is taken, one on facts changed since, and a plain append. Result: the three refused (details.admission), nothing of them written; the plain append written', async () => {
        await order('ord-adm-taken');
        await t.store.query(`INSERT INTO seen_nonces (nonce, expires_at) VALUES ('nonce-seen', now() + interval '1 hour')`);
        const stale = await admission('ord-adm-stale', 'nonce-stale');
        await t.store.query(`INSERT INTO courts (id, name_az, name_en) VALUES ('GEN-TEST', 'x', 'x') ON CONFLICT DO NOTHING`);
        await t.store.query(`INSERT INTO persons (fin, surname, given_name, role, court_id, active) VALUES ('GEN0001', 'x', 'y', 'judge', 'GEN-TEST', true)
          ON CONFLICT (fin) DO UPDATE SET active = NOT persons.active`); // a fact changes: the count moves
        expect(await generation()).toBeGreaterThan(stale.generation);
        const trail = trailOn(t.store);
        const busy = trail.append(sampleEvent(0)); // while this one is written, the next four queue up into one batch
        const results = await Promise.allSettled([
          trail.append(sampleEvent(1), { admission: await admission('ord-adm-seen', 'nonce-seen') }),
          trail.append(sampleEvent(2), { admission: await admission('ord-adm-taken', 'nonce-fresh') }),
          trail.append(sampleEvent(3), { admission: stale }),
          trail.append(sampleEvent(4)),
        ]);
        await busy;
        expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'fulfilled']);
        for (const r of results.slice(0, 3)) expect(r).toMatchObject({ reason: { code: 'HUB_ERR_ORDER_SUPERSEDED', details: { admission: 'refused' } } });
        expect(results[2]).toMatchObject({ reason: { details: { factsMoved: true } } });
        // Alone in its statement, a seen nonce says nothing about the facts.
        await expect(trail.append(sampleEvent(5), { admission: await admission('ord-adm-seen-2', 'nonce-seen') }))
          .rejects.toMatchObject({ code: 'HUB_ERR_ORDER_SUPERSEDED', details: { admission: 'refused', factsMoved: false } });
        expect((await t.store.query<{ requestId: string }>('SELECT request_id AS "requestId" FROM audit_events ORDER BY seq')).rows.map((r) => r.requestId)).toEqual(['req-0', 'req-4']);
        expect(await orderRow('ord-adm-seen')).toBeUndefined();
        expect(await orderRow('ord-adm-stale')).toBeUndefined();
        expect(await orderRow('ord-adm-taken')).toMatchObject({ status: 'received' });
        expect(await nonceTaken('nonce-fresh')).toBe(false);
        expect(await nonceTaken('nonce-stale')).toBe(false);
      });
    });

    it('A stale attempt tries to complete an order another attempt took over. Result: HUB_ERR_ORDER_SUPERSEDED, nothing of it written; the other appends of the same batch are written', async () => {
      await order('ord-taken');
      await t.store.query(`UPDATE lookup_orders SET status = 'authorized', attempt = 2 WHERE order_id = 'ord-taken'`);
      const trail = trailOn(t.store);
      const busy = trail.append(sampleEvent(0)); // while this one is written, the next two queue up into one batch
      const [stale, other] = await Promise.allSettled([
        trail.appendAll([sampleEvent(1, { type: 'evidence-issued', outcome: 'issued', details: { orderId: 'ord-taken' } })],
          { orders: [{ orderId: 'ord-taken', attempt: 1, from: ['authorized'], to: 'completed', packet, strict: true }] }),
        trail.append(sampleEvent(2)),
      ]);
      expect(stale).toMatchObject({ status: 'rejected', reason: { code: 'HUB_ERR_ORDER_SUPERSEDED' } });
      expect(other.status).toBe('fulfilled');
      await busy;
      expect((await t.store.query<{ requestId: string }>('SELECT request_id AS "requestId" FROM audit_events ORDER BY seq')).rows.map((r) => r.requestId)).toEqual(['req-0', 'req-2']);
      expect((await getOrder(t.store, 'ord-taken'))?.status).toBe('authorized');
    });

    it('A strict move names an order nobody made, or takes over an order whose lease is unknown. Result: HUB_ERR_ORDER_SUPERSEDED for each, nothing of them written', async () => {
      await order('ord-no-lease');
      await t.store.query(`UPDATE lookup_orders SET lease_until = NULL WHERE order_id = 'ord-no-lease'`);
      const trail = trailOn(t.store);
      const ghost = trail.append(sampleEvent(1), { orders: [{ orderId: 'ord-ghost', attempt: 1, from: ['received'], to: 'authorized', strict: true }] });
      await expect(ghost).rejects.toMatchObject({ code: 'HUB_ERR_ORDER_SUPERSEDED' });
      const takeover = trail.append(sampleEvent(2), { orders: [{ orderId: 'ord-no-lease', attempt: 1, from: ['received'], to: 'failed', strict: true, leaseExpired: true }] });
      await expect(takeover).rejects.toMatchObject({ code: 'HUB_ERR_ORDER_SUPERSEDED' });
      expect(await count()).toBe(0);
      expect((await getOrder(t.store, 'ord-no-lease'))?.status).toBe('received');
    });

    it('One append moves the orders of three lookups among a thousand others. Result: each of the three moved, by its own attempt, and no other', async () => {
      await t.store.query(`INSERT INTO lookup_orders (order_id, case_number, requester_fin, categories, status, order_sha256, attempt, lease_until)
        SELECT 'ord-bulk-' || i, '2(101)-1234/2026', '2JD4K7M', '{11.2.22}', 'received', repeat('a', 64), 1, now() + interval '1 minute' FROM generate_series(1, 1000) AS i`);
      const trail = trailOn(t.store);
      const busy = trail.append(sampleEvent(0)); // the three appends queue up behind it into one statement
      await Promise.all(['ord-bulk-7', 'ord-bulk-500', 'ord-bulk-999'].map((orderId, i) =>
        trail.append(sampleEvent(i + 1), { orders: [{ orderId, attempt: 1, from: ['received'], to: 'authorized', strict: true }] })));
      await busy;
      const moved = await t.store.query<{ orderId: string }>(`SELECT order_id AS "orderId" FROM lookup_orders WHERE status = 'authorized' AND order_id LIKE 'ord-bulk-%' ORDER BY order_id`);
      expect(moved.rows.map((r) => r.orderId)).toEqual(['ord-bulk-500', 'ord-bulk-7', 'ord-bulk-999']);
    });

    it('A failed lookup\'s end records carry a move to failed that no longer applies. Result: the records are written, the order left as it is', async () => {
      await order('ord-soft');
      await t.store.query(`UPDATE lookup_orders SET status = 'completed' WHERE order_id = 'ord-soft'`);
      await trailOn(t.store).append(sampleEvent(1), { orders: [{ orderId: 'ord-soft', attempt: 1, from: ['authorized'], to: 'failed', code: 'HUB_ERR_BUS_UNAVAILABLE', strict: false }] });
      expect(await count()).toBe(1);
      expect((await getOrder(t.store, 'ord-soft'))?.status).toBe('completed');
    });
  });
});
