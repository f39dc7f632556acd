/**
 * court.lookup (issue 4; statute 11.2, 6.1.9, 6.1.10, 12.4): a judge's signed order →
 * signature → authorization policy → audit → registries (lookups.run) → signed evidence.
 *
 * Fail closed (DESIGN.md §5): the authorization and the start of every provider call are
 * committed to the audit chain in one batch BEFORE any registry is called; if that append fails,
 * no registry is called. The data goes back to the judge only after the ends of the calls and
 * the evidence are audited too.
 */
import { createHash } from 'node:crypto';
import type { CategoryOutcome, LookupResult } from '../../contracts/hub';
import { HubError } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { authorizeLookup } from '../authz/lookup.policy';
import { buildPacket } from '../evidence/evidence.packet';
import { signEvidence } from '../evidence/evidence.sign';
import { parseOrder } from '../orders/order.schema';
import type { LookupOrder } from '../orders/order.types';
import { CallCtx, Court, audit, nonceKeepUntil, refuse, verifySigned, xroadUserId } from './signed-request';

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

export async function runLookup(c: Court, ctx: CallCtx, body: unknown): Promise<CourtLookupResult> {
  const requestId = ctx.requestId;
  const base = (o?: LookupOrder, actor?: string): Omit<AuditEventInput, 'type' | 'outcome'> => ({
    requestId, actor: actor ?? null, subject: o?.subject ?? null, caseNumber: o?.caseNumber ?? null, categories: o?.categories ?? [],
  });
  const received = (o?: LookupOrder, actor?: string): AuditEventInput => ({ ...base(o, actor), type: 'order-received', outcome: 'received', details: o ? { orderId: o.orderId } : {} });
  const refused = (code: string, o?: LookupOrder, actor?: string): AuditEventInput => ({ ...base(o, actor), type: 'order-refused', outcome: code, details: o ? { orderId: o.orderId } : {} });

  const { document: order, signature, signer } = await verifySigned(c, body, {
    key: 'order',
    parse: parseOrder,
    refusal: (code, o) => [received(o), refused(code, o)],
  });
  const fin = signer.fin;
  const now = c.now();
  const { store } = c.deps;

  const { roster, courtCase: caseRecord, decision } = await store.lookupFacts(
    fin ?? null, order.caseNumber, order.basis.kind === 'decision' ? order.basis.decisionId : null);
  // Atomic single use, in the store: holds across restarts and across nodes (issue 4 item 3).
  // Nonce and order record share one transaction: one commit on the judge's hot path.
  const { nonceFresh, orderIdFresh } = await store.admitOrder(order.nonce, nonceKeepUntil(c, order),
    { orderId: order.orderId, caseNumber: order.caseNumber, requesterFin: fin ?? '-', categories: order.categories, requestId });

  const verdict = authorizeLookup({ signer, order, now, caseRecord, roster, decision, catalog: c.deps.catalog, nonceFresh, orderIdFresh, limits: c.limits });
  if (isDenied(verdict)) {
    if (orderIdFresh) await store.transitionOrder(order.orderId, ['received'], 'refused', verdict.deny);
    return refuse(c, [received(order, fin), refused(verdict.deny, order, fin)], verdict.deny);
  }

  // One batch: authorized + every provider call about to start. No record, no lookup.
  const judge = fin as string;
  const providerOf = (s: string) => ({ provider: (c.deps.catalog.bySection(s) as { provider?: string } | undefined)?.provider ?? 'unknown' });
  try {
    await audit(c, [
      received(order, judge),
      { ...base(order, judge), type: 'order-authorized', outcome: 'authorized', details: { orderId: order.orderId, basis: order.basis.kind, ...(order.basis.kind === 'decision' ? { decisionId: order.basis.decisionId } : {}) } },
      ...order.categories.map((s): AuditEventInput => ({ ...base(order, judge), categories: [s], type: 'provider-call-started', outcome: 'started', details: { orderId: order.orderId, ...providerOf(s) } })),
    ]);
  } catch (err) {
    await store.transitionOrder(order.orderId, ['received'], 'failed', 'HUB_ERR_AUDIT_WRITE_FAILED').catch(() => undefined);
    throw err;
  }
  // The audit record is durable: the registries may be called. The order row's status is
  // bookkeeping (the audit chain is the record): it goes from received to completed or failed.

  let result: LookupResult;
  try {
    result = await ctx.call<LookupResult>('lookups.run', {
      subject: order.subject, categories: order.categories, caseNumber: order.caseNumber,
      requesterId: xroadUserId(judge), deadline: Date.now() + (c.deps.lookupDeadlineMs ?? 5000),
    });
  } catch (err) {
    const code = HubError.is(err) ? err.code : 'HUB_ERR_BUS_UNAVAILABLE';
    await audit(c, order.categories.map((s): AuditEventInput => ({ ...base(order, judge), categories: [s], type: 'provider-call-ended', outcome: code, details: { orderId: order.orderId, ...providerOf(s) } })))
      .finally(() => store.transitionOrder(order.orderId, ['received', 'authorized'], 'failed', code).catch(() => undefined));
    throw HubError.is(err) ? err : new HubError('HUB_ERR_BUS_UNAVAILABLE');
  }

  const packet = buildPacket({ order, orderSignature: signature, signer, requestId, outcomes: result.outcomes, issuedAt: c.now() });
  const evidence = await signEvidence(packet, c.deps.hubSigner);
  // The evidence is stored while the outcome is audited; if the audit fails, the order is marked
  // failed and nothing is handed out.
  const completed = store.completeOrder(order.orderId, evidence).catch(() => false);
  try {
    await audit(c, [
      ...result.outcomes.map((o): AuditEventInput => ({
        ...base(order, judge), categories: [o.section], type: 'provider-call-ended', outcome: o.error?.code ?? o.status,
        details: { orderId: order.orderId, status: o.status, provider: o.provider ?? 'unknown', ...(o.messageId ? { messageId: o.messageId } : {}), ...(o.requestHash ? { requestHash: o.requestHash } : {}), ...(o.responseHash ? { responseHash: o.responseHash } : {}) },
      })),
      { ...base(order, judge), type: 'evidence-issued', outcome: 'issued', details: { orderId: order.orderId, evidenceSha256: sha256(evidence) } },
    ]);
  } catch (err) {
    // The data was fetched but cannot be accounted for: it is not handed out.
    await completed;
    await store.transitionOrder(order.orderId, ['received', 'authorized', 'completed'], 'failed', 'HUB_ERR_AUDIT_WRITE_FAILED').catch(() => undefined);
    throw err;
  }
  if (!(await completed)) throw new HubError('HUB_ERR_STORE_UNAVAILABLE');

  return {
    orderId: order.orderId,
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
