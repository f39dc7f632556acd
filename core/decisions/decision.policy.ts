/**
 * Who may register a decision and enter it into legal force: only the judge assigned to the case
 * (statute 6.1.22, 12.6: decisions are confirmed with the judge's qualified signature), for the
 * case's own court and parties, addressed only to agencies the directory allows to receive that
 * kind and those actions (7.2.2, 7.2.5). Pure, deny by default, one rule per line.
 */
import type { Agency } from '../../agencies/directory.types';
import { ALLOW, type CaseView, type PolicyDecision, type RosterEntry, type TimeLimits, type VerifiedSigner, deny } from '../authz/authz.types';
import { checkFresh, checkSigner, checkWindow, first } from '../authz/common.rules';
import type { SignedDecision } from '../store/repositories/signed-decisions';
import { partyId, type DecisionDocument, type InForceDocument } from './decision.types';

interface Common { signer: VerifiedSigner; roster: RosterEntry | null; caseRecord: CaseView | null; now: Date; nonceFresh: boolean; limits: TimeLimits }

function caseJudge(i: Common): (() => ReturnType<typeof checkSigner>)[] {
  const c = i.caseRecord;
  return [
    () => checkSigner(i.signer, i.roster, 'judge'),
    () => (c ? undefined : 'HUB_ERR_AUTHZ_CASE_UNKNOWN'),
    () => (c!.judgeFin !== null && c!.judgeFin === i.signer.fin ? undefined : 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'),
  ];
}

export interface DecisionPolicyInput extends Common {
  decision: DecisionDocument;
  /** The directory's entries for the agencies the decision addresses (missing ones are absent). */
  agencies: Agency[];
}

export function authorizeDecision(i: DecisionPolicyInput): PolicyDecision {
  const d = i.decision;
  const c = i.caseRecord;
  const partyIds = new Set(d.parties.map(partyId));
  const code = first(
    ...caseJudge(i),
    () => (c!.status === 'open' ? undefined : 'HUB_ERR_AUTHZ_CASE_CLOSED'),
    () => (d.judgeFin === i.signer.fin && d.courtId === c!.courtId ? undefined : 'HUB_ERR_DECISION_MISMATCH'),
    // The decision names only parties of the case, and each addressee only parties of the decision.
    () => (d.parties.every((p) => c!.parties.some((q) => (p.fin ? q.fin === p.fin : q.voen === p.voen))) ? undefined : 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'),
    () => (d.addressees.every((a) => a.subjects.every((s) => partyIds.has(s))) ? undefined : 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'),
    () => (d.addressees.every((a) => i.agencies.some((g) => g.id === a.agencyId && g.active)) ? undefined : 'HUB_ERR_AGENCY_UNKNOWN'),
    () => (d.addressees.every((a) => {
      const g = i.agencies.find((x) => x.id === a.agencyId)!;
      return g.rules.decisionKinds.includes(d.kind) && a.actions.every((x) => g.rules.actions.includes(x));
    }) ? undefined : 'HUB_ERR_AGENCY_NOT_ALLOWED'),
    () => (Date.parse(d.adoptedAt) <= i.now.getTime() + i.limits.clockSkewMs ? undefined : 'HUB_ERR_DECISION_FORCE_DATE'),
    () => checkWindow(d, i.signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}

export interface InForcePolicyInput extends Common {
  act: InForceDocument;
  decision: SignedDecision | null;
}

export function authorizeInForce(i: InForcePolicyInput): PolicyDecision {
  const { act, decision: d } = i;
  const at = Date.parse(act.legalForceAt);
  const code = first(
    () => (d ? undefined : 'HUB_ERR_DECISION_NOT_FOUND'),
    () => (d!.caseNumber === act.caseNumber ? undefined : 'HUB_ERR_DECISION_MISMATCH'),
    ...caseJudge(i),
    // The act is bound to the signed decision the hub holds, not to an id alone.
    () => (d!.signature !== null && d!.signatureSha256 === act.decisionSignatureSha256 ? undefined : 'HUB_ERR_DECISION_SIGNATURE_MISMATCH'),
    () => (d!.legalForceAt === null ? undefined : 'HUB_ERR_DECISION_ALREADY_IN_FORCE'),
    () => (at >= d!.adoptedAt.getTime() && at <= i.now.getTime() + i.limits.clockSkewMs ? undefined : 'HUB_ERR_DECISION_FORCE_DATE'),
    () => checkWindow(act, i.signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}

/** The enforcement status history of a decision: the judge of its case (6.1.19). */
export function authorizeStatusRead(i: Common & { request: { issuedAt: string; expiresAt: string }; decision: SignedDecision | null }): PolicyDecision {
  const code = first(
    () => (i.decision ? undefined : 'HUB_ERR_DECISION_NOT_FOUND'),
    ...caseJudge(i),
    () => checkWindow(i.request, i.signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}
