/**
 * The algorithm allowlist (docs/conventions.md, XML signature rule 4): anything not listed here is refused before any
 * check runs. No SHA-1 (RFC 6194), no HMAC (a shared key cannot prove who signed), no DSA.
 */
import type { KeyObject } from 'node:crypto';
import { SigningError } from '../errors';

export interface SignatureAlg {
  readonly uri: string;
  readonly hash: 'sha256' | 'sha384' | 'sha512';
  readonly keyType: 'rsa' | 'ec';
}

/** RFC 6931 §2.3 URIs. ECDSA values are r||s (XML-DSig 1.1 §6.4.3, RFC 4050), not DER. */
export const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const RSA_SHA512 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512';
export const ECDSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
export const ECDSA_SHA384 = 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384';

const SIGNATURE_ALGS: ReadonlyMap<string, SignatureAlg> = new Map([
  [RSA_SHA256, { uri: RSA_SHA256, hash: 'sha256', keyType: 'rsa' }],
  [RSA_SHA512, { uri: RSA_SHA512, hash: 'sha512', keyType: 'rsa' }],
  [ECDSA_SHA256, { uri: ECDSA_SHA256, hash: 'sha256', keyType: 'ec' }],
  [ECDSA_SHA384, { uri: ECDSA_SHA384, hash: 'sha384', keyType: 'ec' }],
]);

export const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const DIGEST_ALGS: ReadonlyMap<string, 'sha256' | 'sha384' | 'sha512'> = new Map([
  [SHA256, 'sha256'],
  ['http://www.w3.org/2001/04/xmldsig-more#sha384', 'sha384'],
  ['http://www.w3.org/2001/04/xmlenc#sha512', 'sha512'],
]);

export function signatureAlg(uri: string | undefined): SignatureAlg {
  const alg = uri === undefined ? undefined : SIGNATURE_ALGS.get(uri);
  if (!alg) throw new SigningError('algorithm-not-allowed', `signature method ${uri ?? '(none)'}`);
  return alg;
}

export function digestAlg(uri: string | undefined): 'sha256' | 'sha384' | 'sha512' {
  const h = uri === undefined ? undefined : DIGEST_ALGS.get(uri);
  if (!h) throw new SigningError('algorithm-not-allowed', `digest method ${uri ?? '(none)'}`);
  return h;
}

/** The key must fit the algorithm: an RSA key never verifies an "ecdsa" SignatureMethod. */
export function checkKeyFits(alg: SignatureAlg, key: KeyObject): void {
  const t = key.asymmetricKeyType;
  if ((alg.keyType === 'rsa' && t !== 'rsa') || (alg.keyType === 'ec' && t !== 'ec')) {
    throw new SigningError('algorithm-not-allowed', `${alg.uri} with a ${t ?? 'symmetric'} key`);
  }
}

/** The signature algorithm the hub uses for a key: RSA-SHA256, or ECDSA with the curve's hash. */
export function algForKey(key: KeyObject): SignatureAlg {
  if (key.asymmetricKeyType === 'rsa') return SIGNATURE_ALGS.get(RSA_SHA256)!;
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    return SIGNATURE_ALGS.get(curve === 'secp384r1' ? ECDSA_SHA384 : ECDSA_SHA256)!;
  }
  throw new SigningError('algorithm-not-allowed', `no XML signature algorithm for ${key.asymmetricKeyType} keys`);
}

/** The algorithm of a key held in a store: RSA-SHA256, or ECDSA-SHA256 (P-256, what PKCS#11 raw signing supports here). */
export function algForKeyType(keyType: 'rsa' | 'ec'): SignatureAlg {
  return SIGNATURE_ALGS.get(keyType === 'rsa' ? RSA_SHA256 : ECDSA_SHA256)!;
}
