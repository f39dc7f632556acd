/**
 * The injected functions the engines need from signing/ (signing/API.md). The service factory wires
 * the real ones (signing/wss, signing/jws) with the hub key and the provider's trust anchors; tests
 * may inject stand-ins. Keeping them injected keeps the engines free of key material and trust policy.
 */
import type { XmlElement } from '../../signing/xml/light-dom';

/** Signs a whole SOAP envelope with WS-Security (signing/wss signEnvelope with the hub key). */
export type SoapSign = (xml: string) => string;

/**
 * The part of a verified answer the SOAP engine reads: only what was signed. signing/wss
 * VerifiedEnvelope is assignable to it, so `(raw) => verifyEnvelope(raw, opts)` is a SoapVerify.
 */
export interface VerifiedSoapAnswer {
  /** The one element inside the signed SOAP Body: the payload or a Fault: what is read is what was signed. */
  body: XmlElement;
  /** Signed X-Road headers; `id` is the echoed message id, `requestHash` the digest of the request answered. */
  headers: { id?: string; requestHash?: { algorithmId: string; value: string } };
}

/**
 * Verifies a raw SOAP answer (signature, certificate against the provider's trust anchor, timestamp,
 * wrapping) and returns what was signed. Throws SigningError (signing/errors.ts) otherwise. It must
 * NOT consume the message id: the kit does, once the answer's signed id is the one sent (answer-binding.ts).
 */
export type SoapVerify = (raw: Buffer) => Promise<VerifiedSoapAnswer>;

/**
 * Detached JWS (RFC 7515 appendix F) over the exact request body bytes, with the profile's request
 * parameters (method, target, X-Road headers, time) in its protected header, for X-Road-Signature.
 */
export type RestSign = (body: Buffer, params: Readonly<Record<string, unknown>>) => string;

/** The verified protected header of an answer's JWS: only signed parameters. */
export interface VerifiedRestAnswer {
  header: Readonly<Record<string, unknown>>;
}

/** Verifies the X-Road-Signature detached JWS over the exact answer body bytes; throws SigningError. */
export type RestVerify = (body: Buffer, jws: string | undefined) => Promise<VerifiedRestAnswer>;
