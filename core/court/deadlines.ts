/**
 * One deadline from the judge's request to the answer (README "Faults"): the gateway waits for
 * a court action at most the lookup deadline plus ANSWER_MARGIN_MS, and the court plans inside
 * what its caller will wait: the registries get the lookup deadline (less when the caller waits
 * less), then signing and auditing the evidence get the rest. Store retries stay inside it, so
 * a judge gets an answer (data, or a retryable 503) before deadline + 1 s, whatever fails.
 */
import type { Court } from './signed-request';

/** How long the gateway waits beyond the lookup deadline: the evidence is signed and audited in it. */
export const ANSWER_MARGIN_MS = 400;
/** Kept back after the registries' deadline for the evidence packet and its audit records. */
const FINAL_RESERVE_MS = 300;
/** The answer leaves the court this long before its caller stops waiting (it still has to cross the bus). */
const SEND_MS = 50;
/** An attempt still open this long after its answer was due is abandoned: recovery ends it. */
const LEASE_GRACE_MS = 1000;

export interface Budget {
  /** Epoch ms: the registries must have answered by then. */
  registriesBy: number;
  /** Epoch ms: the court answers by then (success or a retryable error). */
  answerBy: number;
  /** When this attempt counts as abandoned if it is still open. */
  leaseUntil: Date;
}

/**
 * `callerTimeoutMs`: how long the caller waits (Moleculer's distributed timeout of the incoming
 * call), if it said.
 */
export function budgetOf(c: Court, callerTimeoutMs?: number, now: number = Date.now()): Budget {
  const deadlineMs = c.deps.lookupDeadlineMs ?? 5000;
  const longest = deadlineMs + ANSWER_MARGIN_MS;
  const waits = callerTimeoutMs !== undefined && callerTimeoutMs > 0 ? Math.min(callerTimeoutMs, longest) : longest;
  const answerBy = now + Math.max(0, waits - SEND_MS);
  const registriesBy = Math.min(now + deadlineMs, answerBy - FINAL_RESERVE_MS);
  return { registriesBy, answerBy, leaseUntil: new Date(answerBy + LEASE_GRACE_MS) };
}

/**
 * Retries a store call that is safe to repeat (a read, or a write that recognises its own
 * request) while the database is unreachable, with backoff, until `until`.
 */
export async function retryStore<T>(fn: () => Promise<T>, until: number, isTransient: (err: unknown) => boolean): Promise<T> {
  let pause = 20;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const left = until - Date.now();
      if (!isTransient(err) || left <= 0) throw err;
      await new Promise((r) => setTimeout(r, Math.min(pause, left)));
      pause = Math.min(pause * 2, 400);
    }
  }
}
