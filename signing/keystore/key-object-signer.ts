/** A KeyStoreSigner over a node:crypto private key (the PEM store and tests use it). */
import { KeyObject, constants, sign as nodeSign } from 'node:crypto';
import { SigningError } from '../errors';
import { KeyStoreSigner, SignatureAlgorithm } from './types';

export function defaultAlgorithm(key: KeyObject): SignatureAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'ec':
      return 'ecdsa-sha256';
    case 'rsa':
      return 'rsa-pkcs1-sha256';
    case 'rsa-pss':
      return 'rsa-pss-sha256';
    default:
      throw new SigningError('algorithm-not-allowed', `key type ${key.asymmetricKeyType}`);
  }
}

export function keyObjectSigner(certPem: string, key: KeyObject, algorithm: SignatureAlgorithm = defaultAlgorithm(key)): KeyStoreSigner {
  if (key.type !== 'private') throw new SigningError('key-unavailable', 'a private key is required');
  const signSync = (data: Buffer): Buffer => {
    if (algorithm === 'ecdsa-sha256') return nodeSign('sha256', data, { key, dsaEncoding: 'der' });
    if (algorithm === 'rsa-pss-sha256') return nodeSign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    return nodeSign('sha256', data, { key, padding: constants.RSA_PKCS1_PADDING });
  };
  return { certPem, algorithm, sign: async (data) => signSync(data) };
}
