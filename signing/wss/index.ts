export { signEnvelope } from './sign-envelope';
export type { SignEnvelopeOptions, WssSigner } from './sign-envelope';
export { verifyEnvelope } from './verify-envelope';
export type { TrustCallback, VerifiedEnvelope, VerifyEnvelopeOptions } from './verify-envelope';
export type { XroadHeaders, XroadIdentifier } from './read-headers';
export { MemoryReplayCache } from './replay-cache';
export type { ReplayCache } from './replay-cache';
export { NS, XROAD_HEADERS, XROAD_REQUEST_HASH } from './wss-names';
export { RSA_SHA256, RSA_SHA512, ECDSA_SHA256, ECDSA_SHA384 } from './algorithms';
