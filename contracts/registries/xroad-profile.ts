/**
 * The EHİS message profile v2 (README.md of this folder, "Binding an answer to its request"): the
 * names and the few computations that both ends must agree on byte for byte. The hub's adapter kit,
 * the mock agencies and the evidence verifier all take them from here, so they cannot drift apart.
 * Pure data and pure functions: no keys, no I/O.
 */
import { hash } from 'node:crypto';
import type { Subject } from '../hub/lookup-types';

/** HTTP headers of the REST profile (X-Road message protocol for REST 1.0 names). */
export const REST_HEADER = {
  client: 'X-Road-Client',
  id: 'X-Road-Id',
  userId: 'X-Road-UserId',
  issue: 'X-Road-Issue',
  signature: 'X-Road-Signature',
  /** Informational copy of the signed request hash (X-Road REST 1.0 §4.4); the hub reads only the signed one. */
  requestHash: 'X-Road-Request-Hash',
} as const;

/**
 * Protected header parameters of the hub's request JWS (X-Road-Signature on a request). `htm` and
 * `htu` are named after RFC 9449 (DPoP) but `htu` here is the request-target in origin form
 * (absolute path and query exactly as on the request line, RFC 9112 §3.2.1), not a full URL.
 */
export const REQUEST_PARAM = {
  method: 'htm',
  target: 'htu',
  client: 'x-road-client',
  id: 'x-road-id',
  userId: 'x-road-userid',
  issue: 'x-road-issue',
  issuedAt: 'iat',
} as const;

/** Protected header parameters of a provider's answer JWS (X-Road-Signature on an answer). */
export const ANSWER_PARAM = {
  /** The X-Road-Id of the request answered. */
  id: 'x-road-id',
  /** restRequestHash() of the request answered. */
  requestHash: 'x-road-request-hash',
  /** subjectClaim() of the subject the answer is about (data or not-found). */
  subject: 'sub',
  /** When the answer was signed, seconds since the epoch (RFC 7519 NumericDate). */
  issuedAt: 'iat',
} as const;

/** Extension members of a REST not-found problem (RFC 7807 §3.2): the subject and the id it answers. */
export const NOT_FOUND_MEMBER = { subject: 'subject', id: 'xRoadId' } as const;

/** How far the hub accepts an answer's time from its own clock, and how old an answer may be. */
export const ANSWER_CLOCK_SKEW_MS = 60_000;
export const ANSWER_MAX_AGE_MS = 300_000;

/** The subject as the `sub` parameter writes it: "fin:5ZK8F3R" or "voen:1401234561". */
export function subjectClaim(subject: Subject): string {
  return 'fin' in subject ? `fin:${subject.fin}` : `voen:${subject.voen}`;
}

/**
 * The REST request hash: SHA-256 over the ASCII bytes of the hub's request JWS in its attached
 * compact form, `h.BASE64URL(body).s` where `h..s` is the X-Road-Signature value sent. That JWS
 * covers method, target, the X-Road headers, the time and the body, and its signature makes the hash
 * unique per message. Base64 (RFC 4648 §4, with padding), like xrd:requestHash.
 * Returns undefined for a value that is not a detached compact JWS.
 */
export function restRequestHash(requestJws: string, body: Buffer): string | undefined {
  const parts = requestJws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !parts[0] || !parts[2]) return undefined;
  return hash('sha256', `${parts[0]}.${body.toString('base64url')}.${parts[2]}`, 'base64');
}

/**
 * SOAP: xrd:requestHash algorithms accepted (X-Road 4.0 §2.4.3 names them by XML Encryption URI).
 * Profile v2 fixes SHA-256, the digest the evidence packet records for the request, so that a
 * third party can check the binding from the packet alone.
 */
export const REQUEST_HASH_ALGORITHMS: Readonly<Record<string, 'sha256'>> = {
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
};
export const DEFAULT_REQUEST_HASH_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** The wsu:Id of xrd:requestHash in an answer, signed like the other echoed headers. */
export const SOAP_REQUEST_HASH_ID = 'xrd-requestHash';

/**
 * SOAP: the digest of the exact request message bytes (the whole envelope as sent), base64.
 * Undefined for an algorithm outside REQUEST_HASH_ALGORITHMS.
 */
export function soapRequestHash(request: Buffer, algorithmId = DEFAULT_REQUEST_HASH_ALGORITHM): string | undefined {
  const alg = REQUEST_HASH_ALGORITHMS[algorithmId];
  return alg ? hash(alg, request, 'base64') : undefined;
}
