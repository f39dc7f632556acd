/**
 * Gateway aliases of the decisions endpoints (contracts/hub/openapi.yaml). Bodies are signed
 * documents in the wire form `{ "decision" | "inForce": {...}, "signature": "<base64 CMS>" }`;
 * the enforcement status is read with a signed request in the X-Signed-Request header.
 * Authorization happens in the decisions actions.
 */
import { sendJson } from '../http-errors';
import { bad, caller, fail, post, readSignedHeader, type Alias, type Call, type Req } from './court.aliases';

const pathParam = (req: Req, name: string, fromEnd: number) => req.$params?.[name] ?? decodeURIComponent((req.url ?? '').split('?')[0].split('/').slice(-fromEnd - 1, fromEnd === 0 ? undefined : -fromEnd)[0] ?? '');

/** POST /api/v1/decisions/{decisionId}/legal-force: the signed act must name the decision of the URL. */
const inForce = (call: Call): Alias => function (this, req, res) {
  const decisionId = pathParam(req, 'decisionId', 1);
  const body = (req.body ?? {}) as { inForce?: { decisionId?: unknown } };
  if (body.inForce && typeof body.inForce === 'object' && body.inForce.decisionId !== decisionId) {
    fail(req, res, bad('The signed act names another decision than the URL', '/inForce/decisionId must equal the decisionId in the path'));
    return;
  }
  call(this, req, 'decisions.inForce', body).then((r) => sendJson(res, 200, r)).catch((err) => fail(req, res, err));
};

/** GET /api/v1/decisions/{decisionId}/enforcement-status: the judge of the case, signed request in X-Signed-Request. */
const enforcementStatus = (call: Call): Alias => function (this, req, res) {
  const decisionId = pathParam(req, 'decisionId', 1);
  let body: any;
  try {
    body = readSignedHeader(req, 'Sign a request for this status and send it in the X-Signed-Request header');
    if (body?.request?.decisionId !== decisionId) throw bad('The signed request names another decision than the URL', '/request/decisionId must equal the decisionId in the path');
  } catch (err) {
    fail(req, res, err);
    return;
  }
  call(this, req, 'decisions.enforcementStatus', body).then((r) => sendJson(res, 200, r)).catch((err) => fail(req, res, err));
};

export function decisionAliases(opts: { timeoutMs?: number } = {}): Record<string, Alias> {
  const call = caller(opts.timeoutMs);
  return {
    'POST /api/v1/decisions': post(call, 'decisions.submit', 201),
    'POST /api/v1/decisions/:decisionId/legal-force': inForce(call),
    'GET /api/v1/decisions/:decisionId/enforcement-status': enforcementStatus(call),
  };
}
