/**
 * Turns what goes wrong on the wire into catalogued HubErrors (docs/conventions.md §3). Details name the
 * provider, operation and a reason, never a value from the message (no personal data).
 */
import { HubError, type HubErrorCode } from '../../contracts/hub';
import { isSigningError } from '../../signing/errors';

export interface UpstreamWhere {
  provider: string;
  operation: string;
}

export function upstreamError(code: HubErrorCode, where: UpstreamWhere, details: Record<string, unknown> = {}, cause?: unknown): HubError {
  return new HubError(code, { origin: 'provider', details: { provider: where.provider, operation: where.operation, ...details }, cause });
}

/**
 * A SigningError from verifying an answer. Unparseable XML is a bad answer; anything about the
 * signature, certificate, timestamp or structure is an answer that is not authentically signed
 * (docs/security-model.md: such an answer is an error, never data).
 */
export function fromVerifyError(err: unknown, where: UpstreamWhere, o: { verifierParsesBody: boolean }): HubError {
  if (HubError.is(err)) return err;
  if (isSigningError(err)) {
    if (err.reason === 'too-large') return upstreamError('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', where, { reason: 'too-large' }, err);
    // Authentically signed, but outside the time window: its own code, like REST's `iat` check.
    if (err.reason === 'stale') return upstreamError('HUB_ERR_UPSTREAM_STALE', where, { reason: 'timestamp' }, err);
    if (err.reason === 'replay') return upstreamError('HUB_ERR_UPSTREAM_REPLAYED', where, { reason: 'message-id-seen' }, err);
    // SOAP: the verifier parses the answer, so 'malformed' may be the XML itself. REST: the detached
    // JWS verifier never parses the body; a malformed JWS (e.g. an attached payload) is a signature failure.
    if (o.verifierParsesBody && (err.reason === 'malformed' || err.reason === 'doctype')) {
      return upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: `xml-${err.reason}` }, err);
    }
    return upstreamError('HUB_ERR_UPSTREAM_SIGNATURE_INVALID', where, { reason: err.reason }, err);
  }
  return upstreamError('HUB_ERR_UPSTREAM_SIGNATURE_INVALID', where, { reason: 'verifier-failed' }, err);
}

/** Socket-level failures (RFC 9110 gives them no status): the registry could not be reached. */
export function fromNetworkError(err: unknown, where: UpstreamWhere): HubError {
  if (HubError.is(err)) return err;
  const code = (err as { code?: string } | undefined)?.code;
  return upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', where, { reason: typeof code === 'string' ? code : 'network' }, err);
}
