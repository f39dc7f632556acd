/**
 * Who may review and approve a decision's publication (statute 12.6: "the judge or authorized
 * staff"): the judge assigned to the case or the judge who signed the decision, in office; or
 * court staff of that case under a judge-signed delegation in force (9.1.2). Pure, deny by default.
 */
import type { CaseView, PolicyDecision, RosterEntry, TimeLimits, VerifiedSigner } from '../authz/authz.types';
import { ALLOW, deny } from '../authz/authz.types';
import { checkFresh, checkWindow, first, type Window } from '../authz/common.rules';
import type { DelegationView } from '../delegations/delegation.types';

export interface ReviewerFacts {
  signer: VerifiedSigner;
  roster: RosterEntry | null;
  request: Window;
  caseRecord: CaseView | null;
  decisionSignedBy: string;
  delegations: DelegationView[];
  now: Date;
  nonceFresh: boolean;
  limits: TimeLimits;
}

export function authorizeReviewer(i: ReviewerFacts): PolicyDecision {
  const code = first(
    () => (i.signer.fin ? undefined : 'HUB_ERR_AUTHZ_CERT_NO_FIN'),
    () => (i.roster && i.roster.certSha256 && i.roster.certSha256.toLowerCase() !== i.signer.certSha256.toLowerCase() ? 'HUB_ERR_AUTHZ_CERT_NOT_BOUND' : undefined),
    () => (i.roster && i.roster.fin === i.signer.fin && i.roster.active && (i.roster.role === 'judge' || i.roster.role === 'staff') ? undefined : 'HUB_ERR_PUBLICATION_NOT_REVIEWER'),
    () => (i.caseRecord ? undefined : 'HUB_ERR_AUTHZ_CASE_UNKNOWN'),
    () => checkWindow(i.request, i.signer, i.now, i.limits),
    () => {
      const fin = i.signer.fin as string;
      if (i.roster!.role === 'judge') return fin === i.caseRecord!.judgeFin || fin === i.decisionSignedBy ? undefined : 'HUB_ERR_PUBLICATION_NOT_REVIEWER';
      const t = i.now.getTime();
      const delegated = i.delegations.some((d) => d.caseNumber === i.caseRecord!.number && d.staffFins.includes(fin) && d.revokedAt === null
        && d.validFrom.getTime() <= t && t < d.validUntil.getTime());
      return delegated ? undefined : 'HUB_ERR_PUBLICATION_NOT_REVIEWER';
    },
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}
