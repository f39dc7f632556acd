/**
 * The delivery side's queries on agency_outbox (migrations 004 and 005). Every state change is a
 * compare-and-set on `state = 'pending'`, so two nodes racing on the same event (a JetStream
 * redelivery while the first node is still sending, a lease that ran out) cannot both record it.
 */
import type { Db } from '../store/db';
import type { OutboxEvent, OutboxState } from './outbox.types';

const COLUMNS = `event_id AS "eventId", decision_id AS "decisionId", agency_id AS "agencyId", seq::float8 AS seq, type, payload,
  created_at AS "createdAt", state, attempts, next_attempt_at AS "nextAttemptAt", last_error AS "lastError", delivered_at AS "deliveredAt"`;

/** An event of the same decision for the same agency, earlier in order, still waiting (dead ones do not hold the later ones back). */
const EARLIER_PENDING = `EXISTS (SELECT 1 FROM agency_outbox p WHERE p.decision_id = o.decision_id AND p.agency_id = o.agency_id
  AND p.seq < o.seq AND p.state = 'pending')`;

export type ClaimResult =
  | { kind: 'claimed'; event: OutboxEvent }
  /** Delivered or dead already, or no such event. */
  | { kind: 'settled' }
  /** Not due yet, held behind an earlier event, or held by another node's lease: ask again in `retryInMs`. */
  | { kind: 'wait'; retryInMs: number; reason: 'not-due' | 'earlier-pending' | 'leased' };

/**
 * Takes the event for delivery by `owner` for `leaseMs`, if it is pending, due, not leased by a
 * live holder and has no earlier pending event of its decision for its agency (in order per decision).
 */
export async function claimEvent(db: Db, eventId: string, owner: string, leaseMs: number): Promise<ClaimResult> {
  const claimed = await db.query<OutboxEvent>(
    `UPDATE agency_outbox o SET lease_owner = $2, lease_until = now() + make_interval(secs => $3::float8 / 1000)
     WHERE o.event_id = $1 AND o.state = 'pending' AND o.next_attempt_at <= now()
       AND (o.lease_until IS NULL OR o.lease_until < now()) AND NOT ${EARLIER_PENDING}
     RETURNING ${COLUMNS}`,
    [eventId, owner, leaseMs],
  );
  if (claimed.rows[0]) return { kind: 'claimed', event: claimed.rows[0] };
  const why = await db.query<{ state: OutboxState; due_in: number; lease_in: number | null; earlier_due_in: number | null }>(
    `SELECT o.state, GREATEST(0, EXTRACT(EPOCH FROM (o.next_attempt_at - now())) * 1000)::float8 AS due_in,
       CASE WHEN o.lease_until > now() THEN EXTRACT(EPOCH FROM (o.lease_until - now())) * 1000 END::float8 AS lease_in,
       (SELECT GREATEST(0, EXTRACT(EPOCH FROM (min(p.next_attempt_at) - now())) * 1000)::float8 FROM agency_outbox p
         WHERE p.decision_id = o.decision_id AND p.agency_id = o.agency_id AND p.seq < o.seq AND p.state = 'pending') AS earlier_due_in
     FROM agency_outbox o WHERE o.event_id = $1`,
    [eventId],
  );
  const r = why.rows[0];
  if (!r || r.state !== 'pending') return { kind: 'settled' };
  if (r.due_in > 0) return { kind: 'wait', retryInMs: Math.ceil(r.due_in), reason: 'not-due' };
  if (r.lease_in !== null) return { kind: 'wait', retryInMs: Math.ceil(r.lease_in), reason: 'leased' };
  return { kind: 'wait', retryInMs: Math.max(100, Math.ceil(r.earlier_due_in ?? 0)), reason: 'earlier-pending' };
}

/** The agency acknowledged the event. False when it was no longer pending (settled by another node). */
export async function markDelivered(db: Db, eventId: string): Promise<boolean> {
  const r = await db.query(
    `UPDATE agency_outbox SET state = 'delivered', delivered_at = now(), attempts = attempts + 1, last_error = NULL,
       lease_owner = NULL, lease_until = NULL
     WHERE event_id = $1 AND state = 'pending' RETURNING event_id`,
    [eventId],
  );
  return r.rows.length === 1;
}

/**
 * An attempt failed: the next one after `delayMs`, or the dead-letter state once `maxAttempts`
 * attempts have failed. `lastError` is a reason code or HTTP status, never an agency's answer body.
 */
export async function markFailed(db: Db, eventId: string, lastError: string, delayMs: number, maxAttempts: number): Promise<{ state: OutboxState; attempts: number } | null> {
  const r = await db.query<{ state: OutboxState; attempts: number }>(
    `UPDATE agency_outbox SET attempts = attempts + 1, last_error = left($2, 200),
       state = CASE WHEN attempts + 1 >= $4 THEN 'dead' ELSE 'pending' END,
       next_attempt_at = now() + make_interval(secs => $3::float8 / 1000), lease_owner = NULL, lease_until = NULL
     WHERE event_id = $1 AND state = 'pending' RETURNING state, attempts`,
    [eventId, lastError, delayMs, maxAttempts],
  );
  return r.rows[0] ?? null;
}

/** Gives back a lease without counting an attempt (the node stops before it sent anything). */
export async function releaseLease(db: Db, eventId: string, owner: string): Promise<void> {
  await db.query(`UPDATE agency_outbox SET lease_owner = NULL, lease_until = NULL WHERE event_id = $1 AND lease_owner = $2 AND state = 'pending'`, [eventId, owner]);
}

/** Pending events that can be sent now, oldest first: for each decision and agency only the first pending one. */
export async function dueEvents(db: Db, limit: number): Promise<string[]> {
  const r = await db.query<{ event_id: string }>(
    `SELECT o.event_id FROM agency_outbox o
     WHERE o.state = 'pending' AND o.next_attempt_at <= now() AND (o.lease_until IS NULL OR o.lease_until < now()) AND NOT ${EARLIER_PENDING}
     ORDER BY o.created_at, o.seq LIMIT $1`,
    [limit],
  );
  return r.rows.map((x) => x.event_id);
}

/**
 * Pending events not yet handed to the stream, or handed long ago and still pending (the stream
 * may have lost them: a NATS server that came back without its store): for the JetStream relay.
 */
export interface Unpublished { eventId: string; agencyId: string; decisionId: string; publishCount: number }

export async function unpublishedEvents(db: Db, limit: number, staleMs: number): Promise<Unpublished[]> {
  const r = await db.query<Unpublished>(
    `SELECT event_id AS "eventId", agency_id AS "agencyId", decision_id AS "decisionId", publish_count AS "publishCount" FROM agency_outbox
     WHERE state = 'pending' AND (published_at IS NULL
       OR (published_at < now() - make_interval(secs => $2::float8 / 1000) AND next_attempt_at < now() - make_interval(secs => $2::float8 / 1000)
           AND (lease_until IS NULL OR lease_until < now())))
     ORDER BY created_at, seq LIMIT $1`,
    [limit, staleMs],
  );
  return r.rows;
}

export async function markPublished(db: Db, eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db.query(`UPDATE agency_outbox SET published_at = now(), publish_count = publish_count + 1 WHERE event_id = ANY($1::uuid[])`, [eventIds]);
}

export async function getEvent(db: Db, eventId: string): Promise<OutboxEvent | null> {
  return (await db.query<OutboxEvent>(`SELECT ${COLUMNS} FROM agency_outbox WHERE event_id = $1`, [eventId])).rows[0] ?? null;
}

/** The dead letters, newest first: what the operator sees. No payload (it carries the parties' data). */
export async function deadLetters(db: Db, limit: number): Promise<Omit<OutboxEvent, 'payload' | 'nextAttemptAt' | 'deliveredAt'>[]> {
  const r = await db.query<OutboxEvent>(
    `SELECT event_id AS "eventId", decision_id AS "decisionId", agency_id AS "agencyId", seq::float8 AS seq, type, created_at AS "createdAt",
       state, attempts, last_error AS "lastError"
     FROM agency_outbox WHERE state = 'dead' ORDER BY created_at DESC, seq DESC LIMIT $1`,
    [limit],
  );
  return r.rows;
}

/** The operator sends a dead event again: pending, due now, attempts from zero. */
export async function requeueDead(db: Db, eventId: string): Promise<boolean> {
  const r = await db.query(
    `UPDATE agency_outbox SET state = 'pending', attempts = 0, next_attempt_at = now(), published_at = NULL, lease_owner = NULL, lease_until = NULL
     WHERE event_id = $1 AND state = 'dead' RETURNING event_id`,
    [eventId],
  );
  return r.rows.length === 1;
}

/** Counts per state and agency (the /metrics gauges). */
export async function outboxCounts(db: Db): Promise<{ agencyId: string; state: OutboxState; n: number }[]> {
  return (await db.query<{ agencyId: string; state: OutboxState; n: number }>(
    `SELECT agency_id AS "agencyId", state, count(*)::int AS n FROM agency_outbox GROUP BY agency_id, state`,
  )).rows;
}
