/**
 * Rules every signed request shares: who the signer is on the roster, the validity window with
 * bounded clock skew, the single use of its nonce.
 */
import type { HubErrorCode } from '../../contracts/hub';
import type { RosterEntry, RosterRole, TimeLimits, VerifiedSigner } from './authz.types';

/**
 * The signer must be on the roster in `role`, signing with the certificate bound to them (when
 * one is bound), and still in office (9.2.5: access ends when a person leaves).
 */
export function checkSigner(signer: VerifiedSigner, roster: RosterEntry | null, role: RosterRole): HubErrorCode | undefined {
  if (!signer.fin) return 'HUB_ERR_AUTHZ_CERT_NO_FIN';
  if (roster && roster.fin !== signer.fin) return 'HUB_ERR_AUTHZ_CERT_NO_FIN';
  const wrongRole = role === 'judge' ? 'HUB_ERR_AUTHZ_NOT_A_JUDGE' : role === 'staff' ? 'HUB_ERR_AUTHZ_NOT_STAFF' : 'HUB_ERR_AUTHZ_NOT_OPERATOR';
  if (!roster || roster.role !== role) return wrongRole;
  if (roster.certSha256 && roster.certSha256.toLowerCase() !== signer.certSha256.toLowerCase()) return 'HUB_ERR_AUTHZ_CERT_NOT_BOUND';
  if (!roster.active) return role === 'judge' ? 'HUB_ERR_AUTHZ_JUDGE_INACTIVE' : role === 'staff' ? 'HUB_ERR_AUTHZ_STAFF_INACTIVE' : 'HUB_ERR_AUTHZ_NOT_OPERATOR';
  return undefined;
}

export interface Window { issuedAt: string; expiresAt: string }

/**
 * The request is inside its validity window at `now`, with bounded clock skew on both ends, and
 * the window itself is short: a signed order is a one-time instruction, not a standing power.
 */
export function checkWindow(w: Window, signer: VerifiedSigner, now: Date, limits: TimeLimits): HubErrorCode | undefined {
  const issued = Date.parse(w.issuedAt);
  const expires = Date.parse(w.expiresAt);
  const t = now.getTime();
  if (!Number.isFinite(issued) || !Number.isFinite(expires) || expires <= issued || expires - issued > limits.maxLifetimeMs) {
    return 'HUB_ERR_AUTHZ_ORDER_LIFETIME';
  }
  if (issued > t + limits.clockSkewMs || signer.signingTime.getTime() > t + limits.clockSkewMs) return 'HUB_ERR_AUTHZ_ORDER_NOT_YET_VALID';
  if (expires + limits.clockSkewMs <= t) return 'HUB_ERR_AUTHZ_ORDER_EXPIRED';
  return undefined;
}

/** The nonce (and the id the request names) were claimed for the first time by this request. */
export function checkFresh(nonceFresh: boolean, idFresh = true): HubErrorCode | undefined {
  if (!nonceFresh) return 'HUB_ERR_AUTHZ_NONCE_REPLAYED';
  if (!idFresh) return 'HUB_ERR_AUTHZ_ORDER_ID_REUSED';
  return undefined;
}

export function first(...checks: (() => HubErrorCode | undefined)[]): HubErrorCode | undefined {
  for (const c of checks) {
    const code = c();
    if (code) return code;
  }
  return undefined;
}
