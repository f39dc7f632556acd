/**
 * An agency's callback endpoint for the hub's pushed events (docs/ehis-profiles.md, REST profile,
 * reversed: the hub signs the request, the agency signs its acknowledgement, bound to the request's
 * X-Road-Id and request hash). The launcher passes the verifier of the hub's signature and the
 * agency's signing hook: mocks/ holds no keys. Events are kept by event id (a re-sent event is
 * acknowledged again and acted on once).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerParams, readRestRequest } from '../kit/rest-request';
import type { RequestVerifier, SignerHooks } from '../kit/signers';

export interface PushedEvent { eventId: string; type: string; decisionId: string; agencyId: string; seq: number; occurredAt: string; payload: Record<string, unknown> }

export interface CallbackEndpointOptions {
  verifier: RequestVerifier;
  signer: SignerHooks;
  /** Acts on a new event (each event id once). */
  onEvent(e: PushedEvent): void;
}

export function callbackHandler(o: CallbackEndpointOptions) {
  const seen = new Set<string>();
  return async (req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<void> => {
    const rr = readRestRequest(req, raw);
    const problem = (status: number, kind: string) => {
      const body = Buffer.from(JSON.stringify({ type: `https://court-events.example/problems/${kind}`, title: kind, status }));
      res.writeHead(status, { 'Content-Type': 'application/problem+json', ...rr.echo, ...(o.signer.rest?.(body, answerParams(rr, undefined)) ?? {}) }).end(body);
    };
    try {
      if (rr.mismatch) throw new Error(rr.mismatch);
      await o.verifier(raw, req.headers);
    } catch {
      problem(401, 'invalid-signature');
      return;
    }
    let ev: PushedEvent;
    try {
      ev = JSON.parse(raw.toString('utf8')) as PushedEvent;
      if (typeof ev.eventId !== 'string' || typeof ev.decisionId !== 'string') throw new Error('shape');
    } catch {
      problem(400, 'bad-request');
      return;
    }
    if (!seen.has(ev.eventId)) {
      seen.add(ev.eventId);
      o.onEvent(ev);
    }
    const body = Buffer.from(JSON.stringify({ received: ev.eventId }));
    res.writeHead(200, { 'Content-Type': 'application/json', ...rr.echo, ...(o.signer.rest?.(body, answerParams(rr, undefined)) ?? {}) }).end(body);
  };
}
