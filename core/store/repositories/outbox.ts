/**
 * The outbox of events for agencies (004): a change and the events that announce it commit in one
 * transaction, so an event is never lost nor sent for a change that did not happen. The delivery
 * (the outbox worker) only reads and marks rows.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db';

export type OutboxEventType = 'decision-in-force' | 'sent-to-enforcement' | 'enforcement-status-changed';

export interface OutboxEventInput {
  decisionId: string;
  agencyId: string;
  type: OutboxEventType;
  payload: Record<string, unknown>;
}

export interface OutboxRow extends OutboxEventInput {
  eventId: string;
  seq: number;
  createdAt: Date;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
}

/**
 * Appends events inside the caller's transaction `tx`. All events of one call for one decision
 * are one change: they share the decision's next seq (per decision, increasing; events of a
 * decision are delivered in seq order). Returns the rows as written (event ids are new UUIDs).
 */
export async function appendOutbox(tx: Db, events: readonly OutboxEventInput[]): Promise<{ eventId: string; decisionId: string; agencyId: string; seq: number }[]> {
  const byDecision = new Map<string, OutboxEventInput[]>();
  for (const e of events) byDecision.set(e.decisionId, [...(byDecision.get(e.decisionId) ?? []), e]);
  const out: { eventId: string; decisionId: string; agencyId: string; seq: number }[] = [];
  for (const [decisionId, list] of [...byDecision].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    // Two changes of one decision in concurrent transactions: the second waits for the first's seq.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`agency_outbox:${decisionId}`]);
    const next = (await tx.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM agency_outbox WHERE decision_id = $1', [decisionId])).rows[0].seq;
    for (const e of list) {
      const eventId = randomUUID();
      await tx.query(
        'INSERT INTO agency_outbox (event_id, decision_id, agency_id, seq, type, payload) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
        [eventId, decisionId, e.agencyId, next, e.type, JSON.stringify({ ...e.payload, eventId, seq: next })],
      );
      out.push({ eventId, decisionId, agencyId: e.agencyId, seq: next });
    }
  }
  return out;
}

const COLUMNS = `event_id AS "eventId", decision_id AS "decisionId", agency_id AS "agencyId", seq::int AS seq, type, payload,
  created_at AS "createdAt", state, attempts, next_attempt_at AS "nextAttemptAt", last_error AS "lastError", delivered_at AS "deliveredAt"`;

/** The events of a decision (all agencies), in seq order. */
export async function outboxOf(db: Db, decisionId: string): Promise<OutboxRow[]> {
  return (await db.query<OutboxRow>(`SELECT ${COLUMNS} FROM agency_outbox WHERE decision_id = $1 ORDER BY seq, agency_id`, [decisionId])).rows;
}
