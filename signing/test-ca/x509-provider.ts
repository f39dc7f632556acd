/**
 * @peculiar/x509 needs reflect-metadata loaded before it and a WebCrypto provider
 * (docs/conventions.md, pkijs and @peculiar/x509): every test-ca module imports x509 through here.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

// The project compiles without the DOM lib: name WebCrypto's types through node:crypto.
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

export { x509, webcrypto };
