/**
 * Binding an answer to its request (contracts/registries/README.md, "Binding an answer to its
 * request"; X-Road message protocol 4.0 §2.4.3 requestHash, REST 1.0 X-Road-Request-Hash). For an
 * answer that would become a result — data or not-found — both engines check, on what the
 * provider SIGNED and in this order: the message id the hub made for this message; then the id is
 * consumed in the replay cache shared by all nodes (replay-guard.ts: only an authentic answer
 * naming our id gets that far); the digest of the exact request the hub sent; the answer's time
 * (SOAP: the wsu:Timestamp, checked by the verifier; REST: `iat`); then the subject
 * (subject-binding.ts). Error answers stay errors and need none of this.
 */
import { ANSWER_CLOCK_SKEW_MS, ANSWER_MAX_AGE_MS } from '../../contracts/registries/xroad-profile';
import { upstreamError, type UpstreamWhere } from './upstream-errors';

/** How the signed request hash compares with the digest of what the hub sent. */
export type RequestHashCheck = 'match' | 'mismatch' | 'missing';

export function compareHash(signed: unknown, expected: string): RequestHashCheck {
  return signed === undefined ? 'missing' : signed === expected ? 'match' : 'mismatch';
}

/** The signed message id must be the one the hub made for this message. */
export function requireId(signedId: unknown, expectedId: string, where: UpstreamWhere): void {
  if (signedId !== expectedId) {
    throw upstreamError('HUB_ERR_UPSTREAM_NOT_BOUND', where, { reason: signedId === undefined ? 'id-missing' : 'id-mismatch' });
  }
}

/** The signed request hash must be the digest of the request the hub sent. */
export function requireRequestHash(check: RequestHashCheck, where: UpstreamWhere): void {
  if (check !== 'match') throw upstreamError('HUB_ERR_UPSTREAM_NOT_BOUND', where, { reason: `request-hash-${check}` });
}

/**
 * REST `iat` (seconds since the epoch, RFC 7519 NumericDate): not later than now + skew, not older
 * than the maximum age + skew. The same window as the SOAP Timestamp check.
 */
export function requireFresh(iat: unknown, nowMs: number, where: UpstreamWhere): void {
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw upstreamError('HUB_ERR_UPSTREAM_STALE', where, { reason: 'time-missing' });
  const t = iat * 1000;
  if (t > nowMs + ANSWER_CLOCK_SKEW_MS) throw upstreamError('HUB_ERR_UPSTREAM_STALE', where, { reason: 'in-the-future' });
  if (t < nowMs - ANSWER_MAX_AGE_MS - ANSWER_CLOCK_SKEW_MS) throw upstreamError('HUB_ERR_UPSTREAM_STALE', where, { reason: 'too-old' });
}
