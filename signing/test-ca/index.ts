export { createRootCa, issueIntermediateCa, issueEndEntity, createCrl, randomSerial } from './ca';
export type { Ca, Issued, SubjectNames, EndEntityParams, KeyUsage, RevokedEntry } from './ca';
export { generateKeys, keyObject, privateKeyPem } from './keys';
export type { KeyType } from './keys';
export { initPki, addProviderCertificates } from './init-pki';
export type { InitPkiOptions, PkiPerson, PkiSummary, PkiFiles } from './init-pki';
