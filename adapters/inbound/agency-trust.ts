/**
 * Who is calling the agency service: the certificate of a verified agency signature must chain to
 * the PKI (path, revocation, digitalSignature) AND be the one the agencies directory pins for the
 * X-Road client the signed message names. The message never chooses the key: a certificate pinned
 * for no active agency is refused before its key is used at all.
 */
import { hash, type KeyObject } from 'node:crypto';
import type { Agency } from '../../agencies/directory.types';
import { SigningError } from '../../signing/errors';
import type { PathValidator } from '../../signing/pki';

export interface AgencyDirectoryPort {
  /** Active agencies, fresh from the store (the owner may change the directory). */
  activeAgencies(): Promise<Agency[]>;
}

export const sha256Hex = (b: Buffer): string => hash('sha256', b, 'hex');

export function agencyTrust(validator: PathValidator, agencies: Agency[]): (certDer: Buffer | undefined) => Promise<KeyObject> {
  const pins = new Set(agencies.filter((a) => a.active).map((a) => a.certSha256));
  return async (certDer) => {
    if (!certDer) throw new SigningError('cert-untrusted', 'the message carries no certificate');
    if (!pins.has(sha256Hex(certDer))) throw new SigningError('cert-untrusted', 'not a certificate pinned for an agency');
    return (await validator.validate(certDer, { requireKeyUsage: ['digitalSignature'] })).publicKey;
  };
}

/** The agency the signed client names, if the signing certificate is the one pinned for it. */
export function pinnedAgency(agencies: Agency[], memberId: string, certDer: Buffer): Agency | null {
  const a = agencies.find((x) => x.active && x.memberId === memberId);
  return a && a.certSha256 === sha256Hex(certDer) ? a : null;
}
