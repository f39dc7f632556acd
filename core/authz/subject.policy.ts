/**
 * 13.3: a person may see who looked up their data — on their own signed request. The signer's
 * certificate must name the subject (FIN in the subject serial number); nobody else, not even a
 * judge, gets another person's access report this way.
 */
import type { Subject } from '../../contracts/hub';
import { ALLOW, PolicyDecision, TimeLimits, VerifiedSigner, deny } from './authz.types';
import { checkFresh, checkWindow, first } from './common.rules';

export interface SubjectRequest { subject: Subject; issuedAt: string; expiresAt: string; nonce: string }

export function authorizeAccessReport(i: { signer: VerifiedSigner; request: SubjectRequest; now: Date; nonceFresh: boolean; limits: TimeLimits }): PolicyDecision {
  const code = first(
    () => (i.signer.fin ? undefined : 'HUB_ERR_AUTHZ_CERT_NO_FIN'),
    // A company (VÖEN) is answered only when its representatives' certificates carry the VÖEN;
    // until the PKI profile says how, only a person's own FIN qualifies.
    () => ('fin' in i.request.subject && i.request.subject.fin === i.signer.fin ? undefined : 'HUB_ERR_AUTHZ_NOT_SUBJECT'),
    () => checkWindow(i.request, i.signer, i.now, i.limits),
    () => checkFresh(i.nonceFresh),
  );
  return code ? deny(code) : ALLOW;
}
