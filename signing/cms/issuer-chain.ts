/**
 * The CA certificates between a signer and its root, to embed in a SignedData (RFC 5652 §5.1
 * `certificates`) so a verifier holding only the root builds the path, as
 * `openssl cms -verify -CAfile root.pem` must (it does not take intermediates from -certfile).
 * The self-signed root itself is left out: the verifier must hold it already.
 */
import { X509Certificate } from 'node:crypto';
import { pemCertificates } from '../pki/cert-info';

export interface IssuerChain {
  /** PEM, the signer's issuer first. */
  chain: string[];
  /** The walk reached a self-signed certificate among the candidates. */
  complete: boolean;
}

/** Walks issuer by issuer through `candidates` (PEM texts, bundles allowed), each link checked by its signature. */
export function issuerChain(signerPem: string, candidates: string[]): IssuerChain {
  const pool = candidates.flatMap((t) => pemCertificates(t)).map((der) => new X509Certificate(der));
  const chain: string[] = [];
  let cert = new X509Certificate(signerPem);
  for (let depth = 0; depth < 8; depth++) {
    if (cert.checkIssued(cert) && cert.verify(cert.publicKey)) return { chain, complete: true };
    const issuer = pool.find((c) => c.ca && cert.checkIssued(c) && cert.verify(c.publicKey));
    if (!issuer) return { chain, complete: false };
    if (issuer.checkIssued(issuer) && issuer.verify(issuer.publicKey)) return { chain, complete: true };
    chain.push(issuer.toString()); // PEM
    cert = issuer;
  }
  return { chain, complete: false };
}
