/**
 * The two signing operations core needs, behind small interfaces so the policies and services
 * can be tested with plain data: verify a person's detached CMS over a document's canonical
 * bytes, and sign as the hub. `cmsVerifier` / `cmsSigner` bind them to signing/cms (CAdES-BES,
 * RFC 5652) and signing/pki (RFC 5280 path validation with revocation).
 */
import type { KeyObject } from 'node:crypto';
import { signDetached, verifyDetached } from '../../signing/cms';
import type { KeyStoreSigner } from '../../signing/keystore';
import type { PathValidator } from '../../signing/pki';
import type { VerifiedSigner } from '../authz/authz.types';

export interface VerifiedDocumentSigner extends VerifiedSigner {
  /** Subject DN of the certificate, for display (verify-evidence). */
  subjectDn: string;
  notAfter: Date;
}

/** Throws SigningError (signing/errors.ts) when the signature, path, revocation or key usage fails. */
export interface SignatureVerifier {
  verify(content: Buffer, signatureDer: Buffer, opts?: { requireKeyUsage?: ('digitalSignature' | 'nonRepudiation')[] }): Promise<VerifiedDocumentSigner>;
}

/** Signs content as the hub: a detached CMS SignedData (DER). */
export interface DocumentSigner {
  sign(content: Buffer): Promise<Buffer>;
}

export function cmsVerifier(validator: PathValidator): SignatureVerifier {
  return {
    async verify(content, signatureDer, opts = {}) {
      const { signer, signingTime } = await verifyDetached(content, signatureDer, validator, { requireKeyUsage: opts.requireKeyUsage });
      return { fin: signer.fin, certSha256: signer.sha256, signingTime, subjectDn: signer.subject, notAfter: signer.notAfter };
    },
  };
}

/** `extraCerts`: the issuing CA(s), embedded so an offline verifier needs only the root. */
export function cmsSigner(signer: { certPem: string; key: KeyObject | KeyStoreSigner }, extraCerts: string[] = []): DocumentSigner {
  return { sign: (content) => signDetached(content, signer, { extraCerts }) };
}
