/**
 * Someone with owner rights on the database tampers with the audit trail (8.2.15). `audit
 * verify` names the first record that was altered, deleted, inserted or reordered, and a
 * truncated tail against the latest signed checkpoint.
 *
 * Every scenario starts from the same chain: 30 events, checkpoints signed at #20 and #30.
 */
import { createAuditTrail } from '../../../../core/audit/audit-trail';
import { runAuditVerify } from '../../../../core/audit/audit-verify-cli';
import { checkpointBytes } from '../../../../core/audit/checkpoints';
import { hashEvent, recordToChained } from '../../../../core/audit/event-hash';
import { verifyAuditChain } from '../../../../core/audit/verify-chain';
import type { Store } from '../../../../core/store/db';
import { asDatabaseOwner, freshStore, type TestStore } from '../../../support/db';
import { forgeSignature, readRecord, rehashFrom, resetAudit, sampleEvent, shiftUp, signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from './audit-fixtures';

describe('audit tampering', () => {
  let t: TestStore;
  beforeAll(async () => { t = await freshStore(); });
  afterAll(async () => { await t?.drop(); });

  beforeEach(async () => {
    await resetAudit(t.store);
    const trail = createAuditTrail({ db: t.store, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0 });
    await trail.appendAll(Array.from({ length: 20 }, (_, i) => sampleEvent(i + 1)));
    await trail.checkpoint();
    await trail.appendAll(Array.from({ length: 10 }, (_, i) => sampleEvent(i + 21)));
    await trail.close(); // signs #30
  });

  const verify = () => verifyAuditChain(t.store, { verifyCheckpoint });
  const tamper = (fn: (tx: Store) => Promise<unknown>) => asDatabaseOwner(t.store, async (tx) => { await fn(tx); });

  /** A record that was never appended by the hub, correctly chained onto #prevSeq. */
  async function forged(tx: Store, seq: number, prevSeq: number) {
    const prev = await tx.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = $1', [prevSeq]);
    const model = await readRecord(tx, prevSeq);
    const ev = { ...recordToChained(model), seq, outcome: 'authorized', requestId: 'forged', prevHash: prev.rows[0].hash };
    return { ...ev, hash: hashEvent(ev) };
  }
  async function insertRow(tx: Store, e: Awaited<ReturnType<typeof forged>>) {
    await tx.query(`INSERT INTO audit_events (seq, at, type, request_id, actor_hmac, subject_hmac, case_number, categories, outcome, details, prev_hash, hash)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [e.seq, e.at, e.type, e.requestId, e.actor, e.subject, e.caseNumber, e.categories, e.outcome, JSON.stringify(e.details), e.prevHash, e.hash]);
  }

  it('Nobody touched the trail. Result: verify passes over all 30 records, latest checkpoint #30', async () => {
    expect(await verify()).toEqual({ ok: true, checked: 30, headSeq: 30, checkpointSeq: 30, invariants: { callsStarted: 0, callsOpen: 0, packets: 0 } });
  });

  it("Someone edits record #17's outcome. Result: record #17 named as altered, 16 records verified before it", async () => {
    await tamper((tx) => tx.query(`UPDATE audit_events SET outcome = 'refused' WHERE seq = 17`));
    expect(await verify()).toMatchObject({ ok: false, checked: 16, firstBad: { seq: 17, problem: 'altered' } });
  });

  it("Someone edits record #17's case number and recomputes its hash. Result: still record #17, altered (#18 was chained onto the original)", async () => {
    await tamper(async (tx) => {
      await tx.query(`UPDATE audit_events SET case_number = '2(101)-2001/2026' WHERE seq = 17`);
      await rehashFrom(tx, 17, { relink: false, moveHead: false });
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 17, problem: 'altered' });
  });

  it('Someone deletes record #17. Result: record #17 named as deleted', async () => {
    await tamper((tx) => tx.query('DELETE FROM audit_events WHERE seq = 17'));
    expect((await verify()).firstBad).toMatchObject({ seq: 17, problem: 'deleted' });
  });

  it('Someone deletes record #17 and renumbers the rest to close the gap. Result: record #17 named as deleted', async () => {
    await tamper(async (tx) => {
      await tx.query('DELETE FROM audit_events WHERE seq = 17');
      await tx.query('UPDATE audit_events SET seq = seq + 1000000 WHERE seq > 17');
      await tx.query('UPDATE audit_events SET seq = seq - 1000001 WHERE seq > 1000000');
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 17, problem: 'deleted' });
  });

  it('Someone inserts a well-formed forged record at #17, moving the rest down. Result: record #17 named as inserted', async () => {
    await tamper(async (tx) => {
      const f = await forged(tx, 17, 16);
      await shiftUp(tx, 17, 1);
      await insertRow(tx, f);
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 17, problem: 'inserted' });
  });

  it('Someone inserts a crude forged record at #17 (no valid hash), moving the rest down. Result: record #17 named as inserted', async () => {
    await tamper(async (tx) => {
      const f = { ...(await forged(tx, 17, 16)), hash: 'f'.repeat(64) };
      await shiftUp(tx, 17, 1);
      await insertRow(tx, f);
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 17, problem: 'inserted' });
  });

  it('Someone appends a well-chained forged record #31 behind the hub\'s back. Result: record #31 named as inserted', async () => {
    await tamper(async (tx) => insertRow(tx, await forged(tx, 31, 30)));
    expect((await verify()).firstBad).toMatchObject({ seq: 31, problem: 'inserted' });
  });

  it('Someone swaps records #17 and #18. Result: record #17 named as reordered', async () => {
    await tamper(async (tx) => {
      await tx.query('UPDATE audit_events SET seq = 1000017 WHERE seq = 17');
      await tx.query('UPDATE audit_events SET seq = 17 WHERE seq = 18');
      await tx.query('UPDATE audit_events SET seq = 18 WHERE seq = 1000017');
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 17, problem: 'reordered' });
  });

  it('Someone cuts the last five records and winds the chain head back. Result: truncated at #26, against the checkpoint signed at #30', async () => {
    await tamper(async (tx) => {
      await tx.query('DELETE FROM audit_events WHERE seq > 25');
      await tx.query(`UPDATE audit_chain_head SET seq = 25, hash = (SELECT hash FROM audit_events WHERE seq = 25) WHERE id = 1`);
    });
    expect(await verify()).toMatchObject({ ok: false, checked: 25, firstBad: { seq: 26, problem: 'truncated' } });
  });

  it('Someone rewrites everything from #17 on and re-hashes the whole chain consistently. Result: the checkpoint signed at #20 exposes it', async () => {
    await tamper(async (tx) => {
      await tx.query(`UPDATE audit_events SET outcome = 'refused' WHERE seq = 17`);
      await rehashFrom(tx, 17, { relink: true, moveHead: true });
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 20, problem: 'bad-checkpoint' });
  });

  it('Someone adds a checkpoint at #25 that the hub never signed. Result: checkpoint #25 named as bad', async () => {
    await tamper(async (tx) => {
      const r = await readRecord(tx, 25);
      const at = new Date('2026-04-01T00:00:00.000Z');
      await tx.query('INSERT INTO audit_checkpoints (seq, hash, at, signature) VALUES ($1, $2, $3, $4)',
        [25, r.hash, at, forgeSignature(checkpointBytes({ seq: 25, hash: r.hash, at }))]);
    });
    expect((await verify()).firstBad).toMatchObject({ seq: 25, problem: 'bad-checkpoint' });
  });

  describe('court-hub audit verify', () => {
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runAuditVerify(argv, {
        openDb: async () => ({ ...t.store, close: async () => undefined }),
        verifyCheckpoint, stdout: (l) => out.push(l), stderr: (l) => err.push(l),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };

    it('The operator verifies an untouched trail. Result: exit 0 and a summary', async () => {
      const r = await run([]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('audit chain OK: 30 records verified');
    });

    it('The operator verifies after record #17 was edited. Result: exit 1, naming record #17, as JSON too', async () => {
      await tamper((tx) => tx.query(`UPDATE audit_events SET outcome = 'refused' WHERE seq = 17`));
      const r = await run([]);
      expect(r.code).toBe(1);
      expect(r.out).toContain('BROKEN at record #17: altered');
      expect(JSON.parse((await run(['--json'])).out)).toMatchObject({ ok: false, firstBad: { seq: 17, problem: 'altered' } });
    });

    it('The operator mistypes an option, or the database is unreachable. Result: exit 2 with a reason, no stack trace', async () => {
      expect(await run(['--jsn'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown argument: --jsn') });
      const down = await runAuditVerify([], {
        openDb: async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); },
        verifyCheckpoint, stdout: () => undefined, stderr: (l) => { expect(l).not.toMatch(/\n\s+at /); },
      });
      expect(down).toBe(2);
    });
  });
});
