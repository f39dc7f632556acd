import type { ServerResponse } from 'node:http';
import { HubError } from '../contracts/hub';
import { errorBody } from './http-error-body';
import { clientInputError } from './http-input';

/**
 * Turns anything thrown while serving HTTP into a HubError answer: status from the category,
 * a JSON body with code and a message a person understands, never a stack trace.
 */
export function toHttpError(err: any): HubError {
  if (err instanceof HubError) return err;
  // body-parser's refusals and undecodable URLs: the client's to fix (bus/http-input.ts)
  const input = clientInputError(err);
  if (input) return input;
  // moleculer-web
  if (err?.name === 'NotFoundError' || err?.code === 404) return new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client' });
  if (err?.name === 'ValidationError') return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client' });
  if (err?.name === 'ServiceNotFoundError' || err?.name === 'ServiceNotAvailableError') return new HubError('HUB_ERR_BUS_UNAVAILABLE');
  if (err?.name === 'RequestTimeoutError') return new HubError('HUB_ERR_DEADLINE_EXCEEDED');
  return new HubError('HUB_ERR_SYSTEM_INTERNAL');
}

export function sendHubError(res: ServerResponse, err: HubError, requestId?: string): void {
  const body = JSON.stringify(errorBody(err, requestId));
  if (res.headersSent) { res.end(); return; }
  // RFC 9110 §15.5.6: a 405 names the methods the resource does answer to.
  const allow = err.httpStatus === 405 && Array.isArray(err.details?.allow) ? { Allow: (err.details.allow as string[]).join(', ') } : {};
  res.writeHead(err.httpStatus, { ...allow, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
