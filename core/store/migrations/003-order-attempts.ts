/**
 * 003: orders that survive faults (docs: README "Faults").
 *
 * - An order runs in attempts. A transient failure (a node lost, NATS restarting, the database
 *   dropping connections) leaves the order `failed`, and the same signed order sent again runs
 *   a new attempt: `attempt` counts them, `attempt_request_id` is the current one's correlation
 *   id (`request_id` stays the first one's), `order_sha256` is the digest of the signed order's
 *   canonical bytes (only the very same order may run again), and `lease_until` is when an
 *   attempt still `received` or `authorized` is abandoned (its node died): recovery then ends it.
 *
 * - audit_append_orders() is audit_append() (002) that also moves orders, in the same statement:
 *   the final audit records of a lookup and the order's completion with its evidence packet
 *   commit together or not at all, so "handed out ⇒ audited" and "audited ⇒ stored" hold after
 *   any crash. A strict move that no longer applies (another attempt took the order over)
 *   writes nothing and names the order, so the writer drops that group and writes the rest.
 *
 * - audit_recovery_mark: the seq below which every provider-call-started has its end, so the
 *   periodic recovery scans only the tail of the chain.
 */
import type { Migration } from './index';

export const ORDER_ATTEMPTS: Migration = {
  version: 3,
  name: 'order-attempts',
  statements: [
    `ALTER TABLE lookup_orders
       ADD COLUMN order_sha256 text CHECK (order_sha256 ~ '^[0-9a-f]{64}$'),
       ADD COLUMN attempt integer NOT NULL DEFAULT 1 CHECK (attempt > 0),
       ADD COLUMN attempt_request_id text,
       ADD COLUMN lease_until timestamptz`,
    // Orders left open by an earlier version have no lease: they are abandoned already.
    `UPDATE lookup_orders SET lease_until = updated_at WHERE status IN ('received', 'authorized')`,
    `CREATE INDEX lookup_orders_open_idx ON lookup_orders (lease_until) WHERE status IN ('received', 'authorized')`,
    // The evidence fetch and audit verify find an order's evidence-issued record by its orderId.
    `CREATE INDEX audit_events_evidence_order_idx ON audit_events ((details->>'orderId')) WHERE type = 'evidence-issued'`,

    `CREATE TABLE audit_recovery_mark (
      id smallint PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL)`,
    `INSERT INTO audit_recovery_mark (id, seq) VALUES (1, 0)`,

    `CREATE FUNCTION audit_append_orders(p_expected_seq bigint, p_expected_hash text, p_events jsonb, p_new_seq bigint, p_new_hash text, p_orders jsonb)
     RETURNS TABLE (applied boolean, head_seq bigint, head_hash text, rejected text[]) LANGUAGE plpgsql AS $$
     DECLARE
       cur_seq bigint;
       cur_hash text;
       bad text[];
     BEGIN
       SELECT h.seq, h.hash INTO cur_seq, cur_hash FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
       IF cur_seq IS DISTINCT FROM p_expected_seq OR cur_hash IS DISTINCT FROM p_expected_hash THEN
         RETURN QUERY SELECT false, cur_seq, cur_hash, '{}'::text[];
         RETURN;
       END IF;
       -- Lock the orders too: a re-send taking an order over cannot slip in between check and update.
       PERFORM 1 FROM lookup_orders o
         WHERE o.order_id IN (SELECT t.order_id FROM jsonb_to_recordset(p_orders) AS t (order_id text))
         ORDER BY o.order_id FOR UPDATE;
       SELECT coalesce(array_agg(t.order_id), '{}') INTO bad
         FROM jsonb_to_recordset(p_orders) AS t (order_id text, attempt integer, from_status text[], strict boolean, lease_expired boolean)
         WHERE t.strict AND NOT EXISTS (
           SELECT 1 FROM lookup_orders o
           WHERE o.order_id = t.order_id AND o.attempt = t.attempt AND o.status = ANY (t.from_status)
             AND (NOT coalesce(t.lease_expired, false) OR o.lease_until < now()));
       IF cardinality(bad) > 0 THEN
         RETURN QUERY SELECT false, cur_seq, cur_hash, bad;
         RETURN;
       END IF;
       -- The events and the new head: audit_append() of 002, under the head's lock this function holds.
       PERFORM audit_append(p_expected_seq, p_expected_hash, p_events, p_new_seq, p_new_hash);
       UPDATE lookup_orders o
         SET status = t.to_status, evidence = coalesce(decode(t.packet, 'base64'), o.evidence),
             refusal_code = coalesce(t.code, o.refusal_code), updated_at = now()
         FROM jsonb_to_recordset(p_orders) AS t (order_id text, attempt integer, from_status text[], to_status text, packet text, code text, lease_expired boolean)
         WHERE o.order_id = t.order_id AND o.attempt = t.attempt AND o.status = ANY (t.from_status)
           AND (NOT coalesce(t.lease_expired, false) OR o.lease_until < now());
       RETURN QUERY SELECT true, p_new_seq, p_new_hash, '{}'::text[];
     END $$`,
  ],
};
