/**
 * An agency's callback endpoint for tests and benches: a real HTTP server that checks the hub's
 * signature (pinned hub certificate, v2 REST profile parameters), records each event it receives
 * and acknowledges it with an answer signed by the agency, bound to the request. Modes:
 * `ok`; `down` (503, like an agency in maintenance); `hold` (keeps the request open until
 * `release()`: a delivery in flight); `foreign-ack` (a 200 signed with another key).
 */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRestRequest, answerParams } from '../../mocks/kit/rest-request';
import { signDetachedJws, verifyDetachedJws } from '../../signing/jws';

export interface ReceivedEvent { eventId: string; decisionId: string; agencyId: string; seq: number; type: string; payload: Record<string, unknown>; xRoadId: string; at: number }
export type ReceiverMode = 'ok' | 'down' | 'hold' | 'foreign-ack';

export interface AgencyReceiver {
  url: string;
  received: ReceivedEvent[];
  /** Every correctly signed request as it arrived, answered or not (event id and X-Road id). */
  requests: { eventId: string; xRoadId: string }[];
  /** Requests refused because the hub's signature did not check out. */
  refused: number;
  mode: ReceiverMode;
  /** Answers every held request (with the current mode). */
  release(): void;
  held(): number;
  waitFor(pred: (r: ReceivedEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startAgencyReceiver(o: {
  hubCertPem: string; signer: { certPem: string; key: KeyObject }; foreignSigner?: { certPem: string; key: KeyObject }; port?: number; path?: string;
}): Promise<AgencyReceiver> {
  const hubDer = Buffer.from(o.hubCertPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  const hubPin = createHash('sha256').update(hubDer).digest('hex');
  const hubKey = createPublicKey(o.hubCertPem);
  const holds: (() => void)[] = [];
  const r: AgencyReceiver = {
    url: '', received: [], requests: [], refused: 0, mode: 'ok',
    release() { for (const h of holds.splice(0)) h(); },
    held: () => holds.length,
    async waitFor(pred, timeoutMs = 20_000) {
      const t0 = Date.now();
      while (!pred(r.received)) {
        if (Date.now() - t0 > timeoutMs) throw new Error(`agency receiver: condition not met in ${timeoutMs} ms (${r.received.length} received)`);
        await new Promise((res) => setTimeout(res, 25));
      }
    },
    close: async () => { r.release(); await new Promise<void>((res) => { server.closeAllConnections(); server.close(() => res()); }); },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      void (async () => {
        if (r.mode === 'down') { res.writeHead(503).end(); return; }
        const rr = readRestRequest(req, raw);
        try {
          if (rr.mismatch) throw new Error(rr.mismatch);
          await verifyDetachedJws(raw, String(req.headers['x-road-signature'] ?? ''), async (der) => {
            if (!der || createHash('sha256').update(der).digest('hex') !== hubPin) throw new Error('not the hub');
            return hubKey;
          });
        } catch {
          r.refused++;
          res.writeHead(401, { 'Content-Type': 'application/problem+json' }).end('{"type":"about:blank","status":401,"title":"invalid-signature"}');
          return;
        }
        const ev = JSON.parse(raw.toString('utf8'));
        r.requests.push({ eventId: ev.eventId, xRoadId: rr.xRoadId });
        const answer = () => {
          if (res.destroyed || req.socket.destroyed) return; // the hub's side went away (a killed node)
          const body = Buffer.from(JSON.stringify({ received: ev.eventId }));
          const signer = r.mode === 'foreign-ack' && o.foreignSigner ? o.foreignSigner : o.signer;
          const sig = signDetachedJws(body, signer, { header: answerParams(rr, undefined) });
          if (r.mode !== 'foreign-ack') r.received.push({ ...ev, xRoadId: rr.xRoadId, at: Date.now() });
          res.writeHead(200, { 'Content-Type': 'application/json', 'X-Road-Signature': sig, ...rr.echo }).end(body);
        };
        if (r.mode === 'hold') holds.push(answer); else answer();
      })();
    });
  });
  await new Promise<void>((res) => server.listen(o.port ?? 0, '127.0.0.1', () => res()));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${o.path ?? '/court-events'}`;
  return r;
}
