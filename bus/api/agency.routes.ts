/**
 * The /ehis/ routes of the gateway: the agency service's published contracts (GET /ehis/court?wsdl
 * and the schemas it imports, the OpenAPI of the REST form), SOAP at POST /ehis/court, REST under
 * /ehis/court/v1/. Bodies are read raw (XML, or the exact bytes the agency's JWS signed) and handed
 * to the agency actions, which verify them; the answers go back byte for byte as signed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServiceBroker } from 'moleculer';
import { HubError } from '../../contracts/hub';
import { agenciesContractsDir, PUBLISHED } from '../../contracts/agencies/paths';
import { sendHubError, toHttpError } from '../http-errors';

export interface RawRoute {
  prefix: string;
  handle(req: IncomingMessage & { $requestId?: string }, res: ServerResponse, broker: ServiceBroker): void;
}

const FORWARDED = ['x-road-client', 'x-road-id', 'x-road-userid', 'x-road-issue', 'x-road-signature'];

/**
 * The raw body, at most `max` bytes. Past it the rest is read and dropped (not kept) so the client,
 * still sending, gets the 413 instead of a reset connection; the server's request timeout bounds it.
 */
function readRaw(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > max) { over = true; chunks.length = 0; reject(new HubError('HUB_ERR_VALIDATION_TOO_LARGE', { origin: 'client' })); return; }
      chunks.push(c);
    });
    req.on('end', () => { if (!over) resolve(Buffer.concat(chunks)); });
    req.on('error', reject);
  });
}

export function agencyRoutes(opts: { maxBodyBytes: number; timeoutMs: number }): RawRoute {
  const files = new Map<string, Buffer>();
  const file = (name: keyof typeof PUBLISHED) => {
    let b = files.get(name);
    if (!b) { b = readFileSync(join(agenciesContractsDir(), name)); files.set(name, b); }
    return b;
  };
  const send = (res: ServerResponse, status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
    res.end(body);
  };
  return {
    prefix: '/ehis/',
    handle(req, res, broker) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const fail = (err: unknown) => sendHubError(res, toHttpError(err), req.$requestId);
      const callOpts = { timeout: opts.timeoutMs, requestID: req.$requestId };
      if (req.method === 'GET' && path === '/ehis/court' && /^wsdl$/i.test(url.slice(q + 1))) return send(res, 200, PUBLISHED['court.wsdl'], file('court.wsdl'));
      const published = path.slice('/ehis/'.length).replace(/^court\/v1\/openapi\.json$/, 'court.openapi.json');
      if (req.method === 'GET' && Object.hasOwn(PUBLISHED, published)) {
        const name = published as keyof typeof PUBLISHED;
        return send(res, 200, PUBLISHED[name], file(name));
      }
      if (req.method === 'POST' && path === '/ehis/court') {
        readRaw(req, opts.maxBodyBytes)
          .then((raw) => broker.call('agency.soap', { body: raw.toString('base64') }, callOpts))
          .then((a: any) => send(res, a.status, 'text/xml; charset=utf-8', a.body))
          .catch(fail);
        return;
      }
      if (path.startsWith('/ehis/court/v1/') && (req.method === 'GET' || req.method === 'POST')) {
        const headers: Record<string, string> = {};
        for (const h of FORWARDED) { const v = req.headers[h]; if (typeof v === 'string') headers[h] = v; }
        readRaw(req, opts.maxBodyBytes)
          .then((raw) => broker.call('agency.rest', { method: req.method, target: url, headers, body: raw.toString('base64') }, callOpts))
          .then((a: any) => send(res, a.status, a.headers['Content-Type'], a.body, a.headers))
          .catch(fail);
        return;
      }
      fail(new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client' }));
    },
  };
}
