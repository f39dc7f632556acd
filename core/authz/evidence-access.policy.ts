/**
 * Who may fetch an evidence packet again (court.evidence): the packet holds registry data about
 * a person, so only the judge who signed the order, still in office (9.2.5), on a fresh signed
 * request naming that order.
 */
import { ALLOW, PolicyDecision, RosterEntry, TimeLimits, VerifiedSigner, deny } from './authz.types';
import { Window, checkFresh, checkSigner, checkWindow, first } from './common.rules';

export function authorizeEvidenceAccess(i: {
  signer: VerifiedSigner; roster: RosterEntry | null; request: Window; orderRequesterFin: string | null; now: Date; nonceFresh: boolean; limits: TimeLimits;
}): PolicyDecision {
  const code = first(
    () => checkSigner(i.signer, i.roster, 'judge'),
    () => (i.orderRequesterFin !== null && i.orderRequesterFin === i.signer.fin ? undefined : 'HUB_ERR_AUTHZ_NOT_ORDER_JUDGE'),
    () => checkWindow(i.request, i.signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}
