/**
 * `audit verify` (docs/security-model.md, 8.2.15): walks the chain in seq order and names the first
 * record that was altered, deleted, inserted or reordered; checks every checkpoint's
 * signature and that the chain still has the hash each one pinned; and detects a truncated tail
 * against the latest signed checkpoint (and the chain head row, unsigned but a second witness).
 *
 * Records after the latest checkpoint are protected by the chain only: someone with write
 * access who recomputes hashes can rewrite or drop them undetected. checkpointEvery and the
 * checkpoint interval bound that window.
 *
 * Once the chain verifies, the invariants between the chain and the orders are checked in the
 * same snapshot (verify-invariants.ts): every started provider call ended, every issued packet
 * stored, every stored packet issued.
 *
 * The walk reads one snapshot (REPEATABLE READ), so appends running meanwhile neither show up
 * half-done nor look like tampering.
 */
import type { Db } from '../store/db';
import type { AuditRecord, CheckpointRecord, CheckpointVerifier } from './audit-types';
import { checkpointBytes, loadCheckpoints, readChainHead } from './checkpoints';
import { classifyBreak, SEARCH_WINDOW, type ChainBreak } from './classify-break';
import { AUDIT_RECORD_COLUMNS, GENESIS_HASH, hashesAt } from './event-hash';
import { checkInvariants, type InvariantBreak, type InvariantCounts } from './verify-invariants';

export type { ChainBreak, ChainProblem } from './classify-break';
export type { InvariantBreak, InvariantCounts, InvariantProblem } from './verify-invariants';

export interface VerifyChainOptions {
  verifyCheckpoint: CheckpointVerifier;
  pageSize?: number;
  /**
   * A provider call of no lookup order (a clerk's identity check) without an end counts as in
   * flight this long after it started (default 10 minutes); a lookup's call is in flight while its
   * order's attempt is `authorized`.
   */
  openGraceMs?: number;
}

export interface VerifyChainResult {
  ok: boolean;
  /** Records verified before the first bad one (all of them when ok). */
  checked: number;
  firstBad?: ChainBreak;
  /** Seq of the chain head row. */
  headSeq: number;
  /** The latest checkpoint whose signature verified, if any. */
  checkpointSeq: number | null;
  /** Checked once the chain verified. */
  invariants?: InvariantCounts;
  /** The first order (or call) that breaks an invariant: then ok is false. */
  invariantBreak?: InvariantBreak;
}

async function signatureOk(verify: CheckpointVerifier, c: CheckpointRecord): Promise<boolean> {
  try {
    return (await verify(checkpointBytes(c), c.signature)) === true;
  } catch {
    return false;
  }
}

export async function verifyAuditChain(db: Db, opts: VerifyChainOptions): Promise<VerifyChainResult> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const r = await walk(tx, opts);
    if (!r.ok) return r;
    const inv = await checkInvariants(tx, { openGraceMs: opts.openGraceMs ?? 600_000 });
    return { ...r, ok: !inv.firstBad, invariants: inv.counts, ...(inv.firstBad ? { invariantBreak: inv.firstBad } : {}) };
  });
}

async function walk(db: Db, opts: VerifyChainOptions): Promise<VerifyChainResult> {
  const pageSize = opts.pageSize ?? 2000;
  const head = await readChainHead(db);
  const checkpoints = await Promise.all((await loadCheckpoints(db)).map(async (c) => ({ ...c, valid: await signatureOk(opts.verifyCheckpoint, c) })));
  const bySeq = new Map(checkpoints.map((c) => [c.seq, c]));
  const validSeqs = checkpoints.filter((c) => c.valid).map((c) => c.seq);
  const checkpointSeq = validSeqs.length ? validSeqs[validSeqs.length - 1] : null;

  let expected = 1;
  let lastHash = GENESIS_HASH;
  let lastGoodCheckpoint = 0;
  const recent = new Map<string, number>();
  const result = (firstBad?: ChainBreak): VerifyChainResult =>
    ({ ok: !firstBad, checked: expected - 1, ...(firstBad ? { firstBad } : {}), headSeq: head.seq, checkpointSeq });

  for (;;) {
    const page = (await db.query<AuditRecord>(
      `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_events WHERE seq >= $1 ORDER BY seq LIMIT $2`, [expected, pageSize])).rows;
    if (page.length === 0) break;
    for (let i = 0; i < page.length; i++) {
      const r = page[i];
      if (r.seq > head.seq) {
        return result({ seq: r.seq, problem: 'inserted', detail: `record #${r.seq} lies beyond the chain head #${head.seq}: it was not appended by the hub` });
      }
      if (r.seq > expected) {
        return result({ seq: expected, problem: 'deleted', detail: `records #${expected}..#${r.seq - 1} are missing` });
      }
      if (!hashesAt(r) || r.prevHash !== lastHash) {
        const following = (await db.query<AuditRecord>(
          `SELECT ${AUDIT_RECORD_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`, [r.seq, SEARCH_WINDOW])).rows;
        return result(classifyBreak({ record: r, lastHash, following, seqOfHash: (h) => recent.get(h) }));
      }
      const cp = bySeq.get(r.seq);
      if (cp && !cp.valid) {
        return result({ seq: r.seq, problem: 'bad-checkpoint', detail: `the checkpoint at #${r.seq} is not signed by the hub` });
      }
      if (cp && cp.hash !== r.hash) {
        return result({ seq: r.seq, problem: 'bad-checkpoint',
          detail: `the chain up to #${r.seq} differs from what the hub signed: records after #${lastGoodCheckpoint} were rewritten and re-hashed` });
      }
      if (cp) lastGoodCheckpoint = r.seq;
      lastHash = r.hash;
      recent.set(r.hash, r.seq);
      if (recent.size > SEARCH_WINDOW * 4) recent.delete(recent.keys().next().value as string);
      expected++;
    }
  }

  const last = expected - 1;
  const beyond = checkpoints.filter((c) => c.seq > last);
  const signedBeyond = beyond.find((c) => c.valid);
  if (signedBeyond) {
    return result({ seq: last + 1, problem: 'truncated', detail: `the hub signed a checkpoint at #${signedBeyond.seq}, but the chain ends at #${last}` });
  }
  if (beyond.length > 0) {
    return result({ seq: beyond[0].seq, problem: 'bad-checkpoint', detail: `the checkpoint at #${beyond[0].seq} is not signed by the hub` });
  }
  if (head.seq > last) {
    return result({ seq: last + 1, problem: 'truncated', detail: `the chain head says #${head.seq}, but the chain ends at #${last}` });
  }
  return result();
}
