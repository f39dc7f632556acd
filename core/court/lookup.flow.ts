/**
 * court.lookup (statute 11.2, 6.1.9, 6.1.10, 12.4): a judge's signed order → signature →
 * admission (nonce, attempt) → authorization policy → audit → registries (lookups.run) →
 * signed evidence.
 *
 * Fail closed: the authorization and the start of every provider call are
 * committed to the audit chain, with the order's move to `authorized`, BEFORE any registry is
 * called; if that append fails, no registry is called. The ends of the calls, the
 * `evidence-issued` record and the order's completion with its evidence packet commit in ONE
 * statement; only then does the data go back. So whatever fails, nothing is handed out that the
 * chain does not show, and nothing the chain shows as issued is missing from the store.
 *
 * An order runs in attempts (README "Faults"): when an attempt fails for a transient reason
 * (the bus lost a node, the database dropped connections, every registry unavailable) the order
 * is `failed` and the very same signed order may be sent again; the new attempt is audited as a
 * retry linked to the first. Deadlines: deadlines.ts.
 */
import { createHash } from 'node:crypto';
import type { CategoryOutcome, LookupResult } from '../../contracts/hub';
import { HubError, isHubErrorCode } from '../../contracts/hub';
import type { AuditEventInput, OrderMove } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { authorizeLookup } from '../authz/lookup.policy';
import { buildPacket } from '../evidence/evidence.packet';
import { signEvidence } from '../evidence/evidence.sign';
import { parseOrder } from '../orders/order.schema';
import type { LookupOrder } from '../orders/order.types';
import { endAbandonedAttempt } from './attempt-recovery';
import { budgetOf, type Budget } from './deadlines';
import { admitWithFacts } from './order-admission';
import { CallCtx, Court, audit, refuse, verifySigned, xroadUserId } from './signed-request';

export interface LookupOutcomeView {
  section: string;
  status: CategoryOutcome['status'];
  provider?: string;
  messageId?: string;
  data?: unknown;
  error?: { code: string; message: string };
}

export interface CourtLookupResult {
  orderId: string;
  requestId: string;
  caseNumber: string;
  outcomes: LookupOutcomeView[];
  /** The evidence packet: attached CMS SignedData, DER, base64 (core/evidence/evidence.sign.ts). */
  evidence: string;
}

/** Where a judge fetches the evidence of an executed order (a separate signed request). */
export const evidencePath = (orderId: string) => `/api/v1/lookups/${orderId}/evidence`;

export async function runLookup(c: Court, ctx: CallCtx, body: unknown): Promise<CourtLookupResult> {
  const requestId = ctx.requestId;
  const budget = budgetOf(c, ctx.timeoutMs);
  const base = (o?: LookupOrder, actor?: string): Omit<AuditEventInput, 'type' | 'outcome'> => ({
    requestId, actor: actor ?? null, subject: o?.subject ?? null, caseNumber: o?.caseNumber ?? null, categories: o?.categories ?? [],
  });
  const received = (o?: LookupOrder, actor?: string, more: Record<string, unknown> = {}): AuditEventInput =>
    ({ ...base(o, actor), type: 'order-received', outcome: 'received', details: o ? { orderId: o.orderId, ...more } : {} });
  const refused = (code: string, o?: LookupOrder, actor?: string, more: Record<string, unknown> = {}): AuditEventInput =>
    ({ ...base(o, actor), type: 'order-refused', outcome: code, details: o ? { orderId: o.orderId, ...more } : {} });

  const { document: order, signature, signer, bytes } = await verifySigned(c, body, {
    key: 'order',
    parse: parseOrder,
    refusal: (code, o) => [received(o), refused(code, o)],
  });
  const fin = signer.fin;
  const now = c.now();
  const { store } = c.deps;

  // One round trip: the facts the policy reads, and the atomic single use of the nonce (in the
  // store: holds across restarts and across nodes).
  const { facts: { roster, courtCase: caseRecord, decision }, admission: adm } = await admitWithFacts(c, order, fin, requestId, budget, bytes);

  const verdict = authorizeLookup({
    signer, order, now, caseRecord, roster, decision, catalog: c.deps.catalog, limits: c.limits,
    nonceFresh: adm.kind !== 'replayed', orderIdFresh: adm.kind !== 'order-id-reused',
  });
  if (isDenied(verdict)) {
    if (adm.kind === 'fresh') await store.transitionOrder(order.orderId, ['received'], 'refused', verdict.deny, adm.attempt).catch(() => undefined);
    return refuse(c, [received(order, fin), refused(verdict.deny, order, fin)], verdict.deny);
  }
  if (adm.kind === 'executed') {
    const more = { executed: true, evidence: evidencePath(order.orderId) };
    return refuse(c, [received(order, fin), refused('HUB_ERR_AUTHZ_NONCE_REPLAYED', order, fin, { executed: true })], 'HUB_ERR_AUTHZ_NONCE_REPLAYED',
      { orderId: order.orderId, ...more },
      'This order was already executed; fetch its evidence packet with a signed request: GET /api/v1/lookups/{orderId}/evidence');
  }
  if (adm.kind === 'in-progress') {
    return refuse(c, [received(order, fin), refused('HUB_ERR_ORDER_IN_PROGRESS', order, fin)], 'HUB_ERR_ORDER_IN_PROGRESS',
      { orderId: order.orderId, retryAfterMs: Math.max(1000, adm.prior.leaseLeftMs) });
  }

  const judge = fin as string;
  let attempt = adm.kind === 'fresh' ? adm.attempt : 0;
  let retryOf: string | undefined;
  if (adm.kind === 'retry') {
    const prior = adm.prior;
    // An abandoned attempt is ended first (its open calls interrupted), so it cannot complete later.
    if (prior.status !== 'failed') await endAbandonedAttempt(store, c.deps.audit, prior, budget.registriesBy);
    const next = await store.retryOrder(order.orderId, prior.attempt, requestId, budget.leaseUntil);
    if (next === null) {
      const left = (await store.orderAttempt(order.orderId))?.leaseLeftMs ?? 0;
      return refuse(c, [received(order, fin), refused('HUB_ERR_ORDER_IN_PROGRESS', order, fin)], 'HUB_ERR_ORDER_IN_PROGRESS',
        { orderId: order.orderId, retryAfterMs: Math.max(1000, left) });
    }
    attempt = next;
    retryOf = prior.requestId ?? undefined;
  }
  return execute(c, ctx, { order, signature, signer, judge, attempt, retryOf, budget, base, received });
}

interface Run {
  order: LookupOrder;
  signature: Buffer;
  signer: Parameters<typeof buildPacket>[0]['signer'];
  judge: string;
  attempt: number;
  /** Correlation id of the order's first attempt, when this one is a retry. */
  retryOf?: string;
  budget: Budget;
  base(o?: LookupOrder, actor?: string): Omit<AuditEventInput, 'type' | 'outcome'>;
  received(o?: LookupOrder, actor?: string, more?: Record<string, unknown>): AuditEventInput;
}

/** The authorized attempt: audit the starts, call the registries, audit the ends with the completion. */
async function execute(c: Court, ctx: CallCtx, r: Run): Promise<CourtLookupResult> {
  const { order, judge, attempt, budget, base } = r;
  const { store } = c.deps;
  const requestId = ctx.requestId;
  const orderId = order.orderId;
  const providerOf = (s: string) => (c.deps.catalog.bySection(s) as { provider?: string } | undefined)?.provider ?? 'unknown';
  const move = (to: OrderMove['to'], strict: boolean, extra: Partial<OrderMove> = {}): OrderMove =>
    ({ orderId, attempt, from: to === 'authorized' ? ['received'] : ['authorized'], to, strict, ...extra });
  const ended = (section: string, outcome: string, details: Record<string, unknown>): AuditEventInput =>
    ({ ...base(order, judge), categories: [section], type: 'provider-call-ended', outcome, details: { orderId, ...details } });
  const failWith = async (code: string, ends: AuditEventInput[]): Promise<void> => {
    // The calls happened: their ends are written even if the order has moved on meanwhile.
    await audit(c, ends, { deadline: budget.answerBy, orders: [move('failed', false, { code })] }).catch(() => undefined);
  };

  const called = order.categories.filter((s) => c.deps.catalog.connected(s));
  // One batch: received + authorized + every provider call about to start, with the move to
  // `authorized` of this attempt. No record, no lookup.
  try {
    await audit(c, [
      r.received(order, judge, attempt > 1 ? { attempt, ...(r.retryOf ? { retryOf: r.retryOf } : {}) } : {}),
      { ...base(order, judge), type: 'order-authorized', outcome: 'authorized', details: { orderId, basis: order.basis.kind, ...(order.basis.kind === 'decision' ? { decisionId: order.basis.decisionId } : {}) } },
      // Only entries an adapter serves are called (registry/catalog.ts connected): no call starts for the others.
      ...called.map((s): AuditEventInput => ({ ...base(order, judge), categories: [s], type: 'provider-call-started', outcome: 'started', details: { orderId, provider: providerOf(s) } })),
    ], { deadline: budget.registriesBy, orders: [move('authorized', true)] });
  } catch (err) {
    // Not authorized, nothing started: the judge may send the order again at once.
    await store.transitionOrder(orderId, ['received'], 'failed', HubError.is(err) ? err.code : 'HUB_ERR_AUDIT_WRITE_FAILED', attempt).catch(() => undefined);
    throw err;
  }

  let result: LookupResult;
  try {
    result = await ctx.call<LookupResult>('lookups.run', {
      subject: order.subject, categories: order.categories, caseNumber: order.caseNumber, requesterId: xroadUserId(judge), deadline: budget.registriesBy,
    }, { timeout: Math.max(1, budget.answerBy - Date.now()) });
  } catch (err) {
    const e = HubError.is(err) ? err : new HubError('HUB_ERR_BUS_UNAVAILABLE');
    await failWith(e.code, called.map((s) => ended(s, e.code, { provider: providerOf(s) })));
    throw e;
  }

  const ends = result.outcomes.filter((o) => called.includes(o.section)).map((o) => ended(o.section, o.error?.code ?? o.status, {
    status: o.status, provider: o.provider ?? 'unknown', ...(o.messageId ? { messageId: o.messageId } : {}),
    ...(o.requestHash ? { requestHash: o.requestHash } : {}), ...(o.responseHash ? { responseHash: o.responseHash } : {}),
  }));
  // Nothing was obtained and every failure is transient: the order is not used up (re-send it).
  if (result.outcomes.length > 0 && result.outcomes.every((o) => o.status === 'unavailable')) {
    const code = result.outcomes[0].error?.code;
    const e = code && isHubErrorCode(code) && new HubError(code).category === 'transient' ? new HubError(code) : new HubError('HUB_ERR_UPSTREAM_UNAVAILABLE');
    await failWith(e.code, ends);
    throw e;
  }

  let evidence: Buffer;
  try {
    const packet = buildPacket({ order, orderSignature: r.signature, signer: r.signer, requestId, outcomes: result.outcomes, issuedAt: c.now() });
    evidence = await signEvidence(packet, c.deps.hubSigner);
  } catch (err) {
    await failWith('HUB_ERR_SYSTEM_INTERNAL', ends);
    throw err;
  }
  try {
    await audit(c, [...ends, { ...base(order, judge), type: 'evidence-issued', outcome: 'issued', details: { orderId, evidenceSha256: sha256(evidence) } }],
      { deadline: budget.answerBy, orders: [move('completed', true, { packet: evidence })] });
  } catch (err) {
    // Another attempt took the order over: this one's calls still ended, but nothing is issued.
    if (HubError.is(err, 'HUB_ERR_ORDER_SUPERSEDED')) await audit(c, ends, { deadline: budget.answerBy }).catch(() => undefined);
    throw err;
  }

  return {
    orderId,
    requestId,
    caseNumber: order.caseNumber,
    outcomes: result.outcomes.map((o) => ({
      section: o.section, status: o.status, provider: o.provider, messageId: o.messageId,
      ...(o.data !== undefined ? { data: o.data } : {}), ...(o.error ? { error: o.error } : {}),
    })),
    evidence: evidence.toString('base64'),
  };
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}
