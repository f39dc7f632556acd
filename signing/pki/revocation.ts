/** What a revocation source says about one certificate (RFC 6960 §2.2, RFC 5280 §5). */
import * as http from 'node:http';
import * as https from 'node:https';

export interface RevocationAnswer {
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  thisUpdate: Date;
  /** Cache the answer until then; undefined = the source promises nothing (RFC 6960 §4.2.2.1). */
  nextUpdate?: Date;
  source: 'ocsp' | 'crl';
}

/** Sends a DER OCSP request to a URL and returns the DER answer (injectable for tests). */
export type OcspTransport = (url: string, request: Buffer) => Promise<Buffer>;

const MAX_ANSWER = 1 << 20;

/**
 * RFC 6960 appendix A.1: HTTP POST, application/ocsp-request → application/ocsp-response.
 * One connection per request, closed after it: `openssl ocsp -port` answers one request per
 * connection and leaves a kept-alive second request hanging (seen with fetch/undici).
 */
export function httpOcspTransport(timeoutMs: number): OcspTransport {
  return (url, request) =>
    new Promise<Buffer>((resolve, reject) => {
      const u = new URL(url);
      const mod = u.protocol === 'https:' ? https : u.protocol === 'http:' ? http : undefined;
      if (!mod) return reject(new Error(`OCSP URL scheme ${u.protocol}`));
      const req = mod.request(u, {
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response', 'content-length': request.length, connection: 'close' },
      }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`OCSP responder answered HTTP ${res.statusCode}`));
        }
        const chunks: Buffer[] = [];
        let n = 0;
        res.on('data', (c: Buffer) => {
          n += c.length;
          if (n > MAX_ANSWER) req.destroy(new Error('OCSP answer too large'));
          else chunks.push(c);
        });
        res.on('end', () => resolve(Buffer.concat(chunks)));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error('OCSP request timed out')));
      req.on('error', reject);
      req.end(request);
    });
}
