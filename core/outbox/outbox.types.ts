/**
 * The agencies' outbox as the delivery side sees it. The court core writes one row per subscribed
 * addressed agency in the same transaction as the change (a decision entered into force, sent to
 * enforcement, an enforcement status changed); delivery only moves rows from `pending` to
 * `delivered` or `dead`.
 */
export type OutboxEventType = 'decision-in-force' | 'sent-to-enforcement' | 'enforcement-status-changed';
export type OutboxState = 'pending' | 'delivered' | 'dead';

export interface OutboxEvent {
  /** Stable for the life of the event: the agency's idempotency key, and the JetStream message id. */
  eventId: string;
  decisionId: string;
  agencyId: string;
  /** Increasing per decision: events of one decision reach an agency in this order. */
  seq: number;
  type: OutboxEventType;
  payload: Record<string, unknown>;
  createdAt: Date;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
}

/** Retries with exponential backoff, then the dead-letter state. */
export interface RetryPolicy {
  /** Attempts before the event is dead (the first delivery counts). */
  maxAttempts: number;
  /** Delay after the first failure, ms; doubled after each next one. */
  baseDelayMs: number;
  /** Longest delay between two attempts, ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 300_000 };

/** The agency's channel for an event. The enforcement transfer of a decision to enforce is a SOAP call; the rest are callbacks. */
export type Channel = 'callback' | 'enforcement-transfer';

/**
 * 6.1.19: the enforcement service gets a decision to enforce, once in force, over its own EHİS
 * SOAP operation (contracts/agencies/enforcement-transfer.wsdl), not as a callback.
 */
export function channelOf(e: Pick<OutboxEvent, 'agencyId' | 'type' | 'payload'>): Channel {
  return e.agencyId === 'enforcement' && e.type === 'decision-in-force' && e.payload?.toEnforce === true ? 'enforcement-transfer' : 'callback';
}
