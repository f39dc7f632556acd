/**
 * What an agency may do through the agency service (statute 7.2.2, 7.2.5; 6.1.19 for the
 * enforcement service), decided on the directory's rules alone. Pure, deny by default.
 */
import type { HubErrorCode } from '../../contracts/hub';
import type { Agency, AgencyMethod } from '../../agencies/directory.types';
import type { SignedDecision } from '../store/repositories/signed-decisions';
import { addresses } from '../store/repositories/signed-decisions';

/** The operation is one the directory lets this agency call. */
export function checkMethod(agency: Agency, method: AgencyMethod): HubErrorCode | undefined {
  if (!agency.active) return 'HUB_ERR_AGENCY_UNKNOWN';
  if (method === 'reportEnforcementStatus' && !agency.rules.enforcement) return 'HUB_ERR_AGENCY_NOT_ENFORCEMENT';
  return agency.rules.methods.includes(method) ? undefined : 'HUB_ERR_AGENCY_METHOD_NOT_ALLOWED';
}

/**
 * An agency sees a decision only once it is in legal force, and only if it is addressed to it (the
 * enforcement service: also every decision to be enforced). An unknown decision and one not
 * addressed get the same refusal, so an agency cannot probe which decisions exist.
 */
export function checkDecisionAccess(agency: Agency, d: SignedDecision | null): HubErrorCode | undefined {
  if (!d || d.legalForceAt === null || d.document === null) return 'HUB_ERR_AGENCY_NOT_ADDRESSED';
  return addresses(d, agency.id, agency.rules.enforcement) ? undefined : 'HUB_ERR_AGENCY_NOT_ADDRESSED';
}
