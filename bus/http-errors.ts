import type { ServerResponse } from 'node:http';
import { HubError } from '../contracts/hub';

/**
 * Turns anything thrown while serving HTTP into a HubError answer: status from the category,
 * a JSON body with code and a message a person understands, never a stack trace.
 */
export function toHttpError(err: any): HubError {
  if (err instanceof HubError) return err;
  // body-parser (moleculer-web's JSON parser)
  if (err?.type === 'entity.too.large' || err?.status === 413) return new HubError('HUB_ERR_VALIDATION_TOO_LARGE', { origin: 'client' });
  if (err?.type === 'entity.parse.failed') return new HubError('HUB_ERR_VALIDATION_BAD_JSON', { origin: 'client' });
  // moleculer-web
  if (err?.name === 'NotFoundError' || err?.code === 404) return new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client' });
  if (err?.name === 'ValidationError') return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client' });
  if (err?.name === 'ServiceNotFoundError' || err?.name === 'ServiceNotAvailableError') return new HubError('HUB_ERR_BUS_UNAVAILABLE');
  if (err?.name === 'RequestTimeoutError') return new HubError('HUB_ERR_DEADLINE_EXCEEDED');
  return new HubError('HUB_ERR_SYSTEM_INTERNAL');
}

export function sendHubError(res: ServerResponse, err: HubError, requestId?: string): void {
  const body = JSON.stringify({
    error: { code: err.code, category: err.category, message: err.message, details: err.details, requestId },
  });
  if (res.headersSent) { res.end(); return; }
  res.writeHead(err.httpStatus, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
