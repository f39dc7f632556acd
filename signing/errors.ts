/**
 * The one error type of signing/. signing/ is a leaf library (docs/architecture.md, "Parts and processes"): it does not know
 * HubError; adapters and core map `reason` to a catalogued HubError code.
 */
export type SigningReason =
  | 'malformed' | 'bad-signature' | 'digest-mismatch' | 'algorithm-not-allowed'
  | 'cert-expired' | 'cert-not-yet-valid' | 'cert-revoked' | 'cert-untrusted' | 'key-usage'
  | 'revocation-unknown' | 'signing-cert-mismatch' | 'wrapping' | 'replay' | 'stale'
  | 'doctype' | 'too-large' | 'missing-element' | 'duplicate-element' | 'key-unavailable';

export class SigningError extends Error {
  override readonly name = 'SigningError';
  constructor(readonly reason: SigningReason, message?: string) {
    super(message ?? reason);
  }
}

export function isSigningError(err: unknown, reason?: SigningReason): err is SigningError {
  return err instanceof SigningError && (reason === undefined || err.reason === reason);
}
