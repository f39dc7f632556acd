export { PathValidator } from './path-validator';
export type { TrustConfig, PathValidatorOptions, ValidateOptions, ValidatedCert, CertInput } from './path-validator';
export type { RevocationAnswer, OcspTransport } from './revocation';
export { httpOcspTransport } from './revocation';
export { parseCertificate, pemCertificates, toDer } from './cert-info';
export type { CertInfo, KeyUsageName } from './cert-info';
export { crlToDer } from './crl-store';
export { pinnedTrust, certSha256 } from './pinned-trust';
export { OID } from './oids';
