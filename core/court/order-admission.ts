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
import type { Admission } from '../audit/audit-types';
import { isDenied, type VerifiedSigner } from '../authz/authz.types';
import { authorizeLookup } from '../authz/lookup.policy';
import type { LookupFactsView } from './ports';
import { nonceKeepUntil, type Court } from './signed-request';

export type AdmissionKind =
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
Promise<{ facts: LookupFactsView; admission: AdmissionKind }> {
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

/**
 * The admission that commits with the authorization's audit records (one round trip to admit and
 * authorize, store migrations/010), when the policy allows the order on this node's cached facts;
 * null otherwise (a follow-up order, a refusal, no cache): then `admitWithFacts` first, with fresh
 * facts. A stale cache, a nonce already seen or an order id taken refuse the admission in the store
 * (isAdmissionRefused) and the order takes that way too, which tells replays and re-sends apart.
 */
export async function cachedAdmission(c: Court, order: LookupOrder, signer: VerifiedSigner, requestId: string, budget: Budget, canonical: Buffer):
Promise<Admission | null> {
  const { store } = c.deps;
  const fin = signer.fin;
  if (!store.cachedLookupFacts || fin === undefined || order.followUpOf !== undefined) return null;
  const facts = await store.cachedLookupFacts(fin, order.caseNumber, order.basis.kind === 'decision' ? order.basis.decisionId : null).catch(() => null);
  if (!facts) return null;
  const verdict = authorizeLookup({
    signer, order, now: c.now(), caseRecord: facts.courtCase, roster: facts.roster, decision: facts.decision, followUp: undefined,
    catalog: c.deps.catalog, limits: c.limits, nonceFresh: true, orderIdFresh: true,
  });
  if (isDenied(verdict)) return null;
  return {
    generation: facts.generation, nonce: order.nonce, nonceExpiresAt: nonceKeepUntil(c, order),
    order: {
      orderId: order.orderId, caseNumber: order.caseNumber, requesterFin: fin, categories: order.categories, requestId,
      orderSha256: orderDigest(order, canonical), leaseUntil: budget.leaseUntil,
    },
  };
}

/** The store refused an admission made with the audit records (cachedAdmission). */
export const isAdmissionRefused = (err: unknown) => HubError.is(err, 'HUB_ERR_ORDER_SUPERSEDED') && err.details?.admission === 'refused';

async function classify(c: Court, order: LookupOrder, fin: string | undefined, requestId: string, budget: Budget, orderSha256: string, nonceFresh: boolean, orderIdFresh: boolean): Promise<AdmissionKind> {
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
