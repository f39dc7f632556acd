/**
 * Lookup orders as received, and the evidence packet handed back for each. The orderId is
 * unique: recording an order is insert-or-fail, and a status change is a compare-and-set (on
 * the attempt too), so under any concurrency no order is authorized twice, and an abandoned
 * attempt can no longer complete once a re-send has taken the order over.
 */
import type { Db } from '../db';

export type OrderStatus = 'received' | 'refused' | 'authorized' | 'completed' | 'failed';

export interface LookupOrderRecord {
  orderId: string;
  caseNumber: string;
  requesterFin: string;
  categories: string[];
  status: OrderStatus;
  requestId: string | null;
  refusalCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `order_id AS "orderId", case_number AS "caseNumber", requester_fin AS "requesterFin", categories, status,
  request_id AS "requestId", refusal_code AS "refusalCode", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Records a newly received order; false when its orderId was already taken. */
export async function recordOrder(db: Db, o: { orderId: string; caseNumber: string; requesterFin: string; categories: string[]; requestId?: string }): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO lookup_orders (order_id, case_number, requester_fin, categories, status, request_id)
     VALUES ($1, $2, $3, $4, 'received', $5) ON CONFLICT (order_id) DO NOTHING RETURNING order_id`,
    [o.orderId, o.caseNumber, o.requesterFin, o.categories, o.requestId ?? null],
  );
  return r.rows.length === 1;
}

export async function getOrder(db: Db, orderId: string): Promise<LookupOrderRecord | null> {
  return (await db.query<LookupOrderRecord>(`SELECT ${COLUMNS} FROM lookup_orders WHERE order_id = $1`, [orderId])).rows[0] ?? null;
}

/**
 * Moves the order to `to` only if it is currently in one of `from`; true if this call made the
 * change. Two nodes racing to authorize the same order: exactly one gets true.
 */
export async function transitionOrder(db: Db, orderId: string, from: OrderStatus[], to: OrderStatus, opts: { refusalCode?: string; attempt?: number } = {}): Promise<boolean> {
  const r = await db.query(
    `UPDATE lookup_orders SET status = $3, refusal_code = coalesce($4, refusal_code), updated_at = now()
     WHERE order_id = $1 AND status = ANY($2::text[]) AND ($5::int IS NULL OR attempt = $5) RETURNING order_id`,
    [orderId, from, to, opts.refusalCode ?? null, opts.attempt ?? null],
  );
  return r.rows.length === 1;
}

export async function saveEvidence(db: Db, orderId: string, packet: Buffer): Promise<boolean> {
  const r = await db.query('UPDATE lookup_orders SET evidence = $2, updated_at = now() WHERE order_id = $1 RETURNING order_id', [orderId, packet]);
  return r.rows.length === 1;
}

export async function getEvidence(db: Db, orderId: string): Promise<Buffer | null> {
  const r = await db.query<{ evidence: Buffer | null }>('SELECT evidence FROM lookup_orders WHERE order_id = $1', [orderId]);
  return r.rows[0]?.evidence ?? null;
}

/** What a new order's row records beside its identity (migrations/003-order-attempts.ts). */
export interface OrderAdmission {
  orderId: string;
  caseNumber: string;
  requesterFin: string;
  categories: string[];
  requestId?: string;
  /** SHA-256 (hex) of the signed order's canonical bytes: only this very order may run again. */
  orderSha256?: string;
  /** When this first attempt counts as abandoned if it is still open. */
  leaseUntil?: Date;
}

/**
 * The hot path's admission in ONE statement (one round trip, one commit): claim the nonce and,
 * only if it was fresh, record the order as its attempt 1. Same guarantees as claimNonce +
 * recordOrder: the primary keys let exactly one of any number of concurrent admissions win, on
 * any node.
 */
export async function admitOrder(db: Db, nonce: string, nonceExpiresAt: Date, o: OrderAdmission): Promise<{ nonceFresh: boolean; orderIdFresh: boolean }> {
  const r = await db.query<{ nonce: number; ord: number }>(`WITH ${admissionCtes(1)} SELECT ${ADMISSION_COLUMNS}`, admissionParams(nonce, nonceExpiresAt, o));
  return { nonceFresh: r.rows[0].nonce === 1, orderIdFresh: r.rows[0].ord === 1 };
}

/**
 * The admission as the CTEs `n` (the nonce claimed) and `o` (the order recorded), its nine
 * parameters numbered from $first, for a statement that reads more in the same round trip
 * (lookup-facts.ts admitWithFacts). ADMISSION_COLUMNS selects its outcome.
 */
export function admissionCtes(first: number): string {
  const $ = (i: number) => `$${first + i}`;
  return `n AS (
       INSERT INTO seen_nonces (nonce, expires_at) VALUES (${$(0)}, ${$(1)}) ON CONFLICT (nonce) DO NOTHING RETURNING nonce
     ), o AS (
       INSERT INTO lookup_orders (order_id, case_number, requester_fin, categories, status, request_id, attempt_request_id, order_sha256, lease_until)
       SELECT ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, 'received', ${$(6)}, ${$(6)}, ${$(7)}, ${$(8)} WHERE EXISTS (SELECT 1 FROM n)
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id
     )`;
}

export const ADMISSION_COLUMNS = '(SELECT count(*) FROM n)::int AS nonce, (SELECT count(*) FROM o)::int AS ord';

export function admissionParams(nonce: string, nonceExpiresAt: Date, o: OrderAdmission): unknown[] {
  return [nonce, nonceExpiresAt, o.orderId, o.caseNumber, o.requesterFin, o.categories, o.requestId ?? null, o.orderSha256 ?? null, o.leaseUntil ?? null];
}

/** Where an order stands, for a re-send of it. */
export interface OrderAttempt {
  orderId: string;
  status: OrderStatus;
  attempt: number;
  requesterFin: string;
  orderSha256: string | null;
  /** Correlation id of the first attempt. */
  requestId: string | null;
  /** Correlation id of the current attempt. */
  attemptRequestId: string | null;
  caseNumber: string;
  /** The current attempt, if still open, counts as abandoned (by the database's clock). */
  leaseExpired: boolean;
  /** Milliseconds until it does (0 when it already has). */
  leaseLeftMs: number;
}

const ATTEMPT_COLUMNS = `order_id AS "orderId", status, attempt, requester_fin AS "requesterFin", order_sha256 AS "orderSha256",
  request_id AS "requestId", attempt_request_id AS "attemptRequestId", case_number AS "caseNumber",
  coalesce(lease_until < now(), true) AS "leaseExpired",
  greatest(0, coalesce(ceil(extract(epoch FROM lease_until - now()) * 1000), 0))::int AS "leaseLeftMs"`;

export async function getOrderAttempt(db: Db, orderId: string): Promise<OrderAttempt | null> {
  return (await db.query<OrderAttempt>(`SELECT ${ATTEMPT_COLUMNS} FROM lookup_orders WHERE order_id = $1`, [orderId])).rows[0] ?? null;
}

/**
 * A re-sent order takes over after a failed attempt: compare-and-set from (`failed`, attempt n)
 * to (`received`, attempt n + 1). Returns the new attempt number, or null when another re-send
 * got there first or the order is no longer failed.
 */
export async function retryOrder(db: Db, orderId: string, fromAttempt: number, requestId: string, leaseUntil: Date): Promise<number | null> {
  const r = await db.query<{ attempt: number }>(
    `UPDATE lookup_orders SET status = 'received', attempt = attempt + 1, attempt_request_id = $3, lease_until = $4, refusal_code = NULL, updated_at = now()
     WHERE order_id = $1 AND attempt = $2 AND status = 'failed' RETURNING attempt`,
    [orderId, fromAttempt, requestId, leaseUntil],
  );
  return r.rows[0]?.attempt ?? null;
}

/**
 * The evidence packet of a completed order, only when the chain holds its `evidence-issued`
 * record for exactly these bytes: nothing leaves the hub that the audit trail does not show.
 */
export async function getIssuedEvidence(db: Db, orderId: string): Promise<Buffer | null> {
  const r = await db.query<{ evidence: Buffer }>(
    `SELECT o.evidence FROM lookup_orders o
     WHERE o.order_id = $1 AND o.status = 'completed' AND o.evidence IS NOT NULL
       AND EXISTS (SELECT 1 FROM audit_events e
                   WHERE e.type = 'evidence-issued' AND e.outcome = 'issued' AND e.details->>'orderId' = o.order_id
                     AND e.details->>'evidenceSha256' = encode(sha256(o.evidence), 'hex'))`,
    [orderId],
  );
  return r.rows[0]?.evidence ?? null;
}

/** Open orders whose current attempt's lease ran out: their node died or froze. */
export async function staleOrders(db: Db, limit = 100): Promise<{ orderId: string; attempt: number; status: OrderStatus; attemptRequestId: string | null }[]> {
  const r = await db.query<{ orderId: string; attempt: number; status: OrderStatus; attemptRequestId: string | null }>(
    `SELECT order_id AS "orderId", attempt, status, attempt_request_id AS "attemptRequestId" FROM lookup_orders
     WHERE status IN ('received', 'authorized') AND lease_until < now() ORDER BY lease_until LIMIT $1`,
    [limit],
  );
  return r.rows;
}

/**
 * Gives an abandoned attempt its final state when it has no provider call open: compare-and-set
 * on the attempt and its status, and only once its lease has run out.
 */
export async function failAbandonedAttempt(db: Db, orderId: string, attempt: number, status: OrderStatus): Promise<boolean> {
  const r = await db.query(
    `UPDATE lookup_orders SET status = 'failed', refusal_code = 'interrupted', updated_at = now()
     WHERE order_id = $1 AND attempt = $2 AND status = $3 AND lease_until < now() RETURNING order_id`,
    [orderId, attempt, status],
  );
  return r.rows.length === 1;
}
