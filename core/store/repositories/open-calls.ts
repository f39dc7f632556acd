/**
 * Provider calls the audit chain shows as started but not (yet) ended: a
 * `provider-call-started` record with no `provider-call-ended` of the same request,
 * category and institution. Recovery closes those of dead attempts with an explicit `interrupted` end, so the
 * chain never claims less than happened.
 */
import type { Db } from '../db';

export interface OpenCall {
  /** Seq of the provider-call-started record. */
  seq: number;
  at: Date;
  requestId: string;
  caseNumber: string | null;
  categories: string[];
  orderId: string | null;
  provider: string | null;
  /** Scatter-gather categories: the institution asked (one call each). */
  institution: string | null;
}

const OPEN = `SELECT s.seq, s.at, s.request_id AS "requestId", s.case_number AS "caseNumber", s.categories,
    s.details->>'orderId' AS "orderId", s.details->>'provider' AS provider, s.details->>'institution' AS institution
  FROM audit_events s
  WHERE s.type = 'provider-call-started'`;
const NOT_ENDED = `NOT EXISTS (SELECT 1 FROM audit_events e
    WHERE e.request_id = s.request_id AND e.type = 'provider-call-ended' AND e.categories = s.categories
    AND coalesce(e.details->>'institution', '') = coalesce(s.details->>'institution', ''))`;

/** The open calls of one request (one attempt of an order). */
export async function openCallsOf(db: Db, requestId: string): Promise<OpenCall[]> {
  return (await db.query<OpenCall>(`${OPEN} AND s.request_id = $1 AND ${NOT_ENDED} ORDER BY s.seq`, [requestId])).rows;
}

/** Open calls started after `seq`, oldest first. */
export async function openCallsAfter(db: Db, seq: number, limit = 500): Promise<OpenCall[]> {
  return (await db.query<OpenCall>(`${OPEN} AND s.seq > $1 AND ${NOT_ENDED} ORDER BY s.seq LIMIT $2`, [seq, limit])).rows;
}

/** Every provider call up to this seq has its end (advanced by recovery, never moved back). */
export async function recoveryMark(db: Db): Promise<number> {
  return (await db.query<{ seq: number }>('SELECT seq FROM audit_recovery_mark WHERE id = 1')).rows[0]?.seq ?? 0;
}

export async function advanceRecoveryMark(db: Db, seq: number): Promise<void> {
  await db.query('UPDATE audit_recovery_mark SET seq = greatest(seq, $1) WHERE id = 1', [seq]);
}

/** The highest seq in the chain (the scan of open calls may advance the mark up to it). */
export async function chainTop(db: Db): Promise<number> {
  return (await db.query<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM audit_events')).rows[0]?.seq ?? 0;
}
