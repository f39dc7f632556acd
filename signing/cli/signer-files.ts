/**
 * A signer as the CLI commands take it: `--cert` (the signer's certificate, or a PEM bundle whose
 * first certificate is the signer's and the rest its CAs), `--key`, and optional `--chain` files.
 * The issuing CAs are embedded in every signature the CLI makes, so `openssl cms -verify -CAfile
 * root.pem` verifies it alone: from the bundle, the --chain files (CAs and root), and beside the certificate
 * and up to two folders above it, where a PKI made by `court-hub pki init` keeps
 * intermediates.pem and trust-bundle.pem.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import { issuerChain } from '../cms/issuer-chain';
import { pemCertificates } from '../pki/cert-info';
import { certificate, signerFromFiles } from './input-files';

export interface CliSigner {
  certPem: string;
  key: KeyObject;
  /** The issuing CAs to embed (signOptions.extraCerts). */
  extraCerts: string[];
  /** Set when the chain could not be completed up to a root: a line for stderr. */
  warning?: string;
}

const CA_FILES = ['intermediates.pem', 'trust-bundle.pem'];

export async function loadCliSigner(
  readFile: (path: string) => Promise<Buffer>,
  files: { cert: string; key: string; chain?: string[] },
): Promise<CliSigner> {
  const bytes = await readFile(files.cert);
  const [signerDer, ...bundled] = pemCertificates(bytes.toString('utf8'));
  // The key must be the certificate's: a signature by anyone else would only be refused later, by the hub.
  const { certPem, key } = signerFromFiles(files.cert, signerDer ? Buffer.from(signerDer) : bytes, files.key, await readFile(files.key));
  const candidates = bundled.map((d) => new X509Certificate(d).toString());
  for (const f of files.chain ?? []) {
    const ca = await readFile(f);
    certificate(f, ca);
    candidates.push(ca.toString('utf8'));
  }
  let found = issuerChain(certPem, candidates);
  for (let dir = dirname(files.cert), up = 0; !found.complete && up <= 2; dir = dirname(dir), up++) {
    for (const name of CA_FILES) {
      try { candidates.push((await readFile(join(dir, name))).toString('utf8')); } catch { /* not a PKI folder */ }
    }
    found = issuerChain(certPem, candidates);
  }
  return {
    certPem, key, extraCerts: found.chain,
    warning: found.complete ? undefined : `warning: the CA certificates of ${files.cert} up to its root were not found (give them with --chain FILE); the signature embeds ${found.chain.length} of them`,
  };
}
