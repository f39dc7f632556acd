/**
 * Signature algorithm identifiers → node:crypto verify parameters, with an allowlist:
 * RSA PKCS#1 v1.5 and RSASSA-PSS (RFC 4055), ECDSA (RFC 5758), each with SHA-256/384/512.
 * SHA-1 in any role is refused ('algorithm-not-allowed').
 */
import { createPublicKey, verify as nodeVerify, constants, KeyObject } from 'node:crypto';
import { SigningError } from '../errors';
import { Tlv, children, oid, readTlv, value } from './der';
import { DIGESTS, OID } from './oids';

export type HashName = 'sha256' | 'sha384' | 'sha512';
export interface SigAlg {
  kind: 'rsa' | 'rsa-pss' | 'ecdsa';
  hash: HashName;
  saltLength?: number;
}

const SIMPLE: Record<string, SigAlg> = {
  [OID.sha256WithRSA]: { kind: 'rsa', hash: 'sha256' },
  [OID.sha384WithRSA]: { kind: 'rsa', hash: 'sha384' },
  [OID.sha512WithRSA]: { kind: 'rsa', hash: 'sha512' },
  [OID.ecdsaWithSha256]: { kind: 'ecdsa', hash: 'sha256' },
  [OID.ecdsaWithSha384]: { kind: 'ecdsa', hash: 'sha384' },
  [OID.ecdsaWithSha512]: { kind: 'ecdsa', hash: 'sha512' },
};

function refuse(what: string): never {
  throw new SigningError('algorithm-not-allowed', what);
}

/** Digest AlgorithmIdentifier → hash name (absent or NULL parameters only). */
export function parseDigestAlg(buf: Uint8Array, algId: Tlv): HashName {
  const [o] = children(buf, algId);
  const id = oid(buf, o!);
  const h = DIGESTS[id];
  if (!h) refuse(`digest algorithm ${id}`);
  return h;
}

/**
 * Signature AlgorithmIdentifier → SigAlg. `digestHint` is the CMS digestAlgorithm: with
 * rsaEncryption as signatureAlgorithm (what OpenSSL writes, RFC 3370 §3.2) the hash comes from it.
 */
export function parseSigAlg(buf: Uint8Array, algId: Tlv, digestHint?: HashName): SigAlg {
  const kids = children(buf, algId);
  const id = oid(buf, kids[0]!);
  const simple = SIMPLE[id];
  if (simple) return simple;
  if (id === OID.rsaEncryption) {
    if (!digestHint) refuse('rsaEncryption without a digest algorithm');
    return { kind: 'rsa', hash: digestHint };
  }
  if (id === OID.rsassaPss) return parsePssParams(buf, kids[1]);
  return refuse(`signature algorithm ${id}`);
}

/** RSASSA-PSS-params (RFC 4055 §3.1). The SHA-1 defaults are refused; MGF1 must use the same hash. */
function parsePssParams(buf: Uint8Array, params: Tlv | undefined): SigAlg {
  if (!params || params.tag !== 0x30) refuse('RSASSA-PSS with default (SHA-1) parameters');
  let hash: HashName | undefined;
  let mgfHash: HashName | undefined;
  let saltLength = 20;
  for (const f of children(buf, params)) {
    const inner = readTlv(buf, f.valueStart, f.valueEnd);
    if (f.tag === 0xa0) hash = parseDigestAlg(buf, inner);
    else if (f.tag === 0xa1) {
      const [mgfOid, mgfParams] = children(buf, inner);
      if (oid(buf, mgfOid!) !== OID.mgf1 || !mgfParams) refuse('PSS mask generation function');
      mgfHash = parseDigestAlg(buf, mgfParams);
    } else if (f.tag === 0xa2) saltLength = value(buf, inner).readUIntBE(0, Math.min(6, inner.valueEnd - inner.valueStart));
    else if (f.tag === 0xa3) {
      if (value(buf, inner).readUIntBE(0, 1) !== 1) refuse('PSS trailer field');
    }
  }
  if (!hash || mgfHash !== hash) refuse('RSASSA-PSS hash / MGF1 hash');
  return { kind: 'rsa-pss', hash, saltLength };
}

/** Checks that the key can carry this algorithm (an EC key never verifies an "RSA" signature). */
function keyFits(alg: SigAlg, key: KeyObject): boolean {
  const t = key.asymmetricKeyType;
  if (alg.kind === 'ecdsa') return t === 'ec';
  if (alg.kind === 'rsa') return t === 'rsa';
  return t === 'rsa' || t === 'rsa-pss';
}

/** Verifies `sig` over `data`; false on a wrong signature, throws on a disallowed algorithm. */
export function verifyWith(alg: SigAlg, key: KeyObject, data: Uint8Array, sig: Uint8Array): boolean {
  if (!keyFits(alg, key)) refuse(`${alg.kind} signature with a ${key.asymmetricKeyType} key`);
  try {
    if (alg.kind === 'ecdsa') return nodeVerify(alg.hash, data, { key, dsaEncoding: 'der' }, sig);
    if (alg.kind === 'rsa') return nodeVerify(alg.hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, sig);
    return nodeVerify(alg.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: alg.saltLength }, sig);
  } catch {
    return false; // a malformed signature value is a wrong signature
  }
}

/** SubjectPublicKeyInfo DER → KeyObject. */
export function publicKeyFromSpki(spki: Buffer): KeyObject {
  return createPublicKey({ key: spki, format: 'der', type: 'spki' });
}

/** Signed-object wrapper used by certificates, CRLs and OCSP: SEQUENCE { tbs, algId, BIT STRING }. */
export function verifySignedObject(buf: Uint8Array, tbs: Tlv, algId: Tlv, sigBits: Tlv, key: KeyObject): boolean {
  if (sigBits.tag !== 0x03 || buf[sigBits.valueStart] !== 0) return false;
  const alg = parseSigAlg(buf, algId);
  const data = buf.subarray(tbs.start, tbs.end);
  const sig = buf.subarray(sigBits.valueStart + 1, sigBits.valueEnd);
  return verifyWith(alg, key, data, sig);
}
