/**
 * A minimal HTTP POST for the SOAP hot path: node's http(s) over a keep-alive Agent, aborted by the
 * caller's AbortSignal (breaker timeout or lookup deadline), reading the answer as a stream and
 * stopping as soon as it passes the size limit (a huge or endless body never fills memory).
 */
import http from 'node:http';
import https from 'node:https';
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

export function postRaw(url: string, body: Buffer, o: PostOptions): Promise<RawAnswer> {
  if (o.signal.aborted) return Promise.reject(abortReason(o.signal, o.where));
  const mod = url.startsWith('https:') ? https : http;
  return new Promise<RawAnswer>((resolve, reject) => {
    let settled = false;
    const done = (err: HubError | undefined, value?: RawAnswer) => {
      if (settled) return;
      settled = true;
      o.signal.removeEventListener('abort', onAbort);
      if (err) reject(err); else resolve(value!);
    };
    const req = mod.request(url, {
      method: 'POST',
      agent: o.agent,
      headers: { ...o.headers, 'Content-Length': String(body.length) },
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
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > o.maxBytes) {
          // Settle first: destroying emits 'aborted'/'error', which must not win.
          done(upstreamError('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', o.where, { limit: o.maxBytes }));
          res.destroy();
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      // A body cut short (fewer bytes than Content-Length, or a chunked body without its last chunk)
      // is a transport failure: 'aborted' / ECONNRESET here, never a parse of half an answer.
      res.on('error', (err) => done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' }, err)));
      res.on('aborted', () => done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' })));
      res.on('end', () => {
        if (!res.complete) return done(upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', o.where, { reason: 'truncated' }));
        done(undefined, { status, headers: res.headers, body: Buffer.concat(chunks, size) });
      });
    });
    req.end(body);
  });
}
