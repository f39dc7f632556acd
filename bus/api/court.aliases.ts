/**
 * Gateway aliases of the court endpoints (contracts/hub/openapi.yaml). Every
 * body is a signed document in the wire form `{ "<key>": {...}, "signature": "<base64 CMS>" }`
 * and goes to its court action as it is — only the body, never query or path values mixed in.
 * Authorization happens in the actions (ctx.meta is not trusted). Any failure is answered as
 * a HubError: 4xx with the code and a message a person understands, never a 500 or a stack.
 *
 * Usage: createGatewayService({ ..., aliases: courtAliases({ timeoutMs }) }).
 */
import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from '../../contracts/hub';
import { sendHubError, sendJson, toHttpError } from '../http-errors';
import { BODY_LIMITS, jsonShape } from '../http-input';

type CallOpts = { timeout?: number };
export type Req = IncomingMessage & { body?: unknown; $ctx?: { requestID?: string; call(action: string, params: unknown, opts?: CallOpts): Promise<unknown> }; $params?: Record<string, string> };
export type Alias = (this: { broker: { call(action: string, params: unknown, opts?: CallOpts): Promise<unknown> } }, req: Req, res: ServerResponse) => void;

/** The header that carries a signed request on GET (base64 of the JSON wire form). */
export const SIGNED_REQUEST_HEADER = 'x-signed-request';

/**
 * How long the gateway waits for a court action: the lookup deadline plus the margin the court
 * needs to sign and audit the evidence (core/court/deadlines.ts). Past it the judge gets a
 * retryable 503 — a node died or NATS restarted under the request — never Moleculer's 30 s.
 */
export type Call = (self: ThisParameterType<Alias>, req: Req, action: string, params: unknown) => Promise<any>;

export function caller(timeoutMs?: number): Call {
  const opts = timeoutMs ? { timeout: timeoutMs } : undefined;
  return (self, req, action, params) => (req.$ctx ? req.$ctx.call(action, params, opts) : self.broker.call(action, params, opts));
}

export function fail(req: Req, res: ServerResponse, err: unknown): void {
  sendHubError(res, toHttpError(err), req.$ctx?.requestID);
}

/** `Server-Timing: hub;dur=…`: how long the hub took, from the request's arrival at the alias to the answer (README "Faults"). */
function timer(res: ServerResponse): () => void {
  const t0 = process.hrtime.bigint();
  return () => { if (!res.headersSent) res.setHeader('Server-Timing', `hub;dur=${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)}`); };
}

/** `base64Member`: the answer's member that holds base64 text (sendJson). */
export function post(call: Call, action: string, status = 200, base64Member?: string): Alias {
  return function (this, req, res) {
    const timed = timer(res);
    // An absent body is an empty object: the action's schema names what is missing.
    call(this, req, action, req.body ?? {}).then((r) => { timed(); sendJson(res, status, r, base64Member); }).catch((err) => { timed(); fail(req, res, err); });
  };
}

export function bad(message: string, rule: string): HubError {
  return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', message, details: { violations: [rule] } });
}

/** The signed request of a GET: base64 of its JSON wire form in the X-Signed-Request header, within the body limits. */
export function readSignedHeader(req: IncomingMessage, missing: string): any {
  const header = req.headers[SIGNED_REQUEST_HEADER];
  if (typeof header !== 'string' || header.length === 0) throw bad(missing, 'header X-Signed-Request is required');
  if (header.length > 96 * 1024) throw new HubError('HUB_ERR_VALIDATION_TOO_LARGE', { origin: 'client' });
  const bytes = Buffer.from(header, 'base64');
  // The same budget as a request body (bus/http-input.ts): UTF-8, shallow, bounded.
  if (!isUtf8(bytes) || jsonShape(bytes, BODY_LIMITS)) throw bad('The X-Signed-Request header must be base64 of the signed request JSON', 'header X-Signed-Request is not UTF-8 JSON within the body limits');
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw bad('The X-Signed-Request header must be base64 of the signed request JSON', 'header X-Signed-Request is not base64 JSON');
  }
}

/**
 * GET /api/v1/lookups/{orderId}/evidence — the judge who signed the order proves it is them
 * with a signed `{ "request": { orderId, issuedAt, expiresAt, nonce }, "signature": … }` in the
 * X-Signed-Request header (base64 of that JSON). `Accept: application/pkcs7-mime` returns the
 * packet itself (DER), otherwise JSON `{ orderId, evidence }`.
 */
const getEvidence = (call: Call): Alias => function (this, req, res) {
  const orderId = req.$params?.orderId ?? decodeURIComponent((req.url ?? '').split('/').slice(-2, -1)[0] ?? '');
  let body: any;
  try {
    body = readSignedHeader(req, 'Sign a request for this evidence and send it in the X-Signed-Request header');
    if (body?.request?.orderId !== orderId) throw bad('The signed request names another order than the URL', '/request/orderId must equal the orderId in the path');
  } catch (err) {
    fail(req, res, err);
    return;
  }
  call(this, req, 'court.evidence', body).then((r: { orderId: string; evidence: string }) => {
    if (String(req.headers.accept ?? '').includes('application/pkcs7-mime')) {
      const der = Buffer.from(r.evidence, 'base64');
      res.writeHead(200, { 'Content-Type': 'application/pkcs7-mime; smime-type=signed-data', 'Content-Length': der.length, 'Content-Disposition': `attachment; filename="evidence-${r.orderId}.p7s"` });
      res.end(der);
    } else sendJson(res, 200, r, 'evidence');
  }).catch((err) => fail(req, res, err));
};

export function courtAliases(opts: { timeoutMs?: number } = {}): Record<string, Alias> {
  const call = caller(opts.timeoutMs);
  return {
    'POST /api/v1/lookups': post(call, 'court.lookup', 200, 'evidence'),
    'GET /api/v1/lookups/:orderId/evidence': getEvidence(call),
    'POST /api/v1/delegations': post(call, 'court.delegate', 201),
    'POST /api/v1/identity-verifications': post(call, 'court.verifyIdentity'),
    'POST /api/v1/access-reports': post(call, 'court.accessReport'),
    'POST /api/v1/cases': post(call, 'court.upsertCase'),
    'POST /api/v1/roster': post(call, 'court.upsertRoster'),
  };
}
