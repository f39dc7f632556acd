/**
 * Lookup orders as received, and the evidence packet handed back for each. The orderId is
 * unique: recording an order is insert-or-fail, and a status change is a compare-and-set, so
 * under any concurrency no order is authorized twice (issue 4 item 11).
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
export async function transitionOrder(db: Db, orderId: string, from: OrderStatus[], to: OrderStatus, opts: { refusalCode?: string } = {}): Promise<boolean> {
  const r = await db.query(
    `UPDATE lookup_orders SET status = $3, refusal_code = coalesce($4, refusal_code), updated_at = now()
     WHERE order_id = $1 AND status = ANY($2::text[]) RETURNING order_id`,
    [orderId, from, to, opts.refusalCode ?? null],
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

/**
 * The hot path's admission in ONE statement (one round trip, one commit): claim the nonce and,
 * only if it was fresh, record the order. Same guarantees as claimNonce + recordOrder: the
 * primary keys let exactly one of any number of concurrent admissions win, on any node.
 */
export async function admitOrder(db: Db, nonce: string, nonceExpiresAt: Date,
  o: { orderId: string; caseNumber: string; requesterFin: string; categories: string[]; requestId?: string }): Promise<{ nonceFresh: boolean; orderIdFresh: boolean }> {
  const r = await db.query<{ nonce: number; ord: number }>(
    `WITH n AS (
       INSERT INTO seen_nonces (nonce, expires_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING RETURNING nonce
     ), o AS (
       INSERT INTO lookup_orders (order_id, case_number, requester_fin, categories, status, request_id)
       SELECT $3, $4, $5, $6, 'received', $7 WHERE EXISTS (SELECT 1 FROM n)
       ON CONFLICT (order_id) DO NOTHING RETURNING order_id
     )
     SELECT (SELECT count(*) FROM n)::int AS nonce, (SELECT count(*) FROM o)::int AS ord`,
    [nonce, nonceExpiresAt, o.orderId, o.caseNumber, o.requesterFin, o.categories, o.requestId ?? null],
  );
  return { nonceFresh: r.rows[0].nonce === 1, orderIdFresh: r.rows[0].ord === 1 };
}

/** Stores the evidence packet and completes the order in one statement; false if the order was not in `from`. */
export async function completeOrder(db: Db, orderId: string, packet: Buffer, from: OrderStatus[] = ['received', 'authorized']): Promise<boolean> {
  const r = await db.query(
    `UPDATE lookup_orders SET evidence = $2, status = 'completed', updated_at = now()
     WHERE order_id = $1 AND status = ANY($3::text[]) RETURNING order_id`,
    [orderId, packet, from],
  );
  return r.rows.length === 1;
}
