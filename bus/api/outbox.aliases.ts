/**
 * Gateway aliases of the operator's outbox view (contracts/hub/openapi.yaml, "ops"): the dead
 * letters of the agencies' push and sending one again. Like every court route the request is a
 * signed document checked in the action (an active operator's qualified signature); on GET it
 * travels in the X-Signed-Request header (base64 of the JSON wire form).
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from '../../contracts/hub';
import { sendHubError, sendJson, toHttpError } from '../http-errors';
import { BODY_LIMITS, jsonShape } from '../http-input';
import { SIGNED_REQUEST_HEADER } from './court.aliases';

type Req = IncomingMessage & { body?: unknown; $ctx?: { requestID?: string; call(action: string, params: unknown, opts?: { timeout?: number }): Promise<unknown> } };
type Self = { broker: { call(action: string, params: unknown, opts?: { timeout?: number }): Promise<unknown> } };

function bad(message: string, rule: string): HubError {
  return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', message, details: { violations: [rule] } });
}

function signedHeader(req: Req): unknown {
  const header = req.headers[SIGNED_REQUEST_HEADER];
  if (typeof header !== 'string' || header.length === 0) throw bad('Sign an operator request and send it in the X-Signed-Request header', 'header X-Signed-Request is required');
  if (header.length > 96 * 1024) throw new HubError('HUB_ERR_VALIDATION_TOO_LARGE', { origin: 'client' });
  const bytes = Buffer.from(header, 'base64');
  if (!isUtf8(bytes) || jsonShape(bytes, BODY_LIMITS)) throw bad('The X-Signed-Request header must be base64 of the signed request JSON', 'header X-Signed-Request is not UTF-8 JSON within the body limits');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('The X-Signed-Request header must be base64 of the signed request JSON', 'header X-Signed-Request is not base64 JSON');
  }
}

export function outboxAliases(opts: { timeoutMs?: number } = {}) {
  const o = opts.timeoutMs ? { timeout: opts.timeoutMs } : undefined;
  const call = (self: Self, req: Req, action: string, params: unknown) => (req.$ctx ? req.$ctx.call(action, params, o) : self.broker.call(action, params, o));
  const fail = (req: Req, res: ServerResponse, err: unknown) => sendHubError(res, toHttpError(err), req.$ctx?.requestID);
  return {
    'GET /api/v1/ops/outbox/dead-letter'(this: Self, req: Req, res: ServerResponse) {
      let body: unknown;
      try { body = signedHeader(req); } catch (err) { fail(req, res, err); return; }
      call(this, req, 'outboxOps.deadLetter', body).then((r) => sendJson(res, 200, r)).catch((err) => fail(req, res, err));
    },
    'POST /api/v1/ops/outbox/dead-letter/requeue'(this: Self, req: Req, res: ServerResponse) {
      call(this, req, 'outboxOps.requeue', req.body ?? {}).then((r) => sendJson(res, 200, r)).catch((err) => fail(req, res, err));
    },
  };
}
