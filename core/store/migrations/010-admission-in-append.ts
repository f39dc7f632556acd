import type { Migration } from './index';

/** The tables the lookup and identity policies read (core/store/repositories/lookup-facts.ts). */
const FACT_TABLES = ['persons', 'cases', 'parties', 'decisions', 'delegations'] as const;

/**
 * Admission inside the audit append: one round trip to admit and authorize.
 *
 * - facts_generation counts the changes to what the policies read: every transaction that writes
 *   to a fact table moves it on once, in the transaction itself, so the count a reader sees and the
 *   facts it sees come from one snapshot. A node may keep the facts it read together with the
 *   count (core/court/facts-cache.ts): they are still the facts exactly while the count has not
 *   moved. The count moves at commit (deferred triggers): its row is the last lock a writer takes,
 *   so transactions writing to several fact tables in different orders cannot deadlock on it.
 *
 * - audit_append_orders() with an eighth argument, the admissions of the batch: per group whose
 *   policy decided on cached facts, the request's nonce (claimed here for good) and, for a lookup,
 *   its order (recorded here as `authorized`, attempt 1). An admission applies only if the count is
 *   still the one its facts were read at, the nonce is new and the order id free. If any does not,
 *   nothing of the statement is written and the groups of those admissions are named (their
 *   `key`, and `facts-moved` when the count had moved) in `rejected`: the writer sends the rest
 *   again, and those requests take the way of
 *   two round trips (admit with fresh facts, then append), which decides replays and re-sends.
 *   Otherwise the statement goes on as the seven-argument function (009), all or nothing with it.
 */
export const ADMISSION_IN_APPEND: Migration = {
  version: 10,
  name: 'admission-in-append',
  statements: [
    `CREATE TABLE facts_generation (
      id smallint PRIMARY KEY CHECK (id = 1),
      n bigint NOT NULL)`,
    `INSERT INTO facts_generation (id, n) VALUES (1, 0)`,
    `CREATE FUNCTION facts_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       -- Once per transaction (a transaction-local setting remembers it).
       IF current_setting('court_hub.facts_moved', true) IS DISTINCT FROM txid_current()::text THEN
         PERFORM set_config('court_hub.facts_moved', txid_current()::text, true);
         UPDATE facts_generation SET n = n + 1 WHERE id = 1;
       END IF;
       RETURN NULL;
     END $$`,
    ...FACT_TABLES.flatMap((t) => [
      `CREATE CONSTRAINT TRIGGER ${t}_facts_generation AFTER INSERT OR UPDATE OR DELETE ON ${t}
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION facts_generation_bump()`,
      // A constraint trigger cannot fire on TRUNCATE: that one moves the count at once.
      `CREATE TRIGGER ${t}_facts_generation_truncate AFTER TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION facts_generation_bump()`,
    ]),
    `CREATE FUNCTION audit_append_orders(p_expected_seq bigint, p_expected_hash text, p_events jsonb, p_new_seq bigint, p_new_hash text,
       p_orders jsonb, p_packets bytea, p_admissions jsonb)
     RETURNS TABLE (applied boolean, head_seq bigint, head_hash text, rejected text[]) LANGUAGE plpgsql AS $$
     DECLARE
       cur_seq bigint;
       cur_hash text;
       gen bigint;
       bad text[] := '{}';
       a record;
       n integer;
       r_applied boolean;
       r_seq bigint;
       r_hash text;
       r_rejected text[];
     BEGIN
       -- The head's lock first, as 009 takes it: admissions are decided in chain order.
       SELECT h.seq, h.hash INTO cur_seq, cur_hash FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
       IF cur_seq IS DISTINCT FROM p_expected_seq OR cur_hash IS DISTINCT FROM p_expected_hash THEN
         RETURN QUERY SELECT false, cur_seq, cur_hash, '{}'::text[];
         RETURN;
       END IF;
       -- Nothing to admit (a lookup's last records, say): no subtransaction to pay for.
       IF jsonb_array_length(p_admissions) = 0 THEN
         RETURN QUERY SELECT * FROM audit_append_orders(p_expected_seq, p_expected_hash, p_events, p_new_seq, p_new_hash, p_orders, p_packets);
         RETURN;
       END IF;
       SELECT g.n INTO gen FROM facts_generation g WHERE g.id = 1;
       -- A block with an exception handler is a subtransaction: raising in it undoes the claims.
       BEGIN
         FOR a IN SELECT * FROM jsonb_to_recordset(p_admissions) AS t (key text, generation bigint, nonce text, expires_at timestamptz,
             order_id text, case_number text, requester_fin text, categories text[], request_id text, order_sha256 text, lease_until timestamptz) LOOP
           IF a.generation IS DISTINCT FROM gen THEN
             bad := bad || a.key || 'facts-moved'::text;
             CONTINUE;
           END IF;
           INSERT INTO seen_nonces (nonce, expires_at) VALUES (a.nonce, a.expires_at) ON CONFLICT (nonce) DO NOTHING;
           GET DIAGNOSTICS n = ROW_COUNT;
           IF n = 0 THEN
             bad := bad || a.key;
             CONTINUE;
           END IF;
           IF a.order_id IS NOT NULL THEN
             INSERT INTO lookup_orders (order_id, case_number, requester_fin, categories, status, request_id, attempt_request_id, order_sha256, lease_until)
               VALUES (a.order_id, a.case_number, a.requester_fin, a.categories, 'authorized', a.request_id, a.request_id, a.order_sha256, a.lease_until)
               ON CONFLICT (order_id) DO NOTHING;
             GET DIAGNOSTICS n = ROW_COUNT;
             IF n = 0 THEN
               bad := bad || a.key;
             END IF;
           END IF;
         END LOOP;
         IF cardinality(bad) > 0 THEN
           RAISE EXCEPTION 'admissions refused' USING ERRCODE = 'P0001';
         END IF;
         SELECT x.applied, x.head_seq, x.head_hash, x.rejected INTO r_applied, r_seq, r_hash, r_rejected
           FROM audit_append_orders(p_expected_seq, p_expected_hash, p_events, p_new_seq, p_new_hash, p_orders, p_packets) x;
         IF NOT r_applied THEN
           RAISE EXCEPTION 'moves refused' USING ERRCODE = 'P0001';
         END IF;
       EXCEPTION WHEN raise_exception THEN
         IF cardinality(bad) > 0 THEN
           RETURN QUERY SELECT false, cur_seq, cur_hash, bad;
         ELSE
           RETURN QUERY SELECT r_applied, r_seq, r_hash, r_rejected;
         END IF;
         RETURN;
       END;
       RETURN QUERY SELECT r_applied, r_seq, r_hash, r_rejected;
     END $$`,
  ],
};
