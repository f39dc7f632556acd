export type { KeyStoreSigner, RawSigner, SignatureAlgorithm } from './types';
export { keyObjectSigner, defaultAlgorithm } from './key-object-signer';
export { loadPemKeyStore } from './pem-key-store';
export type { PemKeyStoreOptions, PemSigner } from './pem-key-store';
export { openPkcs11Signer, generatePkcs11EcKey, ecdsaRawToDer } from './pkcs11-key-store';
export type { Pkcs11Options, Pkcs11Signer } from './pkcs11-key-store';
