/**
 * A signed request whose signature fails is refused with a code that says why (docs/security-model.md §3:
 * the signature is valid — path, revocation, nonRepudiation). SigningError reasons come from
 * signing/ (signing/API.md); anything unexpected is a refusal too — never a pass.
 */
import type { HubErrorCode } from '../../contracts/hub';
import { isSigningError, type SigningReason } from '../../signing/errors';

const BY_REASON: Partial<Record<SigningReason, HubErrorCode>> = {
  'cert-expired': 'HUB_ERR_AUTHZ_CERT_EXPIRED',
  'cert-not-yet-valid': 'HUB_ERR_AUTHZ_CERT_EXPIRED',
  'cert-revoked': 'HUB_ERR_AUTHZ_CERT_REVOKED',
  'cert-untrusted': 'HUB_ERR_AUTHZ_CERT_UNTRUSTED',
  // RFC 5280 §4.2.1.3: a qualified signature needs nonRepudiation (contentCommitment).
  'key-usage': 'HUB_ERR_AUTHZ_KEY_USAGE',
  // Fail closed when OCSP and CRL both give no current answer; the caller may retry later.
  'revocation-unknown': 'HUB_ERR_AUTHZ_REVOCATION_UNKNOWN',
  'bad-signature': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  'digest-mismatch': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  'signing-cert-mismatch': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  'algorithm-not-allowed': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  malformed: 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  'missing-element': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  'duplicate-element': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
  'too-large': 'HUB_ERR_AUTHZ_SIGNATURE_INVALID',
};

export function signatureRefusal(err: unknown): HubErrorCode {
  if (isSigningError(err)) return BY_REASON[err.reason] ?? 'HUB_ERR_AUTHZ_SIGNATURE_INVALID';
  // Duck-typed: a SigningError rebuilt on another node (or from another copy of the module).
  const reason = (err as { reason?: unknown } | null)?.reason;
  if ((err as { name?: unknown } | null)?.name === 'SigningError' && typeof reason === 'string') {
    return BY_REASON[reason as SigningReason] ?? 'HUB_ERR_AUTHZ_SIGNATURE_INVALID';
  }
  return 'HUB_ERR_AUTHZ_SIGNATURE_INVALID';
}
