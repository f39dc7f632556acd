/**
 * A minimal HTTP client for the registry hot path (SOAP and REST): node's http(s) over a keep-alive
 * Agent, aborted by the caller's AbortSignal (breaker timeout or lookup deadline), reading the
 * answer as a stream and stopping as soon as it passes the size limit (a huge or endless body never
 * fills memory). A gzip, deflate or br content coding (RFC 9110 §8.4) is decoded on the way, and the
 * limit applies to the decoded bytes, so a small compressed bomb is refused as early as a big body.
 * No redirect is followed: a 3xx is handed back as a status, which the engines refuse.
 *
 * Not axios: for one JSON or XML exchange per call it cost about 0.2 ms of CPU per REST call
 * (config merging, interceptor chains, header normalisation), a third of the hub's work per bank
 * in a 30-bank fan-out, and the signature checks need the exact bytes anyway.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { HubError } from '../../contracts/hub';
import { fromNetworkError, upstreamError, type UpstreamWhere } from './upstream-errors';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface PostOptions {
  agent: http.Agent;
  signal: AbortSignal;
  maxBytes: number;
  headers: Record<string, string>;
  where: UpstreamWhere;
}

export function createAgent(endpoint: string, maxSockets: number): http.Agent {
  const opts = { keepAlive: true, maxSockets, keepAliveMsecs: 1000 };
  return endpoint.startsWith('https:') ? new https.Agent(opts) : new http.Agent(opts);
}

/** The reason the signal was aborted with, if it is ours; else a timeout. */
export function abortReason(signal: AbortSignal, where: UpstreamWhere): HubError {
  return HubError.is(signal.reason) ? signal.reason : upstreamError('HUB_ERR_UPSTREAM_TIMEOUT', where, { reason: 'aborted' });
}

/** Where a request goes, in the form node's http.request takes without parsing a URL again. */
export interface HttpTarget {
  protocol: string;
  hostname: string;
  port: string;
  /** The request-target exactly as it goes on the request line (RFC 9112 §3.2, origin-form). */
  path: string;
  auth?: string;
}

export function httpTarget(url: URL, path = url.pathname + url.search): HttpTarget {
  // Brackets are URL syntax around an IPv6 literal, not part of the host name (RFC 3986 §3.2.2).
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const t: HttpTarget = { protocol: url.protocol, hostname, port: url.port, path };
  if (url.username || url.password) t.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return t;
}

// Endpoints are a few configured URLs, called again and again: parse each once. Bounded, in case
// a caller ever passes URLs built per call.
const PARSED = new Map<string, HttpTarget>();

function targetOf(url: string): HttpTarget {
  let t = PARSED.get(url);
  if (!t) {
    t = httpTarget(new URL(url));
    if (PARSED.size >= 256) PARSED.clear();
    PARSED.set(url, t);
  }
  return t;
}

export function postRaw(url: string, body: Buffer, o: PostOptions): Promise<RawAnswer> {
  return requestRaw('POST', url, body, o);
}

/** Content codings decoded (RFC 9110 §8.4.1); `identity` or none passes the bytes through. */
function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null | undefined {
  const e = (encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return null;
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  return undefined; // a coding we did not offer: a bad answer
}

/** Offered to registries: the codings decoder() reads. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** One exchange; `body` undefined sends none (GET). */
export function requestRaw(method: string, url: string | HttpTarget, body: Buffer | undefined, o: PostOptions): Promise<RawAnswer> {
  if (o.signal.aborted) return Promise.reject(abortReason(o.signal, o.where));
  const target = typeof url === 'string' ? targetOf(url) : url;
  const mod = target.protocol === 'https:' ? https : http;
  return new Promise<RawAnswer>((resolve, reject) => {
    let settled = false;
    const done = (err: HubError | undefined, value?: RawAnswer) => {
      if (settled) return;
      settled = true;
      o.signal.removeEventListener('abort', onAbort);
      if (err) reject(err); else resolve(value!);
    };
    const req = mod.request({
      ...target,
      method,
      agent: o.agent,
      headers: body ? { ...o.headers, 'Content-Length': String(body.length) } : o.headers,
    });
    const onAbort = () => {
      req.destroy();
      done(abortReason(o.signal, o.where));
    };
    o.signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', (err) => done(fromNetworkError(err, o.where)));
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > o.maxBytes) {
        done(upstreamError('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', o.where, { limit: o.maxBytes, declared }));
        res.destroy();
        req.destroy();
        return;
      }
      const unzip = decoder(res.headers['content-encoding']);
      if (unzip === undefined) {
        done(upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', o.where, { httpStatus: status, reason: 'content-encoding' }));
        res.destroy();
        req.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) {
          // Settle first: destroying emits 'aborted'/'error', which must not win.
          done(upstreamError('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', o.where, { limit: o.maxBytes }));
          unzip?.destroy();
          res.destroy();
          req.destroy();
          return;
        }
        chunks.push(chunk);
      };
      const finish = () => done(undefined, { status, headers: res.headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
      // A body cut short (fewer bytes than Content-Length, or a chunked body without its last chunk)
      // is a transport failure: 'aborted' / ECONNRESET here, never a parse of half an answer.
      res.on('error', (err) => done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' }, err)));
      res.on('aborted', () => done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' })));
      if (!unzip) {
        res.on('data', onData);
        res.on('end', () => {
          if (!res.complete) return done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' }));
          finish();
        });
        return;
      }
      unzip.on('data', onData);
      unzip.on('error', (err) => done(upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', o.where, { httpStatus: status, reason: 'content-encoding' }, err)));
      unzip.on('end', () => (res.complete ? finish() : done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' }))));
      res.pipe(unzip);
    });
    req.end(body);
  });
}
