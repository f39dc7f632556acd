import type { Migration } from './index';

/**
 * Delivery of the agencies' outbox (agency_outbox, made by migration 004): which node holds an
 * event while it sends it (a lease, so a node that dies mid-delivery lets another take it over
 * once the lease runs out) and when and how often the event was handed to the JetStream stream (so a
 * relay re-publishes what a lost stream never delivered, under a new message id). The earlier
 * events of a decision are found through 004's unique (decision_id, agency_id, seq); the indexes
 * here serve the relay and the operator's dead-letter view.
 */
export const OUTBOX_DELIVERY: Migration = {
  version: 5,
  name: 'outbox-delivery',
  statements: [
    `ALTER TABLE agency_outbox
       ADD COLUMN IF NOT EXISTS lease_owner text,
       ADD COLUMN IF NOT EXISTS lease_until timestamptz,
       ADD COLUMN IF NOT EXISTS published_at timestamptz,
       ADD COLUMN IF NOT EXISTS publish_count integer NOT NULL DEFAULT 0`,
    `CREATE INDEX IF NOT EXISTS agency_outbox_unpublished_idx ON agency_outbox (created_at) WHERE state = 'pending' AND published_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS agency_outbox_dead_idx ON agency_outbox (created_at) WHERE state = 'dead'`,
  ],
};
