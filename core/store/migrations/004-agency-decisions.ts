/**
 * 004: decisions as signed documents addressed to agencies (statute 6.1.22, 12.6, 4.2.4), their
 * entry into legal force as a second signed act, the directory of agencies (7.2.2, 7.2.5), the
 * enforcement status history (6.1.19) and the outbox of events for agencies
 * (docs/architecture.md "Agencies").
 *
 * The decisions of 001 keep their columns; a decision registered through the hub also keeps the
 * judge's document and signature, the in-force act with its signature and the hub's attestation.
 * Rows seeded without a document (demo and tests) stay valid.
 */
import type { Migration } from './index';

export const AGENCY_DECISIONS: Migration = {
  version: 4,
  name: 'agency-decisions',
  statements: [
    // The agencies directory (agencies/directory.json) is loaded into this table at start-up; the
    // owner's changes to the file take effect at the next start of any core node.
    `CREATE TABLE agencies (
      id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{1,39}$'),
      member_id text NOT NULL UNIQUE,
      cert_sha256 text NOT NULL CHECK (cert_sha256 ~ '^[0-9a-f]{64}$'),
      callback_url text,
      rules jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now())`,

    `ALTER TABLE decisions
      ADD COLUMN court_id text REFERENCES courts (id),
      ADD COLUMN document jsonb,
      ADD COLUMN signature bytea,
      ADD COLUMN to_enforce boolean NOT NULL DEFAULT false,
      ADD COLUMN registered_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN in_force_document jsonb,
      ADD COLUMN in_force_signature bytea,
      ADD COLUMN in_force_by text REFERENCES persons (fin),
      ADD COLUMN attestation bytea,
      ADD COLUMN feed_seq bigint UNIQUE`,
    // The agencies' cursor (listDecisions after N): a decision gets its place in the feed when it
    // enters legal force, so a cursor never skips one that entered force later with a smaller id.
    `CREATE SEQUENCE decision_feed_seq`,

    // 6.1.19: who must act on a decision, and what (arrest-accounts, travel-ban, encumbrance …).
    `CREATE TABLE decision_addressees (
      decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
      agency_id text NOT NULL REFERENCES agencies (id),
      actions text[] NOT NULL CHECK (cardinality(actions) > 0),
      PRIMARY KEY (decision_id, agency_id))`,
    `CREATE INDEX decision_addressees_agency_idx ON decision_addressees (agency_id)`,

    // The enforcement status of a decision as last reported: the report with the highest version
    // the reporter assigned wins, whatever order the reports arrive in.
    `CREATE TABLE enforcement_status (
      decision_id text PRIMARY KEY REFERENCES decisions (id),
      agency_id text NOT NULL REFERENCES agencies (id),
      version bigint NOT NULL CHECK (version > 0),
      status text NOT NULL CHECK (status IN ('opened', 'in-progress', 'amount-recovered', 'completed', 'returned')),
      amount_recovered numeric(18, 2),
      reported_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`,

    // Every accepted report, once per version (a duplicate is the same row, not a second one).
    `CREATE TABLE enforcement_status_history (
      decision_id text NOT NULL REFERENCES decisions (id),
      version bigint NOT NULL CHECK (version > 0),
      agency_id text NOT NULL REFERENCES agencies (id),
      status text NOT NULL CHECK (status IN ('opened', 'in-progress', 'amount-recovered', 'completed', 'returned')),
      amount_recovered numeric(18, 2),
      note text,
      reported_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      report_sha256 text NOT NULL CHECK (report_sha256 ~ '^[0-9a-f]{64}$'),
      PRIMARY KEY (decision_id, version))`,

    // The outbox: one row per subscribed agency per change, written in the transaction of the
    // change; delivered at least once, in seq order per decision, by the outbox worker.
    `CREATE TABLE agency_outbox (
      event_id uuid PRIMARY KEY,
      decision_id text NOT NULL,
      agency_id text NOT NULL,
      seq bigint NOT NULL,
      type text NOT NULL CHECK (type IN ('decision-in-force', 'sent-to-enforcement', 'enforcement-status-changed')),
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      delivered_at timestamptz,
      UNIQUE (decision_id, agency_id, seq))`,
    `CREATE INDEX agency_outbox_pending_idx ON agency_outbox (next_attempt_at) WHERE state = 'pending'`,
  ],
};
