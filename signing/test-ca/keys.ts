/** Throw-away key pairs for the test PKI: RSA-2048 (PKCS#1 v1.5) or ECDSA P-256, both SHA-256. */
import { KeyObject } from 'node:crypto';
import { CryptoKey, CryptoKeyPair, webcrypto } from './x509-provider';

export type KeyType = 'rsa' | 'ec';

export function signingAlgorithm(keyType: KeyType): { name: string; hash: string; modulusLength?: number; publicExponent?: Uint8Array; namedCurve?: string } {
  return keyType === 'rsa'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }
    : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
}

export async function generateKeys(keyType: KeyType): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(signingAlgorithm(keyType) as never, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export function keyType(key: CryptoKey): KeyType {
  return key.algorithm.name === 'ECDSA' ? 'ec' : 'rsa';
}

/** PKCS#8 PEM of a private CryptoKey (what OpenSSL and node:crypto read). */
export function privateKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function keyObject(key: CryptoKey): KeyObject {
  return KeyObject.from(key);
}
