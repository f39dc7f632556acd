/**
 * A trust decision for a signer that must be ONE known certificate (a registry answering the hub:
 * the provider certificate pinned for it), not merely any certificate under the anchors: the
 * certificate a message carries is accepted only when its SHA-256 equals the pin, and then its
 * path to a trust anchor, validity at `at`, key usage and revocation are checked as for anyone.
 * The message never chooses the key: the key returned is the validated certificate's.
 */
import { hash, type KeyObject } from 'node:crypto';
import { SigningError } from '../errors';
import { toDer } from './cert-info';
import type { CertInput, PathValidator } from './path-validator';

export function certSha256(cert: CertInput): string {
  return hash('sha256', toDer(cert), 'hex');
}

export function pinnedTrust(validator: PathValidator, pinned: CertInput, opts: { at?: Date; what?: string } = {}): (certDer: Buffer | undefined) => Promise<KeyObject> {
  const pin = certSha256(pinned);
  return async (certDer) => {
    if (!certDer) throw new SigningError('cert-untrusted', 'the message carries no certificate');
    if (certSha256(certDer) !== pin) throw new SigningError('cert-untrusted', `not the certificate pinned for ${opts.what ?? 'this signer'}`);
    const v = await validator.validate(certDer, { at: opts.at, requireKeyUsage: ['digitalSignature'] });
    return v.publicKey;
  };
}
