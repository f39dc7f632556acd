/**
 * Authorization of a clerk's identity check (statute 9.1.2, 6.1.9): the signer is active court
 * staff, the case is known and open, the person is a party of it, and the judge presiding over
 * the case has delegated this check to the signer for a window that includes now. Pure, deny
 * by default.
 */
import {
  ALLOW, CaseView, PolicyDecision, RosterEntry, TimeLimits, VerifiedSigner, deny,
} from '../authz/authz.types';
import { checkFresh, checkSigner, checkWindow, first } from '../authz/common.rules';
import { isParty } from '../authz/lookup.policy';
import type { DelegationView } from '../delegations/delegation.types';
import type { IdentityRequest } from './identity-request';

export interface IdentityPolicyInput {
  signer: VerifiedSigner;
  request: IdentityRequest;
  now: Date;
  caseRecord: CaseView | null;
  roster: RosterEntry | null;
  /** Every delegation of this case naming the signer (revoked and expired ones too). */
  delegations: DelegationView[];
  nonceFresh: boolean;
  limits: TimeLimits;
}

export function authorizeIdentityCheck(i: IdentityPolicyInput): PolicyDecision {
  const { request: r, caseRecord: c, signer } = i;
  const code = first(
    () => checkSigner(signer, i.roster, 'staff'),
    () => (c ? undefined : 'HUB_ERR_AUTHZ_CASE_UNKNOWN'),
    () => (c!.status === 'open' ? undefined : 'HUB_ERR_AUTHZ_CASE_CLOSED'),
    () => (isParty(c!, r.subject) ? undefined : 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'),
    () => checkDelegation(i),
    () => checkWindow(r, signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}

/**
 * The delegation must come from the judge presiding over the case now (a delegation lapses when
 * the case passes to another judge), name the signer, not be revoked, and be in force now.
 */
function checkDelegation(i: IdentityPolicyInput) {
  const judge = i.caseRecord?.judgeFin;
  const mine = i.delegations.filter((d) => d.caseNumber === i.request.caseNumber && d.judgeFin === judge
    && d.revokedAt === null && d.staffFins.includes(i.signer.fin ?? ''));
  if (mine.length === 0) return 'HUB_ERR_AUTHZ_NO_DELEGATION' as const;
  const t = i.now.getTime();
  if (!mine.some((d) => d.validFrom.getTime() <= t && t < d.validUntil.getTime())) return 'HUB_ERR_AUTHZ_DELEGATION_EXPIRED' as const;
  return undefined;
}
