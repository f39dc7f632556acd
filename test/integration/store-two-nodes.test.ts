/**
 * Two hub nodes ("A" and "B", each with its own connection pool) share one PostgreSQL
 * database. What must be serialized across them is, in SQL: migrations, audit appends, nonce
 * claims and order authorization.
 */
import { createAuditTrail } from '../../core/audit/audit-trail';
import { verifyAuditChain } from '../../core/audit/verify-chain';
import { openStore, type Store } from '../../core/store/db';
import { claimNonce, recordOrder, transitionOrder } from '../../core/store';
import { MIGRATIONS } from '../../core/store/migrations';
import { freshDatabase } from '../support/db';
import { sampleEvent, signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from '../unit/core/audit/audit-fixtures';

describe('two hub nodes on one PostgreSQL', () => {
  let dbase: { url: string; drop(): Promise<void> };
  let a: Store;
  let b: Store;

  beforeAll(async () => {
    dbase = await freshDatabase();
    // Both nodes start at the same moment against an empty database.
    [a, b] = await Promise.all([openStore({ databaseUrl: dbase.url, poolSize: 6 }), openStore({ databaseUrl: dbase.url, poolSize: 6 })]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await dbase?.drop();
  });

  it('Both nodes started at once on an empty database. Result: each migration applied exactly once', async () => {
    const r = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(r.rows.map((x) => x.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('200 audited lookups arrive at once, split over both nodes. Result: 200 records, seqs 1..200, each request once, the chain verifies', async () => {
    const trailA = createAuditTrail({ db: a, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 50, checkpointIntervalMs: 0 });
    const trailB = createAuditTrail({ db: b, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 50, checkpointIntervalMs: 0 });
    const out = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? trailA : trailB).append(sampleEvent(i))));
    await Promise.all([trailA.close(), trailB.close()]);
    expect(out.map((o) => o.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const ids = (await a.query<{ requestId: string }>('SELECT request_id AS "requestId" FROM audit_events')).rows.map((r) => r.requestId);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `req-${i}`)));
    expect(await verifyAuditChain(b, { verifyCheckpoint })).toMatchObject({ ok: true, checked: 200, headSeq: 200, checkpointSeq: 200 });
  });

  it('One order replayed 50 times at once against both nodes. Result: its nonce is claimed exactly once', async () => {
    const until = new Date(Date.now() + 600_000);
    const r = await Promise.all(Array.from({ length: 50 }, (_, i) => claimNonce(i % 2 ? a : b, 'nonce-two-nodes', until)));
    expect(r.filter(Boolean)).toHaveLength(1);
  });

  it('Both nodes race to authorize the same order. Result: exactly one authorizes it', async () => {
    expect(await recordOrder(a, { orderId: 'ord-2n', caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'] })).toBe(true);
    expect(await recordOrder(b, { orderId: 'ord-2n', caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'] })).toBe(false);
    const wins = await Promise.all(Array.from({ length: 20 }, (_, i) => transitionOrder(i % 2 ? a : b, 'ord-2n', ['received'], 'authorized')));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});
