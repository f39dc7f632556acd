/**
 * Authorization of a judge's lookup order (statute 11.2, 6.1.9, 6.1.10, 12.4; docs/security-model.md §4).
 * A pure function, deny by default: it answers `allow` only after every rule below has passed;
 * the first rule that fails names the refusal. The signature itself (path, revocation,
 * nonRepudiation) was checked before this runs: `signer` is a verified signer.
 */
import type { HubErrorCode, Subject } from '../../contracts/hub';
import type { LookupOrder } from '../orders/order.types';
import {
  ALLOW, CaseView, CategorySource, DecisionView, PolicyDecision, RosterEntry, TimeLimits, VerifiedSigner, deny,
} from './authz.types';
import { checkFresh, checkSigner, checkWindow, first } from './common.rules';

export interface LookupPolicyInput {
  signer: VerifiedSigner;
  order: LookupOrder;
  now: Date;
  /** The case the order names, or null when the hub does not know it. */
  caseRecord: CaseView | null;
  /** The roster entry of the signer's FIN, or null. */
  roster: RosterEntry | null;
  /** The decision the order's basis names (when it names one), or null when unknown. */
  decision: DecisionView | null;
  /** FINs of the judges of the case (the assigned judge, and any earlier ones the store knows). */
  caseJudges?: string[];
  catalog: CategorySource;
  /** True when this request claimed its nonce first (atomically, in the store: across restarts and nodes). */
  nonceFresh: boolean;
  /** True when this request claimed its orderId first. */
  orderIdFresh?: boolean;
  limits: TimeLimits;
}

export function isParty(c: Pick<CaseView, 'parties'>, subject: Subject): boolean {
  return 'fin' in subject
    ? c.parties.some((p) => p.fin !== undefined && p.fin === subject.fin)
    : c.parties.some((p) => p.voen !== undefined && p.voen === subject.voen);
}

export function authorizeLookup(i: LookupPolicyInput): PolicyDecision {
  const { order, signer, caseRecord: c } = i;
  const code = first(
    // 9.1.2: court staff act only through identity verification under a delegation; they never order a lookup.
    () => (i.roster?.role === 'staff' && i.roster.fin === signer.fin ? 'HUB_ERR_AUTHZ_CLERK_CATEGORY' : undefined),
    // 11.2: "by the judge's request" — the signer is a judge, in office (9.2.5), with the bound certificate.
    () => checkSigner(signer, i.roster, 'judge'),
    () => (c ? undefined : 'HUB_ERR_AUTHZ_CASE_UNKNOWN'),
    // 6.1.9: the judge acts in a proceeding they preside over.
    () => (c!.judgeFin !== null && c!.judgeFin === signer.fin ? undefined : 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'),
    () => (c!.status === 'open' ? undefined : 'HUB_ERR_AUTHZ_CASE_CLOSED'),
    // The data is about a participant of this proceeding, nobody else.
    () => (isParty(c!, order.subject) ? undefined : 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'),
    () => checkCategories(i),
    () => checkWindow(order, signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh, i.orderIdFresh),
  );
  return code ? deny(code) : ALLOW;
}

/**
 * 11.1 / 11.2: every category's basis is met. `decision` categories (bank, tax, commercial
 * secret) need a decision of this case, signed by a judge of the case, in legal force now.
 * A decision cited where only a request is needed must still be a real one of this case.
 */
function checkCategories(i: LookupPolicyInput): HubErrorCode | undefined {
  const kind = 'fin' in i.order.subject ? 'fin' : 'voen';
  let needsDecision = false;
  for (const section of i.order.categories) {
    const rule = i.catalog.bySection(section);
    if (!rule) return 'HUB_ERR_VALIDATION_UNKNOWN_CATEGORY';
    if (!rule.subjects.includes(kind)) return 'HUB_ERR_VALIDATION_SUBJECT_KIND';
    if (rule.basis !== 'request') needsDecision = true; // deny by default: any basis but 'request' needs a decision
  }
  const basis = i.order.basis;
  if (needsDecision && basis.kind !== 'decision') return 'HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED';
  if (basis.kind !== 'decision') return undefined;
  const d = i.decision;
  if (!d || d.id !== basis.decisionId) return 'HUB_ERR_AUTHZ_DECISION_UNKNOWN';
  if (d.caseNumber !== i.order.caseNumber) return 'HUB_ERR_AUTHZ_DECISION_OTHER_CASE';
  const judges = i.caseJudges ?? (i.caseRecord?.judgeFin ? [i.caseRecord.judgeFin] : []);
  if (!judges.includes(d.signedBy)) return 'HUB_ERR_AUTHZ_DECISION_SIGNER';
  if (d.legalForceAt === null || d.legalForceAt.getTime() > i.now.getTime()) return 'HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE';
  return undefined;
}
