/**
 * Detached CMS SignedData (RFC 5652 §5) with CAdES-BES signed attributes: what a judge's order,
 * a delegation, a decision or an evidence packet is signed with (DESIGN §5; statute 5.5, 12.3).
 * The digest and the signature come from node:crypto or the key store, with SHA-256 always
 * stated (never pkijs' SHA-1 default: docs/conventions.md, pkijs). The structure is written as DER directly
 * (pkijs/asn1js cost milliseconds here; see attributes.ts).
 */
import { hash, KeyObject } from 'node:crypto';
import { SigningError } from '../errors';
import { keyObjectSigner } from '../keystore/key-object-signer';
import { KeyStoreSigner, SignatureAlgorithm } from '../keystore/types';
import { children, root, value } from '../pki/der';
import { NULL, encode, explicit, node, oidDer, seq, tlv } from '../pki/der-writer';
import { pemCertificates, toDer } from '../pki/cert-info';
import { OID } from '../pki/oids';
import { SignerCertParts, buildSignedAttributes, signedAttributesDer } from './attributes';

export interface SignOptions {
  signingTime?: Date;
  /** Further certificates to embed (the issuing CA), PEM. */
  extraCerts?: string[];
}

export interface SignerInput {
  certPem: string;
  key: KeyObject | KeyStoreSigner;
}

const certCache = new Map<string, SignerCertParts>();

/** The signer certificate's parts that the sid and signingCertificateV2 name. */
export function signerCertParts(certPem: string): SignerCertParts {
  let hit = certCache.get(certPem);
  if (hit) return hit;
  const der = toDer(certPem);
  const f = children(der, children(der, root(der))[0]!);
  const i = f[0]?.tag === 0xa0 ? 1 : 0; // [0] version
  const issuer = f[i + 2]!;
  hit = {
    der,
    sha256: hash('sha256', der, 'buffer'),
    issuerDer: Buffer.from(der.subarray(issuer.start, issuer.end)),
    serialValue: Buffer.from(value(der, f[i]!)),
  };
  if (certCache.size >= 100) certCache.clear();
  certCache.set(certPem, hit);
  return hit;
}

const algId = (oid: string, params?: Buffer): Buffer => (params ? seq(oidDer(oid), params) : seq(oidDer(oid)));

function signatureAlgorithm(alg: SignatureAlgorithm): Buffer {
  if (alg === 'ecdsa-sha256') return algId(OID.ecdsaWithSha256); // RFC 5758 §3.2: no parameters
  if (alg === 'rsa-pkcs1-sha256') return algId(OID.sha256WithRSA, NULL); // RFC 4055 §5: NULL
  // RFC 4055 §3.1: SHA-256, MGF1 with SHA-256, salt length 32
  const sha256 = algId(OID.sha256);
  return algId(OID.rsassaPss, seq(explicit(0, sha256), explicit(1, algId(OID.mgf1, sha256)), explicit(2, tlv(0x02, Buffer.from([32])))));
}

export async function signDetached(content: Buffer, signer: SignerInput, opts: SignOptions = {}): Promise<Buffer> {
  const ks: KeyStoreSigner = signer.key instanceof KeyObject ? keyObjectSigner(signer.certPem, signer.key) : signer.key;
  const parts = signerCertParts(signer.certPem);
  const digest = hash('sha256', content, 'buffer');
  const attrs = buildSignedAttributes(digest, opts.signingTime ?? new Date(), parts);
  let signature: Buffer;
  try {
    signature = await ks.sign(signedAttributesDer(attrs));
  } catch (e) {
    throw e instanceof SigningError ? e : new SigningError('key-unavailable', `signing key: ${(e as Error).message}`);
  }
  return assembleSignedData({ certPem: signer.certPem, attrs, signature, algorithm: ks.algorithm, extraCerts: opts.extraCerts });
}

export interface AssembleInput {
  certPem: string;
  /** DER attributes, sorted (buildSignedAttributes). */
  attrs: Buffer[];
  signature: Buffer;
  algorithm: SignatureAlgorithm;
  extraCerts?: string[];
  /** Digest algorithm OID stated in the SignerInfo (default SHA-256; tests state others). */
  digestOid?: string;
}

const certSetCache = new Map<string, Buffer>();
const VERSION_1 = tlv(0x02, Buffer.from([1]));
const DATA_DETACHED = seq(oidDer(OID.data));

/** certificates [0] IMPLICIT CertificateSet (RFC 5652 §5.1), DER-sorted; the same signer embeds the same set every time. */
function certificateSet(parts: SignerCertParts, certPem: string, extraCerts: string[]): Buffer {
  const key = [certPem, ...extraCerts].join('\n');
  let hit = certSetCache.get(key);
  if (hit) return hit;
  const certs = [parts.der, ...extraCerts.flatMap((p) => pemCertificates(p))].sort(Buffer.compare);
  hit = tlv(0xa0, ...certs);
  if (certSetCache.size >= 100) certSetCache.clear();
  certSetCache.set(key, hit);
  return hit;
}

/** ContentInfo(SignedData) around ready signed attributes and signature (RFC 5652 §3, §5.1, §5.3). */
export function assembleSignedData(a: AssembleInput): Buffer {
  const parts = signerCertParts(a.certPem);
  const digestAlg = algId(a.digestOid ?? OID.sha256); // RFC 5754 §2: parameters absent
  // Written in one pass (der-writer.ts encode): the certificates are copied once, not per level.
  const signerInfo = node(0x30,
    VERSION_1, // version 1: sid is IssuerAndSerialNumber
    node(0x30, parts.issuerDer, node(0x02, parts.serialValue)),
    digestAlg,
    node(0xa0, ...a.attrs), // signedAttrs [0] IMPLICIT
    signatureAlgorithm(a.algorithm),
    node(0x04, a.signature),
  );
  const signedData = node(0x30,
    VERSION_1,
    node(0x31, digestAlg),
    DATA_DETACHED, // detached (RFC 5652 §5.2): no eContent
    certificateSet(parts, a.certPem, a.extraCerts ?? []),
    node(0x31, signerInfo),
  );
  return encode(node(0x30, oidDer(OID.signedData), node(0xa0, signedData)));
}
