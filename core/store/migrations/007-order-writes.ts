import type { Migration } from './index';

/**
 * Cheaper writes of a lookup's order (measured on the embedded server, 4000 signed lookups):
 *
 * - audit_append_orders() (003) again, with the same contract, reaching each order by its primary
 *   key. 003 joined lookup_orders with the batch's jsonb_to_recordset(), which the planner
 *   estimates at 100 rows whatever it holds (usually one to a dozen): it chose a hash join over a
 *   sequential scan of lookup_orders, three times per append. Every append of the lookup path then
 *   cost time in proportion to all the orders ever made (0.2 ms at 660 orders, growing without
 *   bound). Here the batch is walked in a loop, each order locked (in order_id order, as before, so
 *   two writers cannot deadlock), checked and moved by key: the cost is per order moved.
 *
 * - The evidence packet is stored without TOAST compression: it is written once per lookup on the
 *   hot path and read rarely, and pglz spent ~0.15 ms of server CPU per lookup on it for a
 *   packet of a few kilobytes.
 */
export const ORDER_WRITES: Migration = {
  version: 7,
  name: 'order-writes',
  statements: [
    `ALTER TABLE lookup_orders ALTER COLUMN evidence SET STORAGE EXTERNAL`,
    `CREATE OR REPLACE FUNCTION audit_append_orders(p_expected_seq bigint, p_expected_hash text, p_events jsonb, p_new_seq bigint, p_new_hash text, p_orders jsonb)
     RETURNS TABLE (applied boolean, head_seq bigint, head_hash text, rejected text[]) LANGUAGE plpgsql AS $$
     DECLARE
       cur_seq bigint;
       cur_hash text;
       bad text[] := '{}';
       m record;
       o record;
     BEGIN
       SELECT h.seq, h.hash INTO cur_seq, cur_hash FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
       IF cur_seq IS DISTINCT FROM p_expected_seq OR cur_hash IS DISTINCT FROM p_expected_hash THEN
         RETURN QUERY SELECT false, cur_seq, cur_hash, '{}'::text[];
         RETURN;
       END IF;
       -- Lock the orders too: a re-send taking an order over cannot slip in between check and update.
       FOR m IN SELECT t.order_id, t.attempt, t.from_status, t.strict AS must_apply, t.lease_expired FROM jsonb_to_recordset(p_orders)
           AS t (order_id text, attempt integer, from_status text[], strict boolean, lease_expired boolean) ORDER BY t.order_id LOOP
         SELECT x.attempt, x.status, x.lease_until INTO o FROM lookup_orders x WHERE x.order_id = m.order_id FOR UPDATE;
         -- A condition that is NULL (an order without a lease) does not apply, as in 003.
         IF m.must_apply AND NOT coalesce(FOUND AND o.attempt = m.attempt AND o.status = ANY (m.from_status)
             AND (NOT coalesce(m.lease_expired, false) OR o.lease_until < now()), false) THEN
           bad := bad || m.order_id;
         END IF;
       END LOOP;
       IF cardinality(bad) > 0 THEN
         RETURN QUERY SELECT false, cur_seq, cur_hash, bad;
         RETURN;
       END IF;
       -- The events and the new head: audit_append() of 002, under the head's lock this function holds.
       PERFORM audit_append(p_expected_seq, p_expected_hash, p_events, p_new_seq, p_new_hash);
       FOR m IN SELECT * FROM jsonb_to_recordset(p_orders)
           AS t (order_id text, attempt integer, from_status text[], to_status text, packet text, code text, lease_expired boolean) LOOP
         UPDATE lookup_orders x
           SET status = m.to_status, evidence = coalesce(decode(m.packet, 'base64'), x.evidence),
               refusal_code = coalesce(m.code, x.refusal_code), updated_at = now()
           WHERE x.order_id = m.order_id AND x.attempt = m.attempt AND x.status = ANY (m.from_status)
             AND (NOT coalesce(m.lease_expired, false) OR x.lease_until < now());
       END LOOP;
       RETURN QUERY SELECT true, p_new_seq, p_new_hash, '{}'::text[];
     END $$`,
  ],
};
