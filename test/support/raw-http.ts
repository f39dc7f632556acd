/**
 * HTTP as a hostile client sends it: any method, any header (Content-Encoding, charset, huge
 * values), any bytes, and — through a bare socket — request lines that are not HTTP at all.
 * fetch() normalizes too much for that (it re-encodes URLs and refuses some headers).
 */
import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  json: any;
}

function answer(status: number, headers: http.IncomingHttpHeaders, text: string): RawAnswer {
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status, headers, text, json };
}

export function send(base: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawAnswer> {
  const u = new URL(base);
  const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname, port: Number(u.port), method, path, agent: false,
      headers: { ...(body ? { 'Content-Length': String(body.length) } : {}), ...(opts.headers ?? {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(answer(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8'))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes `raw` to a fresh connection and parses whatever HTTP/1.1 answer comes back before the server closes it. */
export function sendBytes(base: string, raw: Buffer | string): Promise<RawAnswer> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(u.port), u.hostname);
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('error', reject);
    s.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: http.IncomingHttpHeaders = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve(answer(Number(statusLine.split(' ')[1] ?? 0), headers, rest.join('\r\n\r\n')));
    });
    s.end(raw);
  });
}
