/**
 * 002: the audit chain (8.2.15 accountability; docs/security-model.md). Events are append-only and
 * hash-chained; hashes are computed by the hub (core/audit/event-hash.ts), not by SQL, so the
 * verifier and the writer share one definition of the canonical form.
 *
 * audit_append() writes a whole batch in one round trip as a compare-and-swap on the chain
 * head: under the head's row lock it checks that the head is still the one the batch was
 * chained onto; if another node appended meanwhile it writes nothing and returns the current
 * head so the caller re-chains and retries. The row lock serializes appends across nodes.
 */
import type { Migration } from './index';

export const AUDIT_CHAIN: Migration = {
  version: 2,
  name: 'audit-chain',
  statements: [
    `CREATE TABLE audit_events (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      at timestamptz NOT NULL,
      type text NOT NULL,
      request_id text NOT NULL,
      actor_hmac text,
      subject_hmac text,
      case_number text,
      categories text[] NOT NULL DEFAULT '{}',
      outcome text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL)`,
    // 13.3: the access report finds a person's events by their keyed hash.
    `CREATE INDEX audit_events_subject_idx ON audit_events (subject_hmac) WHERE subject_hmac IS NOT NULL`,
    `CREATE INDEX audit_events_request_idx ON audit_events (request_id)`,

    `CREATE TABLE audit_chain_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      seq bigint NOT NULL,
      hash text NOT NULL)`,
    `INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`,

    `CREATE TABLE audit_checkpoints (
      seq bigint PRIMARY KEY CHECK (seq > 0),
      hash text NOT NULL,
      at timestamptz NOT NULL,
      signature bytea NOT NULL)`,

    // Defence in depth: the application cannot change or remove what it wrote. Someone with
    // owner rights can still disable this; that is what the chain and checkpoints detect.
    `CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'the audit trail is append-only (statute 8.2.15)' USING ERRCODE = '42501';
     END $$`,
    `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
       FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
       FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
       FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    `CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
       FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,

    `CREATE FUNCTION audit_append(p_expected_seq bigint, p_expected_hash text, p_events jsonb, p_new_seq bigint, p_new_hash text)
     RETURNS TABLE (applied boolean, head_seq bigint, head_hash text) LANGUAGE plpgsql AS $$
     DECLARE
       cur_seq bigint;
       cur_hash text;
     BEGIN
       SELECT h.seq, h.hash INTO cur_seq, cur_hash FROM audit_chain_head h WHERE h.id = 1 FOR UPDATE;
       IF cur_seq IS DISTINCT FROM p_expected_seq OR cur_hash IS DISTINCT FROM p_expected_hash THEN
         RETURN QUERY SELECT false, cur_seq, cur_hash;
         RETURN;
       END IF;
       INSERT INTO audit_events (seq, at, type, request_id, actor_hmac, subject_hmac, case_number, categories, outcome, details, prev_hash, hash)
         SELECT x.seq, x.at, x.type, x.request_id, x.actor_hmac, x.subject_hmac, x.case_number,
                coalesce(x.categories, '{}'), x.outcome, coalesce(x.details, '{}'::jsonb), x.prev_hash, x.hash
         FROM jsonb_to_recordset(p_events) AS x (seq bigint, at timestamptz, type text, request_id text, actor_hmac text,
              subject_hmac text, case_number text, categories text[], outcome text, details jsonb, prev_hash text, hash text);
       UPDATE audit_chain_head SET seq = p_new_seq, hash = p_new_hash WHERE id = 1;
       RETURN QUERY SELECT true, p_new_seq, p_new_hash;
     END $$`,
  ],
};
