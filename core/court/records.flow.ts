/**
 * The smaller court actions, each a signed request checked in the action itself (a gateway
 * route is not the only way in: any node on the bus can call an action and set ctx.meta):
 * - court.evidence: the judge who signed an order fetches its evidence packet again;
 * - court.accessReport (13.3): a person's own signed request → who looked up their data;
 * - court.upsertCase / court.upsertRoster: the case-management system, signed by an operator.
 */
import { HubError } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied } from '../authz/authz.types';
import { authorizeEvidenceAccess } from '../authz/evidence-access.policy';
import { authorizeOperator } from '../authz/operator.policy';
import { authorizeAccessReport } from '../authz/subject.policy';
import { parseAccessReportRequest, parseCaseDocument, parseEvidenceRequest, parseRosterDocument } from './requests.schema';
import { CallCtx, Court, audit, nonceKeepUntil, refuse, verifySigned } from './signed-request';

export async function runEvidenceFetch(c: Court, ctx: CallCtx, body: unknown): Promise<{ orderId: string; evidence: string }> {
  const ev = (outcome: string, orderId?: string, actor?: string, caseNumber?: string): AuditEventInput => ({
    type: 'evidence-issued', outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: caseNumber ?? null, details: orderId ? { orderId, reissue: true } : { reissue: true },
  });
  const { document: r, signer } = await verifySigned(c, body, { key: 'request', parse: parseEvidenceRequest, refusal: (code, d) => [ev(code, d?.orderId)] });
  const { store } = c.deps;
  const [roster, order] = await Promise.all([signer.fin ? store.roster(signer.fin) : Promise.resolve(null), store.order(r.orderId)]);
  const nonceFresh = await store.claimNonce(r.nonce, nonceKeepUntil(c, r));
  const verdict = authorizeEvidenceAccess({ signer, roster, request: r, orderRequesterFin: order?.requesterFin ?? null, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny, r.orderId, signer.fin, order?.caseNumber)], verdict.deny);
  // Only a completed order whose evidence-issued record holds this packet's digest: nothing leaves
  // the hub that the audit chain does not show (README "Faults").
  const evidence = await store.issuedEvidence(r.orderId);
  if (!evidence) throw new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client', message: 'This order has no evidence packet (it was refused or has not completed; a failed order may be sent again)' });
  await audit(c, [ev('reissued', r.orderId, signer.fin, order?.caseNumber)]);
  return { orderId: r.orderId, evidence: evidence.toString('base64') };
}

export async function runAccessReport(c: Court, ctx: CallCtx, body: unknown): Promise<{ subject: unknown; generatedAt: string; accesses: unknown[] }> {
  const ev = (outcome: string, actor?: string, subject?: { fin: string } | { voen: string }): AuditEventInput => ({
    type: 'access-report-issued', outcome, requestId: ctx.requestId, actor: actor ?? null, subject: subject ?? null,
  });
  const { document: r, signer } = await verifySigned(c, body, { key: 'request', parse: parseAccessReportRequest, refusal: (code) => [ev(code)] });
  const nonceFresh = await c.deps.store.claimNonce(r.nonce, nonceKeepUntil(c, r));
  const verdict = authorizeAccessReport({ signer, request: r, now: c.now(), nonceFresh, limits: c.limits });
  // A refused request names nobody in the trail: the signer may not be the subject.
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny)], verdict.deny);
  const accesses = await c.deps.accessReport(r.subject);
  await audit(c, [ev('issued', signer.fin, r.subject)]);
  return { subject: r.subject, generatedAt: c.now().toISOString(), accesses };
}

async function operatorGate<T extends { issuedAt: string; expiresAt: string; nonce: string }>(
  c: Court, ctx: CallCtx, body: unknown, key: string, parse: (v: unknown) => T, type: 'case-updated' | 'roster-updated', caseOf: (d: T) => string | null,
): Promise<{ doc: T; actor: string; ev: (outcome: string, details?: Record<string, unknown>) => AuditEventInput }> {
  const mk = (outcome: string, d?: T, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type, outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: d ? caseOf(d) : null, details,
  });
  const { document: d, signer } = await verifySigned(c, body, { key, parse, refusal: (code, doc) => [mk(code, doc)] });
  const roster = signer.fin ? await c.deps.store.roster(signer.fin) : null;
  const nonceFresh = await c.deps.store.claimNonce(d.nonce, nonceKeepUntil(c, d));
  const verdict = authorizeOperator({ signer, roster, request: d, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [mk(verdict.deny, d, signer.fin)], verdict.deny);
  return { doc: d, actor: signer.fin as string, ev: (outcome, details) => mk(outcome, d, signer.fin, details) };
}

/**
 * What each database rule means for the operator's document (core/store/migrations), so the
 * answer names the field and never the database's own constraint name.
 */
const STORE_RULES: Record<string, string> = {
  cases_court_id_fkey: '/case/courtId must name a court the hub knows',
  cases_judge_fin_fkey: '/case/judgeFin must name a person on the roster',
  parties_case_fin_idx: '/case/parties must not name the same FIN twice',
  parties_case_voen_idx: '/case/parties must not name the same VÖEN twice',
  persons_court_id_fkey: '/persons courtId must name a court the hub knows',
  persons_check: '/persons a judge or staff member needs a courtId',
};

/** Database refusals of operator input (unknown court, unknown judge) are the operator's to fix: 4xx. */
function storeInputError(err: unknown): HubError {
  if (HubError.is(err, 'HUB_ERR_STORE_FAILED') && ['23503', '23514', '23505'].includes(String(err.details?.sqlState))) {
    const rule = STORE_RULES[String(err.details?.constraint)] ?? 'the document conflicts with the court records the hub keeps';
    return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
      origin: 'client', message: 'The document refers to something the hub does not know (court, judge) or breaks a rule of the roster',
      details: { violations: [rule] },
    });
  }
  return HubError.is(err) ? err : new HubError('HUB_ERR_STORE_FAILED');
}

export async function runUpsertCase(c: Court, ctx: CallCtx, body: unknown): Promise<{ number: string; parties: number }> {
  const { doc, ev } = await operatorGate(c, ctx, body, 'case', parseCaseDocument, 'case-updated', (d) => d.case.number);
  await audit(c, [ev('updated', { status: doc.case.status, parties: doc.case.parties.length })]);
  await c.deps.store.upsertCase(doc.case).catch((e) => { throw storeInputError(e); });
  return { number: doc.case.number, parties: doc.case.parties.length };
}

export async function runUpsertRoster(c: Court, ctx: CallCtx, body: unknown): Promise<{ persons: number }> {
  const { doc, ev } = await operatorGate(c, ctx, body, 'roster', parseRosterDocument, 'roster-updated', () => null);
  await audit(c, [ev('updated', { persons: doc.persons.length, deactivated: doc.persons.filter((p) => !p.active).length })]);
  await c.deps.store.upsertPersons(doc.persons).catch((e) => { throw storeInputError(e); });
  return { persons: doc.persons.length };
}
