import { hash, X509Certificate } from 'node:crypto';
import { SigningError } from '../../signing/errors';
import type { PathValidator } from '../../signing/pki';

/**
 * An agency's trust decision: the certificate must be the one the agencies directory pins for it
 * (SHA-256 of the DER) and chain to the PKI's anchors with revocation checked. The message never
 * chooses its own key.
 */
export function pinnedAgencyTrust(validator: PathValidator, sha256: string) {
  return async (certDer: Buffer | undefined) => {
    if (!certDer) throw new SigningError('cert-untrusted', 'the message carries no certificate');
    if (hash('sha256', new X509Certificate(certDer).raw, 'hex') !== sha256.toLowerCase()) {
      throw new SigningError('cert-untrusted', 'not the certificate pinned for this agency');
    }
    return (await validator.validate(certDer, { requireKeyUsage: ['digitalSignature'] })).publicKey;
  };
}
