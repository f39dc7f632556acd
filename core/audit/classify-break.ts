/**
 * Once the walk meets the first record that does not fit the chain, this decides what was
 * done to it, from the evidence each record carries: its stored hash was computed over its
 * original seq and its predecessor's hash. A record whose hash matches a different seq was
 * moved; one that matches no seq was altered; a record that links past its predecessor has
 * something inserted before it.
 */
import type { AuditRecord } from './audit-types';
import { GENESIS_HASH, hashesAt } from './event-hash';

export type ChainProblem = 'altered' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'bad-checkpoint';

export interface ChainBreak { seq: number; problem: ChainProblem; detail: string }

/** How far from its stored seq a moved record is looked for. */
export const SEARCH_WINDOW = 64;

/** The seq the record's hash was computed for, or null when its content no longer hashes anywhere near. */
export function originalSeq(r: AuditRecord): number | null {
  if (hashesAt(r)) return r.seq;
  for (let d = 1; d <= SEARCH_WINDOW; d++) {
    if (hashesAt(r, r.seq + d)) return r.seq + d;
    if (r.seq - d >= 1 && hashesAt(r, r.seq - d)) return r.seq - d;
  }
  return null;
}

export interface BreakContext {
  /** The record where the walk stopped: its seq is the expected one. */
  record: AuditRecord;
  /** Hash of the last record that verified (GENESIS_HASH before the first). */
  lastHash: string;
  /** Records after `record`, in seq order (up to SEARCH_WINDOW of them). */
  following: AuditRecord[];
  /** Seq of recently verified records by their hash. */
  seqOfHash: (hash: string) => number | undefined;
}

export function classifyBreak(c: BreakContext): ChainBreak {
  const r = c.record;
  const s = r.seq;
  if (!hashesAt(r)) {
    const o = originalSeq(r);
    if (o === null) {
      const next = c.following[0];
      if (next && next.seq === s + 1 && originalSeq(next) === s && next.prevHash === c.lastHash) {
        return { seq: s, problem: 'inserted', detail: `a record that is not part of the chain was put at #${s}; the original #${s} now sits at #${s + 1}` };
      }
      return { seq: s, problem: 'altered', detail: `record #${s} no longer matches its hash` };
    }
    if (o < s) {
      return { seq: o, problem: 'inserted', detail: `record #${s} was #${o}: ${s - o} record(s) were inserted from #${o}` };
    }
    if (c.following.some((f) => originalSeq(f) === s)) {
      return { seq: s, problem: 'reordered', detail: `record #${s} was #${o}, and the original #${s} was moved further down` };
    }
    return { seq: s, problem: 'deleted', detail: `record #${s} was #${o}: ${o - s} record(s) were deleted from #${s} and the rest renumbered` };
  }
  // The record hashes correctly, so its prevHash is what it was chained onto.
  if (c.following.some((f) => f.hash === r.prevHash)) {
    return { seq: s, problem: 'reordered', detail: `record #${s} was chained after a record that now comes later` };
  }
  const q = r.prevHash === GENESIS_HASH ? 0 : c.seqOfHash(r.prevHash);
  if (q !== undefined && q < s - 1) {
    return { seq: q + 1, problem: 'inserted', detail: `record #${s} follows #${q} in the chain: #${q + 1}..#${s - 1} were inserted` };
  }
  if (s === 1) return { seq: 1, problem: 'altered', detail: 'record #1 does not start the chain' };
  return { seq: s - 1, problem: 'altered', detail: `record #${s - 1} was changed and re-hashed: #${s} was chained onto a different #${s - 1}` };
}
