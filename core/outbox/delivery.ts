/**
 * One delivery attempt of one outbox event, the same code whichever loop brings the event (the
 * in-process poller of the embedded hub, or a JetStream consumer on any node of a cluster):
 * claim it (lease, in order per decision), send it over its channel, record the outcome. At least
 * once: an event is marked delivered only after the agency acknowledged it, so a node that dies
 * between the two leaves it pending and it is sent again, with the same event id.
 */
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import { retryDelayMs } from './backoff';
import { claimEvent, markDelivered, markFailed } from './outbox-store';
import { channelOf, type Channel, type OutboxEvent, type RetryPolicy } from './outbox.types';

/** Sends one event over one channel; resolves on the agency's acknowledgement (with what it answered), rejects otherwise. */
export type EventSender = (event: OutboxEvent, signal: AbortSignal) => Promise<unknown>;

export interface DeliveryDeps {
  db: Db;
  /** Who holds the lease (the node id). */
  owner: string;
  /** How long a claimed event stays with this node; longer than a send may take. */
  leaseMs: number;
  /** Bound of one send, ms. */
  sendTimeoutMs: number;
  policy: RetryPolicy;
  senders: Record<Channel, EventSender>;
  /**
   * Runs in the transaction that marks the event delivered: the changes an acknowledgement makes
   * (e.g. the enforcement service took the decision over: 'sent-to-enforcement' events for the
   * addressees) commit with it or not at all.
   */
  afterDelivered?(tx: Db, event: OutboxEvent, answer: unknown): Promise<void>;
  /** Told every settled attempt (metrics). */
  observe?(o: DeliveryOutcome, event: OutboxEvent | undefined, ms: number): void;
}

export type DeliveryOutcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; retryInMs: number; error: string }
  | { kind: 'dead'; error: string }
  | { kind: 'settled' }
  | { kind: 'wait'; retryInMs: number; reason: string };

/** A reason code for the outbox row: the HubError code and HTTP status, never an agency's words. */
export function failureReason(err: unknown): string {
  if (HubError.is(err)) {
    const status = (err.details as { httpStatus?: unknown } | undefined)?.httpStatus;
    return status ? `${err.code} ${String(status)}` : err.code;
  }
  return 'HUB_ERR_SYSTEM_INTERNAL';
}

export async function deliverOne(d: DeliveryDeps, eventId: string): Promise<DeliveryOutcome> {
  const claim = await claimEvent(d.db, eventId, d.owner, d.leaseMs);
  if (claim.kind !== 'claimed') return claim;
  const event = claim.event;
  const t0 = Date.now();
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(new HubError('HUB_ERR_UPSTREAM_TIMEOUT', { details: { reason: 'callback-timeout' } })), d.sendTimeoutMs);
  let error: string | undefined;
  let answer: unknown;
  try {
    answer = await d.senders[channelOf(event)](event, ac.signal);
  } catch (err) {
    error = failureReason(err);
  } finally {
    clearTimeout(timer);
  }
  let outcome: DeliveryOutcome;
  if (error === undefined) {
    const after = d.afterDelivered;
    if (after) await d.db.transaction(async (tx) => { if (await markDelivered(tx, eventId)) await after(tx, event, answer); });
    else await markDelivered(d.db, eventId);
    outcome = { kind: 'delivered' };
  } else {
    const delay = retryDelayMs(d.policy, event.attempts + 1);
    const r = await markFailed(d.db, eventId, error, delay, d.policy.maxAttempts);
    outcome = !r ? { kind: 'settled' } : r.state === 'dead' ? { kind: 'dead', error } : { kind: 'retry', retryInMs: delay, error };
  }
  d.observe?.(outcome, event, Date.now() - t0);
  return outcome;
}
