/**
 * A small HTTP server for a mock decision consumer: routes by method and path, the body read with
 * a size limit, a JSON view of what the agency did (GET …/ledger) for the README walk-through.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse, raw: Buffer) => Promise<void> | void;

export interface ConsumerServer { url: string; port: number; close(): Promise<void> }

const MAX_BODY = 4 * 1024 * 1024;

export async function startConsumerServer(o: { host?: string; port?: number; routes: Record<string, Route> }): Promise<ConsumerServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { res.writeHead(413).end(); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => {
      const key = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
      const route = o.routes[key];
      if (!route) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here\n'); return; }
      Promise.resolve(route(req, res, Buffer.concat(chunks))).catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
    });
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve()); });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value, null, 2));
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length) }).end(body);
}
