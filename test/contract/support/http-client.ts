/**
 * A raw HTTP client for tests against the mock agencies: a fresh connection per request (no
 * keep-alive state between fault scenarios), and it never throws — transport failures are
 * returned, because they are what many fault scenarios observe.
 */
import { request as httpRequest } from 'node:http';

export interface RawResponse {
  status?: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Body chunks as they arrived (slow-body scenarios count them). */
  chunks: number;
  /** Transport failure: ECONNREFUSED, ECONNRESET, "aborted", a timeout… */
  error?: NodeJS.ErrnoException;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Give up after this many ms (error code ETIMEDOUT). */
  timeoutMs?: number;
}

export function send(url: string, req: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const out: RawResponse = { headers: {}, body: Buffer.alloc(0), chunks: 0 };
    const parts: Buffer[] = [];
    let settled = false;
    const done = (error?: NodeJS.ErrnoException): void => {
      if (settled) return;
      settled = true;
      out.body = Buffer.concat(parts);
      if (error) out.error = error;
      resolve(out);
    };
    const r = httpRequest(url, { method: req.method ?? 'GET', headers: req.headers, agent: false }, (res) => {
      out.status = res.statusCode;
      out.headers = res.headers;
      res.on('data', (c: Buffer) => {
        parts.push(c);
        out.chunks++;
      });
      res.on('end', () => done());
      res.on('aborted', () => done(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })));
      res.on('error', (e) => done(e));
    });
    r.on('error', (e) => done(e));
    if (req.timeoutMs) {
      r.setTimeout(req.timeoutMs, () => {
        r.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
      });
    }
    r.end(req.body);
  });
}
