/**
 * court.lookup (statute 11.2, 6.1.9, 6.1.10, 12.4): a judge's signed order → signature →
 * admission (nonce, attempt) → authorization policy → audit → registries (lookups.run) →
 * signed evidence. When the policy allows the order on the facts this node keeps, the admission
 * commits with the audit records instead, if those facts are still current (one round trip to admit
 * and authorize: order-admission.ts cachedAdmission); otherwise the order is admitted first.
 *
 * Fail closed: the authorization and the start of every provider call are committed to the audit
 * chain, with the order's move to `authorized` (or its admission as `authorized`), BEFORE any
 * registry is called; if that append fails, no registry is called. The ends of the calls, the
 * `evidence-issued` record and the order's completion with its evidence packet commit in ONE
 * statement; only then does the data go back. So whatever fails, nothing is handed out that the
 * chain does not show, and nothing the chain shows as issued is missing from the store.
 *
 * An order runs in attempts (README "Faults"): when an attempt fails for a transient reason
 * (the bus lost a node, the database dropped connections, every registry unavailable) the order
 * is `failed` and the very same signed order may be sent again; the new attempt is audited as a
 * retry linked to the first. Deadlines: deadlines.ts.
 */
import { hash } from 'node:crypto';
import type { CategoryOutcome, FanOutSummary, InstitutionOutcome, LookupResult } from '../../contracts/hub';
import { HubError, isHubErrorCode } from '../../contracts/hub';
import type { Admission, AuditEventInput, OrderMove } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { authorizeLookup } from '../authz/lookup.policy';
import { buildPacket } from '../evidence/evidence.packet';
import { detachContent } from '../evidence/cms-attach';
import type { FollowUpView } from '../authz/authz.types';
import { signEvidence } from '../evidence/evidence.sign';
import { parseOrder } from '../orders/order.schema';
import type { LookupOrder } from '../orders/order.types';
import { endAbandonedAttempt } from './attempt-recovery';
import { budgetOf, retryStore, type Budget } from './deadlines';
import { admitWithFacts, cachedAdmission, isAdmissionRefused } from './order-admission';
import { CallCtx, Court, audit, refuse, verifySigned, xroadUserId } from './signed-request';

export interface LookupOutcomeView {
  section: string;
  status: CategoryOutcome['status'];
  provider?: string;
  messageId?: string;
  data?: unknown;
  error?: { code: string; message: string };
  /** Scatter-gather categories (11.2.13, 11.2.17): who was asked, who answered, who is missing. */
  summary?: FanOutSummary;
  institutions?: Pick<InstitutionOutcome, 'institution' | 'name' | 'status' | 'messageId' | 'data' | 'error'>[];
}

export interface CourtLookupResult {
  orderId: string;
  requestId: string;
  caseNumber: string;
  outcomes: LookupOutcomeView[];
  /** The evidence packet: attached CMS SignedData, DER, base64 (core/evidence/evidence.sign.ts). */
  evidence: string;
  /** The order this one followed up (re-asking the institutions that did not answer). */
  followUpOf?: string;
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
  const { store } = c.deps;

  // One round trip to admit and authorize when the policy allows the order on this node's cached
  // facts: the admission commits with the authorization's audit records, if those facts are still
  // current and the nonce and order id new (order-admission.ts cachedAdmission).
  const admission = await cachedAdmission(c, order, signer, requestId, budget, bytes);
  if (admission) {
    try {
      return await execute(c, ctx, { order, orderBytes: bytes, signature, signer, judge: fin as string, attempt: 1, admission, budget, base, received });
    } catch (err) {
      if (!isAdmissionRefused(err)) throw err;
      if (HubError.is(err) && err.details?.factsMoved === true) store.forgetFacts?.();
    }
  }

  // Otherwise one round trip for the facts the policy reads and the atomic single use of the nonce
  // (in the store: holds across restarts and across nodes), then the append.
  const now = c.now();
  const { facts: { roster, courtCase: caseRecord, decision }, admission: adm } = await admitWithFacts(c, order, fin, requestId, budget, bytes);
  // A follow-up order (scatter-gather): the order it follows up, as the store knows it.
  const followUp = order.followUpOf !== undefined
    ? await retryStore(() => followUpView(c, order.followUpOf as string), budget.registriesBy, (err) => HubError.is(err, 'HUB_ERR_STORE_UNAVAILABLE')) : undefined;

  const verdict = authorizeLookup({
    signer, order, now, caseRecord, roster, decision, followUp, catalog: c.deps.catalog, limits: c.limits,
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
  return execute(c, ctx, { order, orderBytes: bytes, signature, signer, judge, attempt, retryOf, budget, base, received });
}

interface Run {
  order: LookupOrder;
  /** The order's canonical bytes, as verified. */
  orderBytes: Buffer;
  signature: Buffer;
  signer: Parameters<typeof buildPacket>[0]['signer'];
  judge: string;
  attempt: number;
  /** Correlation id of the order's first attempt, when this one is a retry. */
  retryOf?: string;
  /** Admitted with the first audit records (cachedAdmission), not before them. */
  admission?: Admission;
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
      ...called.flatMap((s): AuditEventInput[] => callsOf(c, order, s).map((institution) =>
        ({ ...base(order, judge), categories: [s], type: 'provider-call-started', outcome: 'started', details: { orderId, provider: providerOf(s), ...(institution ? { institution } : {}) } }))),
    ], { deadline: budget.registriesBy, ...(r.admission ? { admission: r.admission } : { orders: [move('authorized', true)] }) });
  } catch (err) {
    // Not authorized, nothing started: the judge may send the order again at once. (Admitted with
    // the records, the order was recorded with them or not at all.)
    if (!r.admission) await store.transitionOrder(orderId, ['received'], 'failed', HubError.is(err) ? err.code : 'HUB_ERR_AUDIT_WRITE_FAILED', attempt).catch(() => undefined);
    throw err;
  }

  let result: LookupResult;
  try {
    result = await ctx.call<LookupResult>('lookups.run', {
      subject: order.subject, categories: order.categories, caseNumber: order.caseNumber, requesterId: xroadUserId(judge), deadline: budget.registriesBy,
      ...(order.institutions ? { institutions: order.institutions } : {}),
    }, { timeout: Math.max(1, budget.answerBy - Date.now()) });
  } catch (err) {
    const e = HubError.is(err) ? err : new HubError('HUB_ERR_BUS_UNAVAILABLE');
    await failWith(e.code, called.flatMap((s) => callsOf(c, order, s).map((institution) =>
      ended(s, e.code, { provider: providerOf(s), ...(institution ? { institution } : {}) }))));
    throw e;
  }

  const ends = result.outcomes.filter((o) => called.includes(o.section)).flatMap((o) => endsOf(c, order, o).map((e) => ended(o.section, e.error?.code ?? e.status, {
    status: e.status, provider: o.provider ?? 'unknown', ...(e.institution ? { institution: e.institution } : {}),
    ...(e.messageId ? { messageId: e.messageId } : {}), ...(e.requestHash ? { requestHash: e.requestHash } : {}), ...(e.responseHash ? { responseHash: e.responseHash } : {}),
  })));
  // Nothing was obtained and every failure is transient: the order is not used up (re-send it).
  if (result.outcomes.length > 0 && result.outcomes.every((o) => o.status === 'unavailable')) {
    const code = result.outcomes[0].error?.code;
    const e = code && isHubErrorCode(code) && new HubError(code).category === 'transient' ? new HubError(code) : new HubError('HUB_ERR_UPSTREAM_UNAVAILABLE');
    await failWith(e.code, ends);
    throw e;
  }

  let evidence: Buffer;
  try {
    const packet = buildPacket({ order, orderBytes: r.orderBytes, orderSignature: r.signature, signer: r.signer, requestId, outcomes: result.outcomes, issuedAt: c.now() });
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
      section: o.section, status: o.status, provider: o.provider, ...(o.messageId ? { messageId: o.messageId } : {}),
      ...(o.data !== undefined ? { data: o.data } : {}), ...(o.error ? { error: o.error } : {}),
      ...(o.summary ? { summary: o.summary } : {}),
      ...(o.institutions ? { institutions: o.institutions.map((i) => ({
        institution: i.institution, name: i.name, status: i.status, ...(i.messageId ? { messageId: i.messageId } : {}),
        ...(i.data !== undefined ? { data: i.data } : {}), ...(i.error ? { error: i.error } : {}),
      })) } : {}),
    })),
    ...(order.followUpOf ? { followUpOf: order.followUpOf } : {}),
    evidence: evidence.toString('base64'),
  };
}

function sha256(b: Buffer): string {
  return hash('sha256', b, 'hex');
}

/**
 * The registry calls a category makes: one, or — for a scatter-gather category (11.2.13, 11.2.17)
 * — one per institution asked (the order's list, else the whole directory). Each is audited as a
 * call of its own, started and ended.
 */
function callsOf(c: Court, order: LookupOrder, section: string): (string | undefined)[] {
  const directory = c.deps.catalog.directoryOf?.(section);
  if (!directory) return [undefined];
  return order.institutions?.[section] ?? directory.institutions.map((i) => i.id);
}

type CallEnd = { institution?: string; status: string; error?: { code: string }; messageId?: string; requestHash?: string; responseHash?: string };

/** The end records of a category's calls: per institution when it fanned out. */
function endsOf(c: Court, order: LookupOrder, o: CategoryOutcome): CallEnd[] {
  const calls = callsOf(c, order, o.section);
  if (calls.length === 1 && calls[0] === undefined) return [o];
  const byId = new Map((o.institutions ?? []).map((i) => [i.institution, i]));
  // An institution without an outcome (the whole category failed) ends with the category's error.
  return calls.map((id) => byId.get(id as string) ?? { institution: id, status: o.status, error: o.error });
}

/** What the store knows of the order a follow-up names: its case, state and subject (from its packet). */
async function followUpView(c: Court, orderId: string): Promise<FollowUpView | null> {
  const rec = await c.deps.store.order(orderId);
  if (!rec) return null;
  const packet = rec.status === 'completed' ? await c.deps.store.issuedEvidence(orderId) : null;
  let subject: FollowUpView['subject'] = null;
  if (packet) {
    try {
      subject = (JSON.parse(detachContent(packet).content.toString('utf8')) as { order?: { subject?: FollowUpView['subject'] } }).order?.subject ?? null;
    } catch {
      subject = null;
    }
  }
  return { caseNumber: rec.caseNumber, status: rec.status, subject };
}
