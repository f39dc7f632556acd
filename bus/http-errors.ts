import type { ServerResponse } from 'node:http';
import { HubError } from '../contracts/hub';
import { isBase64 } from '../signing/canonical-json';
import { errorBody } from './http-error-body';
import { clientInputError } from './http-input';

/**
 * Turns anything thrown while serving HTTP into a HubError answer: status from the category,
 * a JSON body with code and a message a person understands, never a stack trace.
 */
export function toHttpError(err: any): HubError {
  if (err instanceof HubError) return err;
  const bus = busFailure(err);
  if (bus) return bus;
  // body-parser's refusals and undecodable URLs: the client's to fix (bus/http-input.ts)
  const input = clientInputError(err);
  if (input) return input;
  // moleculer-web
  if (err?.name === 'NotFoundError' || err?.code === 404) return new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client' });
  if (err?.name === 'ValidationError') return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client' });
  return new HubError('HUB_ERR_SYSTEM_INTERNAL');
}

/**
 * Moleculer's own failures of a call on the bus (README "Faults"), as the retryable 503 they
 * are: no node for the action yet (one is starting: "service not found" carries code 404, which
 * must not become a final 404), the node that had the request died or came back as a new
 * process (RequestRejected), the caller's deadline passed on the bus (RequestTimeout; the court
 * answers in time unless its node or NATS failed), or the call was skipped or queued out.
 */
const BUS_FAILURES: Record<string, string> = {
  ServiceNotFoundError: 'no-node', ServiceNotAvailableError: 'no-node', RequestRejectedError: 'node-lost',
  RequestTimeoutError: 'timeout', RequestSkippedError: 'timeout', QueueIsFullError: 'overloaded',
};

export function busFailure(err: any): HubError | undefined {
  const reason = typeof err?.name === 'string' ? BUS_FAILURES[err.name] : undefined;
  return reason ? new HubError('HUB_ERR_BUS_UNAVAILABLE', { details: { reason } }) : undefined;
}

/** Seconds a client should wait before sending a request answered with a retryable error again. */
function retryAfterSeconds(err: HubError): number {
  const ms = Number(err.details?.retryAfterMs);
  return Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 1;
}

export function sendHubError(res: ServerResponse, err: HubError, requestId?: string): void {
  const body = JSON.stringify(errorBody(err, requestId));
  if (res.headersSent) { res.end(); return; }
  // RFC 9110 §15.5.6: a 405 names the methods the resource does answer to.
  const allow = err.httpStatus === 405 && Array.isArray(err.details?.allow) ? { Allow: (err.details.allow as string[]).join(', ') } : {};
  res.writeHead(err.httpStatus, {
    ...allow, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body),
    ...(err.retryable ? { 'Retry-After': String(retryAfterSeconds(err)) } : {}),
  });
  res.end(body);
}

/**
 * `base64Member`: a top-level member holding base64 text (a lookup's evidence packet, 20 kB),
 * written into the body as it is, last, instead of JSON.stringify scanning it for characters to
 * escape and the whole text then being encoded to UTF-8 again: a third of the answer's cost. Any
 * other value of that member goes through JSON.stringify like the rest.
 */
export function sendJson(res: ServerResponse, status: number, value: unknown, base64Member?: string): void {
  // Encoded once: its length is the Content-Length.
  const body = jsonBody(value, base64Member);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

export function jsonBody(value: unknown, base64Member?: string): Buffer {
  const tail = base64Member && value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[base64Member] : undefined;
  if (typeof tail !== 'string' || !isBase64(tail)) return Buffer.from(JSON.stringify(value), 'utf8');
  const head = JSON.stringify({ ...(value as Record<string, unknown>), [base64Member as string]: undefined });
  return Buffer.concat([
    Buffer.from(`${head.slice(0, -1)}${head === '{}' ? '' : ','}${JSON.stringify(base64Member)}:"`, 'utf8'),
    Buffer.from(tail, 'latin1'),
    Buffer.from('"}', 'latin1'),
  ]);
}
