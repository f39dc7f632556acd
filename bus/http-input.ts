/**
 * What the gateway checks of an HTTP request before any route runs, and what it makes of
 * body-parser's refusals: every way a client can send something unreadable is a 4xx HubError
 * (never a 5xx), answered before the body reaches a parser or an action.
 *
 *   const table = routeTable(Object.keys(aliases));
 *   const refusal = screenRequest(req, table);      // HubError | null
 *   bodyParsers: { json: { ..., verify: verifyJsonBytes } }
 *   toHttpError: clientInputError(err) ?? …
 */
import { randomUUID } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import type { IncomingHttpHeaders } from 'node:http';
import { HubError } from '../contracts/hub';

/** RFC 8259 §8.1: JSON between systems is UTF-8; body-parser itself would also take UTF-16 and UTF-7. */
const JSON_MEDIA_TYPE = 'application/json';
/** The content codings body-parser can undo (RFC 9110 §8.4.1); anything else is 415. */
const CODINGS = new Set(['identity', 'gzip', 'deflate']);

/**
 * Structure budget of a request body. The largest document the contract allows (a roster of 500
 * persons) has ~4,000 values and nests 5 levels deep. JSON.parse spends ~1 µs per nesting level,
 * Moleculer's serializer overflows the stack near 10,000 levels, and the schema check costs a few
 * µs per violation (a body of 10,000 wrong values: ~25 ms), so both are checked on the raw bytes
 * before anything parses them.
 */
export const BODY_LIMITS = { maxDepth: 32, maxValues: 10_000 } as const;

export interface RouteTable { routes: { re: RegExp; methods: string[] }[] }

/** The gateway's alias keys ("GET /api/v1/lookups/:orderId/evidence") as path patterns with their methods. */
export function routeTable(aliasKeys: readonly string[]): RouteTable {
  const byPath = new Map<string, string[]>();
  for (const key of aliasKeys) {
    const [method, path] = key.trim().split(/\s+/, 2) as [string, string];
    byPath.set(path, [...(byPath.get(path) ?? []), method.toUpperCase()]);
  }
  return {
    routes: [...byPath].map(([path, methods]) => ({
      re: new RegExp(`^${path.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`),
      methods,
    })),
  };
}

/** The methods a path answers to, or null when no route has that path. */
export function allowedMethods(table: RouteTable, path: string): string[] | null {
  const methods = table.routes.filter((r) => r.re.test(path)).flatMap((r) => r.methods);
  return methods.length > 0 ? [...new Set(methods)] : null;
}

export function methodNotAllowed(allow: string[]): HubError {
  return new HubError('HUB_ERR_VALIDATION_METHOD_NOT_ALLOWED', { origin: 'client', details: { allow } });
}

/**
 * Refuses, before routing: a path that is not valid percent-encoding (400), a method the path
 * does not answer to (405 with Allow), and a body that is not UTF-8 JSON or uses a coding
 * body-parser cannot undo (415). Unknown paths pass: the router answers them 404.
 */
export function screenRequest(req: { method?: string; url?: string; headers: IncomingHttpHeaders }, table: RouteTable): HubError | null {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  try {
    decodeURIComponent(path);
  } catch {
    return new HubError('HUB_ERR_VALIDATION_BAD_URL', { origin: 'client', details: { violations: ['the path is not valid percent-encoded UTF-8'] } });
  }
  const allow = allowedMethods(table, path);
  const method = (req.method ?? 'GET').toUpperCase();
  if (allow && !allow.includes(method)) return methodNotAllowed(allow);
  if (allow && hasBody(req.headers)) return screenBodyHeaders(req.headers);
  return null;
}

function hasBody(h: IncomingHttpHeaders): boolean {
  return h['transfer-encoding'] !== undefined || (h['content-length'] !== undefined && h['content-length'] !== '0');
}

function unsupported(violation: string): HubError {
  return new HubError('HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA', { origin: 'client', details: { violations: [violation] } });
}

/** Content-Type application/json, charset (if named) UTF-8, at most one content coding body-parser knows. */
export function screenBodyHeaders(h: IncomingHttpHeaders): HubError | null {
  const [type = '', ...params] = String(h['content-type'] ?? '').split(';').map((s) => s.trim().toLowerCase());
  if (type !== JSON_MEDIA_TYPE) return unsupported('Content-Type must be application/json');
  for (const p of params) {
    const [name, value = ''] = p.split('=', 2).map((s) => s.trim());
    if (name === 'charset' && !['utf-8', 'utf8', '"utf-8"'].includes(value)) return unsupported('charset must be utf-8');
  }
  const codings = String(h['content-encoding'] ?? 'identity').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (codings.length > 1 || (codings.length === 1 && !CODINGS.has(codings[0]!))) return unsupported('Content-Encoding must be identity, gzip or deflate (one at most)');
  return null;
}

/** A marker type for body-parser: its `verify` errors come back wrapped by moleculer-web with this type. */
const BODY_REFUSED = 'court-hub.body-refused';

/**
 * body-parser's `verify` hook: runs on the raw (decompressed) bytes before JSON.parse. Invalid
 * UTF-8 would otherwise be replaced by U+FFFD silently, and a body nested thousands of levels
 * deep would block the event loop in the parser.
 */
export function verifyJsonBytes(_req: unknown, _res: unknown, buf: Buffer): void {
  if (!isUtf8(buf)) throw Object.assign(new Error('not-utf8'), { type: BODY_REFUSED });
  const shape = jsonShape(buf, BODY_LIMITS);
  if (shape) throw Object.assign(new Error(shape), { type: BODY_REFUSED });
}

/**
 * One pass over JSON text outside strings: the deepest nesting and the number of values
 * (containers opened + separators). Returns what is over the budget, or null. Does not validate
 * the JSON itself — JSON.parse does that next.
 */
export function jsonShape(buf: Uint8Array, limits: { maxDepth: number; maxValues: number }): string | null {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limits.maxDepth) return 'too-deep';
      if (++values > limits.maxValues) return 'too-many-values';
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && ++values > limits.maxValues) return 'too-many-values';
  }
  return null;
}

const BODY_REFUSALS: Record<string, () => HubError> = {
  'not-utf8': () => new HubError('HUB_ERR_VALIDATION_UNDECODABLE', { origin: 'client', details: { violations: ['the body is not valid UTF-8'] } }),
  'too-deep': () => new HubError('HUB_ERR_VALIDATION_TOO_LARGE', {
    origin: 'client', message: `The request body nests deeper than ${BODY_LIMITS.maxDepth} levels`, details: { maxDepth: BODY_LIMITS.maxDepth },
  }),
  'too-many-values': () => new HubError('HUB_ERR_VALIDATION_TOO_LARGE', {
    origin: 'client', message: `The request body holds more than ${BODY_LIMITS.maxValues} values`, details: { maxValues: BODY_LIMITS.maxValues },
  }),
};

/**
 * body-parser's refusals as moleculer-web hands them on (a MoleculerError with body-parser's
 * status as `code` and its `type`), and moleculer-web's own 400 for an undecodable path
 * parameter. Anything else: undefined.
 */
export function clientInputError(err: any): HubError | undefined {
  const type = typeof err?.type === 'string' ? err.type : undefined;
  const code = err?.code ?? err?.status;
  if (type === BODY_REFUSED) return (BODY_REFUSALS[String(err.message)] ?? BODY_REFUSALS['not-utf8']!)();
  if (type === 'entity.too.large' || code === 413) return new HubError('HUB_ERR_VALIDATION_TOO_LARGE', { origin: 'client' });
  if (type === 'entity.parse.failed') return new HubError('HUB_ERR_VALIDATION_BAD_JSON', { origin: 'client' });
  if (type === 'encoding.unsupported' || type === 'charset.unsupported' || code === 415) return unsupported('Content-Encoding must be identity, gzip or deflate; charset utf-8');
  // zlib's own codes (Z_DATA_ERROR, Z_BUF_ERROR) reach here as the wrapped error's code
  if ((typeof code === 'string' && code.startsWith('Z_')) || type === 'request.size.invalid') {
    return new HubError('HUB_ERR_VALIDATION_UNDECODABLE', { origin: 'client', details: { violations: ['the body does not decode with its Content-Encoding and Content-Length'] } });
  }
  if (type === 'request.aborted') return new HubError('HUB_ERR_VALIDATION_UNDECODABLE', { origin: 'client', details: { violations: ['the body ended early'] } });
  if (err?.name === 'BadRequestError' && type === 'UNABLE_DECODE_PARAM') return new HubError('HUB_ERR_VALIDATION_BAD_URL', { origin: 'client' });
  if (err instanceof URIError) return new HubError('HUB_ERR_VALIDATION_BAD_URL', { origin: 'client' });
  return undefined;
}

/**
 * The correlation id of a request: the client's X-Correlation-ID / X-Request-ID when it is a
 * short token (it goes into the audit trail and every log line), otherwise a fresh UUID.
 */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export function correlationId(h: IncomingHttpHeaders): string {
  const v = h['x-correlation-id'] ?? h['x-request-id'];
  return typeof v === 'string' && CLIENT_ID.test(v) ? v : randomUUID();
}
