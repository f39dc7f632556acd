/**
 * Gateway aliases of the publication pipeline and the public search (statute 12.6, 6.1.21;
 * contracts/hub/openapi.yaml "Publication"). The signed requests go to their actions as they are
 * (authorization happens there). The public reads need no authentication and are rate-limited
 * per client address (429 with Retry-After); they read published decisions only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHubError, sendJson, toHttpError } from '../http-errors';
import { createRateLimiter } from '../rate-limit';

type Req = IncomingMessage & { body?: unknown; $ctx?: { requestID?: string; call(action: string, params: unknown): Promise<unknown> }; $params?: Record<string, string> };
type Alias = (this: { broker: { call(action: string, params: unknown): Promise<unknown> } }, req: Req, res: ServerResponse) => void;

function call(self: ThisParameterType<Alias>, req: Req, action: string, params: unknown): Promise<any> {
  return req.$ctx ? req.$ctx.call(action, params) : self.broker.call(action, params);
}

function post(action: string, status = 200): Alias {
  return function (this, req, res) {
    call(this, req, action, req.body ?? {}).then((r) => sendJson(res, status, r)).catch((err) => sendHubError(res, toHttpError(err), req.$ctx?.requestID));
  };
}

/** The query string as given: a key given twice becomes an array (the action refuses it). */
function queryOf(url: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url ?? '/', 'http://hub').searchParams) {
    const have = out[k];
    out[k] = have === undefined ? v : Array.isArray(have) ? [...have, v] : [have, v];
  }
  return out;
}

export function publicationAliases(opts: { rateLimitPerMinute: number }): Record<string, Alias> {
  const limiter = createRateLimiter({ limit: opts.rateLimitPerMinute, windowMs: 60_000 });
  const limited = (inner: Alias): Alias => function (this, req, res) {
    try {
      limiter.take(req);
    } catch (err) {
      sendHubError(res, toHttpError(err), req.$ctx?.requestID);
      return;
    }
    inner.call(this, req, res);
  };
  return {
    'POST /api/v1/publication-drafts': post('publication.draft', 201),
    'POST /api/v1/publication-reviews': post('publication.review'),
    'POST /api/v1/publication-approvals': post('publication.approve', 201),
    'POST /api/v1/ops/publication-deadlines': post('publication.deadlines'),
    'GET /api/v1/published-decisions': limited(function (this, req, res) {
      call(this, req, 'publication.search', { query: queryOf(req.url) }).then((r) => sendJson(res, 200, r)).catch((err) => sendHubError(res, toHttpError(err), req.$ctx?.requestID));
    }),
    'GET /api/v1/published-decisions/:id': limited(function (this, req, res) {
      const id = req.$params?.id ?? '';
      call(this, req, 'publication.get', { id }).then((r) => sendJson(res, 200, r)).catch((err) => sendHubError(res, toHttpError(err), req.$ctx?.requestID));
    }),
  };
}
