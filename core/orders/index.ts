export * from './order.types';
export { ORDER_SCHEMA, parseOrder } from './order.schema';
export { canonicalBytes } from './order.canonical';
export { parseSignedEnvelope, envelopeToWire } from './signed-envelope';
export { createOrder, newNonce, subjectFromId, DEFAULT_ORDER_TTL_MS } from './order.factory';
export { checker, ajv, CASE_NUMBER, FIN, NONCE, ID } from './schema-check';
export { cmsSigner, cmsVerifier, type DocumentSigner, type SignatureVerifier, type VerifiedDocumentSigner } from './signature.port';
