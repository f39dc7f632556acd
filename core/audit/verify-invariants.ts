/**
 * What `audit verify` checks beyond the hash chain (README "Faults"): that the chain claims no
 * less and no more than happened.
 *
 * - every `provider-call-started` has a `provider-call-ended` (of the same request and category),
 *   unless it is still in flight: its order's current attempt is `authorized` (recovery ends it
 *   once its lease runs out), or, for a call of no order, it started less than `openGraceMs` ago;
 * - every `evidence-issued` record (outcome `issued`) has its packet stored, with the digest the
 *   record holds, on a completed order;
 * - every stored packet has its `evidence-issued` record.
 *
 * Runs in the same snapshot as the chain walk (verify-chain.ts), after the chain verified.
 */
import type { Db } from '../store/db';

export type InvariantProblem = 'call-not-ended' | 'evidence-not-stored' | 'packet-not-audited';

export interface InvariantBreak {
  problem: InvariantProblem;
  /** The record that breaks it (absent for a packet without its record). */
  seq?: number;
  orderId?: string;
  requestId?: string;
  detail: string;
}

export interface InvariantCounts {
  callsStarted: number;
  /** Calls still legitimately open (in flight). */
  callsOpen: number;
  packets: number;
}

export async function checkInvariants(db: Db, opts: { openGraceMs: number }): Promise<{ counts: InvariantCounts; firstBad?: InvariantBreak }> {
  const notEnded = (await db.query<{ seq: number; requestId: string; orderId: string | null; inFlight: boolean }>(
    `SELECT s.seq, s.request_id AS "requestId", s.details->>'orderId' AS "orderId",
       CASE WHEN s.details ? 'orderId'
            THEN EXISTS (SELECT 1 FROM lookup_orders o WHERE o.order_id = s.details->>'orderId'
                           AND o.status = 'authorized' AND o.attempt_request_id = s.request_id)
            ELSE s.at > now() - make_interval(secs => $1::double precision / 1000) END AS "inFlight"
     FROM audit_events s
     WHERE s.type = 'provider-call-started'
       AND NOT EXISTS (SELECT 1 FROM audit_events e
                       WHERE e.request_id = s.request_id AND e.type = 'provider-call-ended' AND e.categories = s.categories
    AND coalesce(e.details->>'institution', '') = coalesce(s.details->>'institution', ''))
     ORDER BY s.seq`, [opts.openGraceMs])).rows;
  const callBreak = notEnded.find((c) => !c.inFlight);

  const issuedBreak = (await db.query<{ seq: number; orderId: string | null; why: string }>(
    `SELECT e.seq, e.details->>'orderId' AS "orderId",
       CASE WHEN o.order_id IS NULL THEN 'no such order' WHEN o.evidence IS NULL THEN 'no packet stored'
            WHEN o.status <> 'completed' THEN 'order not completed' ELSE 'the stored packet differs from the one issued' END AS why
     FROM audit_events e LEFT JOIN lookup_orders o ON o.order_id = e.details->>'orderId'
     WHERE e.type = 'evidence-issued' AND e.outcome = 'issued'
       AND (o.order_id IS NULL OR o.evidence IS NULL OR o.status <> 'completed'
            OR encode(sha256(o.evidence), 'hex') IS DISTINCT FROM e.details->>'evidenceSha256')
     ORDER BY e.seq LIMIT 1`)).rows[0];

  const unaudited = (await db.query<{ orderId: string }>(
    `SELECT o.order_id AS "orderId" FROM lookup_orders o
     WHERE o.evidence IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM audit_events e
                       WHERE e.type = 'evidence-issued' AND e.outcome = 'issued' AND e.details->>'orderId' = o.order_id
                         AND e.details->>'evidenceSha256' = encode(sha256(o.evidence), 'hex'))
     ORDER BY o.created_at, o.order_id LIMIT 1`)).rows[0];

  const counts = (await db.query<{ started: number; packets: number }>(
    `SELECT (SELECT count(*) FROM audit_events WHERE type = 'provider-call-started')::int AS started,
            (SELECT count(*) FROM lookup_orders WHERE evidence IS NOT NULL)::int AS packets`)).rows[0];

  const breaks: InvariantBreak[] = [];
  if (callBreak) {
    breaks.push({
      problem: 'call-not-ended', seq: callBreak.seq, requestId: callBreak.requestId, ...(callBreak.orderId ? { orderId: callBreak.orderId } : {}),
      detail: `the provider call started at #${callBreak.seq}${callBreak.orderId ? ` for order ${callBreak.orderId}` : ''} has no end record`,
    });
  }
  if (issuedBreak) {
    breaks.push({
      problem: 'evidence-not-stored', seq: issuedBreak.seq, ...(issuedBreak.orderId ? { orderId: issuedBreak.orderId } : {}),
      detail: `record #${issuedBreak.seq} says the evidence of order ${issuedBreak.orderId ?? '?'} was issued, but ${issuedBreak.why}`,
    });
  }
  breaks.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (unaudited) {
    breaks.push({ problem: 'packet-not-audited', orderId: unaudited.orderId, detail: `order ${unaudited.orderId} has a stored evidence packet that no evidence-issued record accounts for` });
  }
  return {
    counts: { callsStarted: counts?.started ?? 0, callsOpen: notEnded.filter((c) => c.inFlight).length, packets: counts?.packets ?? 0 },
    ...(breaks[0] ? { firstBad: breaks[0] } : {}),
  };
}
