/**
 * Ending what a dead node left open (README "Faults"): every provider call the chain shows as
 * started gets an end record, `interrupted` when nobody will ever write the real one, so the
 * chain never claims less than happened; and the abandoned attempt's order gets its final state
 * in the same statement (migrations/003-order-attempts.ts), ready to be re-sent.
 */
import { HubError } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import type { OpenCall } from '../store/repositories/open-calls';
import type { OrderStatus } from '../store/repositories/orders';
import type { AuditPort, RecoveryStore } from './ports';

export const INTERRUPTED = 'interrupted';

/** The end record of a call whose attempt was abandoned: no actor (the hub writes it), linked to its start. */
export function interruptedEnd(call: OpenCall): AuditEventInput {
  return {
    type: 'provider-call-ended', requestId: call.requestId, caseNumber: call.caseNumber, categories: call.categories, outcome: INTERRUPTED,
    details: { ...(call.orderId ? { orderId: call.orderId } : {}), provider: call.provider ?? 'unknown', ...(call.institution ? { institution: call.institution } : {}), startSeq: call.seq },
  };
}

export interface AbandonedAttempt { orderId: string; attempt: number; status: OrderStatus; attemptRequestId: string | null }

/**
 * Ends an attempt whose lease ran out: its open calls get `interrupted` ends and the order goes
 * to `failed`, together (strict: only if that attempt is still the order's, still open, and its
 * lease is still run out). 'moved-on' when the order had already moved on.
 */
export async function endAbandonedAttempt(store: RecoveryStore, audit: AuditPort, o: AbandonedAttempt, deadline?: number): Promise<'ended' | 'moved-on'> {
  const calls = o.attemptRequestId ? await store.openCallsOf(o.attemptRequestId) : [];
  if (calls.length === 0) return (await store.failAbandoned(o.orderId, o.attempt, o.status)) ? 'ended' : 'moved-on';
  try {
    await audit.appendAll(calls.map(interruptedEnd), {
      deadline,
      orders: [{ orderId: o.orderId, attempt: o.attempt, from: ['authorized'], to: 'failed', code: INTERRUPTED, strict: true, leaseExpired: true }],
    });
    return 'ended';
  } catch (err) {
    if (HubError.is(err, 'HUB_ERR_ORDER_SUPERSEDED')) return 'moved-on';
    throw err;
  }
}
