/**
 * The case-management system changes cases and the roster only through documents signed by an
 * active operator (statute 9.2.5). Pure, deny by default.
 */
import { ALLOW, PolicyDecision, RosterEntry, TimeLimits, VerifiedSigner, deny } from './authz.types';
import { Window, checkFresh, checkSigner, checkWindow, first } from './common.rules';

export function authorizeOperator(i: { signer: VerifiedSigner; roster: RosterEntry | null; request: Window; now: Date; nonceFresh: boolean; limits: TimeLimits }): PolicyDecision {
  const code = first(
    () => checkSigner(i.signer, i.roster, 'operator'),
    () => checkWindow(i.request, i.signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}
