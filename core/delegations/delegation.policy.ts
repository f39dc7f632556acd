/**
 * Who may delegate (9.1.2): the active judge assigned to the open case, for staff members who
 * are on the roster, active, and of the case's court; the delegation's own window is sane.
 * Pure, deny by default.
 */
import {
  ALLOW, CaseView, PolicyDecision, RosterEntry, TimeLimits, VerifiedSigner, deny,
} from '../authz/authz.types';
import { checkFresh, checkSigner, checkWindow, first } from '../authz/common.rules';
import { DelegationDocument, MAX_DELEGATION_MS } from './delegation.types';

export interface DelegationPolicyInput {
  signer: VerifiedSigner;
  delegation: DelegationDocument;
  now: Date;
  caseRecord: CaseView | null;
  roster: RosterEntry | null;
  /** Roster entries of the named staff FINs (missing ones are absent). */
  staff: RosterEntry[];
  nonceFresh: boolean;
  idFresh?: boolean;
  limits: TimeLimits;
}

export function authorizeDelegation(i: DelegationPolicyInput): PolicyDecision {
  const { delegation: d, caseRecord: c, signer } = i;
  const code = first(
    () => checkSigner(signer, i.roster, 'judge'),
    () => (c ? undefined : 'HUB_ERR_AUTHZ_CASE_UNKNOWN'),
    () => (c!.judgeFin !== null && c!.judgeFin === signer.fin ? undefined : 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'),
    () => (c!.status === 'open' ? undefined : 'HUB_ERR_AUTHZ_CASE_CLOSED'),
    // Every delegate is active court staff of this case's court.
    () => (d.staffFins.every((fin) => i.staff.some((s) => s.fin === fin && s.role === 'staff' && s.courtId === c!.courtId))
      ? undefined : 'HUB_ERR_AUTHZ_NOT_STAFF'),
    () => (d.staffFins.every((fin) => i.staff.some((s) => s.fin === fin && s.active)) ? undefined : 'HUB_ERR_AUTHZ_STAFF_INACTIVE'),
    () => {
      const from = Date.parse(d.validFrom);
      const until = Date.parse(d.validUntil);
      if (!(until > from) || until - from > MAX_DELEGATION_MS) return 'HUB_ERR_AUTHZ_ORDER_LIFETIME';
      if (until <= i.now.getTime()) return 'HUB_ERR_AUTHZ_DELEGATION_EXPIRED';
      return undefined;
    },
    () => checkWindow(d, signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh, i.idFresh),
  );
  return code ? deny(code) : ALLOW;
}
