/**
 * The default key store: a certificate and its private key in PEM files (PKCS#8 or the
 * traditional forms node:crypto reads, optionally passphrase-protected).
 */
import { X509Certificate, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SigningError } from '../errors';
import { keyObjectSigner } from './key-object-signer';
import { KeyStoreSigner, SignatureAlgorithm } from './types';

export interface PemKeyStoreOptions {
  certPath: string;
  keyPath: string;
  passphrase?: string;
  algorithm?: SignatureAlgorithm;
}

export type PemSigner = KeyStoreSigner & { key: KeyObject };

export async function loadPemKeyStore(o: PemKeyStoreOptions): Promise<PemSigner> {
  let certPem: string;
  let key: KeyObject;
  try {
    certPem = await readFile(o.certPath, 'utf8');
    key = createPrivateKey({ key: await readFile(o.keyPath), passphrase: o.passphrase });
  } catch (e) {
    // The message names the failure, never the key material.
    throw new SigningError('key-unavailable', `PEM key store: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // A key that is not the certificate's would produce signatures nobody can verify: refuse at load.
  const certKey = new X509Certificate(certPem).publicKey.export({ format: 'der', type: 'spki' });
  const ownKey = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (!certKey.equals(ownKey)) throw new SigningError('key-unavailable', 'PEM key store: the key does not belong to the certificate');
  return { ...keyObjectSigner(certPem, key, o.algorithm), key };
}
