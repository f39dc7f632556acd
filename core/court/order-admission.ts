/**
 * What a signed lookup order is when it arrives (README "Faults": a transient failure never uses
 * up an order). Its nonce is claimed first, atomically, in the store. When the nonce was already
 * seen, the order may be the very same signed order sent again (same canonical bytes, same
 * judge): it then runs again if its last attempt failed or was abandoned, is reported as
 * executed if it completed, and as in progress while an attempt still runs. Anything else that
 * reuses a nonce stays a replay.
 */
import { hash } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import { canonicalBytes } from '../orders/order.canonical';
import type { LookupOrder } from '../orders/order.types';
import type { OrderAttempt } from '../store/repositories/orders';
import { retryStore, type Budget } from './deadlines';
import type { LookupFactsView } from './ports';
import { nonceKeepUntil, type Court } from './signed-request';

export type Admission =
  /** First time seen (or our own admission, repeated after a lost answer from the store). */
  | { kind: 'fresh'; attempt: number }
  /** The same order, whose last attempt failed (or was abandoned): it may run again. */
  | { kind: 'retry'; prior: OrderAttempt }
  | { kind: 'executed'; prior: OrderAttempt }
  | { kind: 'in-progress'; prior: OrderAttempt }
  /** The nonce was used by another order, or this order was refused: HUB_ERR_AUTHZ_NONCE_REPLAYED. */
  | { kind: 'replayed' }
  /** A new nonce with an orderId already taken: HUB_ERR_AUTHZ_ORDER_ID_REUSED. */
  | { kind: 'order-id-reused' };

/** `canonical`: the order's canonical bytes when already at hand (the verified ones). */
export function orderDigest(order: LookupOrder, canonical?: Buffer): string {
  return hash('sha256', canonical ?? canonicalBytes(order), 'hex');
}

const storeDown = (err: unknown) => HubError.is(err, 'HUB_ERR_STORE_UNAVAILABLE');

/**
 * The admission with the facts the lookup policy reads (roster, case, decision), in one round
 * trip: the nonce is used up whatever the policy then says, exactly as when read one after the other.
 */
export async function admitWithFacts(c: Court, order: LookupOrder, fin: string | undefined, requestId: string, budget: Budget, canonical?: Buffer):
Promise<{ facts: LookupFactsView; admission: Admission }> {
  const { store } = c.deps;
  const orderSha256 = orderDigest(order, canonical);
  // Safe to repeat: a repeat finds the nonce taken by its own first try (below).
  const { facts, nonceFresh, orderIdFresh } = await retryStore(() => store.admitWithFacts(
    fin ?? null, order.caseNumber, order.basis.kind === 'decision' ? order.basis.decisionId : null, order.nonce, nonceKeepUntil(c, order), {
      orderId: order.orderId, caseNumber: order.caseNumber, requesterFin: fin ?? '-', categories: order.categories, requestId,
      orderSha256, leaseUntil: budget.leaseUntil,
    }), budget.registriesBy, storeDown);
  return { facts, admission: await classify(c, order, fin, requestId, budget, orderSha256, nonceFresh, orderIdFresh) };
}

async function classify(c: Court, order: LookupOrder, fin: string | undefined, requestId: string, budget: Budget, orderSha256: string, nonceFresh: boolean, orderIdFresh: boolean): Promise<Admission> {
  const { store } = c.deps;
  if (nonceFresh) return orderIdFresh ? { kind: 'fresh', attempt: 1 } : { kind: 'order-id-reused' };

  const prior = await retryStore(() => store.orderAttempt(order.orderId), budget.registriesBy, storeDown);
  if (!prior || prior.orderSha256 !== orderSha256 || fin === undefined || prior.requesterFin !== fin) return { kind: 'replayed' };
  if (prior.attemptRequestId === requestId && prior.status === 'received') return { kind: 'fresh', attempt: prior.attempt };
  switch (prior.status) {
    case 'completed': return { kind: 'executed', prior };
    case 'failed': return { kind: 'retry', prior };
    case 'received':
    case 'authorized': return prior.leaseExpired ? { kind: 'retry', prior } : { kind: 'in-progress', prior };
    default: return { kind: 'replayed' };
  }
}
