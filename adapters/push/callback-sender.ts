/**
 * The hub's callbacks to agencies: one POST per outbox event to the callback endpoint of the
 * agencies directory, signed with the hub key in the EHİS REST profile v2 (docs/ehis-profiles.md,
 * "REST": X-Road headers and X-Road-Signature, a detached JWS over the body whose protected header
 * binds method, target, headers and time), reversed: the hub is the client, the agency answers.
 *
 * The body names the event id (stable across every re-sending: the agency's idempotency key), the
 * decision, the order (`seq`, increasing per decision) and the payload the core wrote. An event
 * counts as acknowledged only on a 2xx; when the directory pins the agency's certificate the 2xx
 * must also carry the agency's X-Road-Signature over the answer, bound to this very request
 * (its X-Road-Id and request hash), so a forged or misdirected "ok" cannot mark it delivered.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { ANSWER_CLOCK_SKEW_MS, ANSWER_MAX_AGE_MS, ANSWER_PARAM, REQUEST_PARAM, REST_HEADER, restRequestHash } from '../../contracts/registries/xroad-profile';
import type { OutboxEvent } from '../../core/outbox';
import { canonicalJson } from '../../signing/canonical-json';
import type { JwsTrust } from '../../signing/jws';
import { verifyDetachedJws } from '../../signing/jws';
import type { RestSign } from '../kit/seams';
import { createAgent, postRaw } from '../kit/http-post';
import { upstreamError, fromVerifyError } from '../kit/upstream-errors';

/** What the agencies directory says about an agency's callbacks. */
export interface CallbackEndpoint {
  url: string;
  /** The agency's pinned certificate: when given, acknowledgements must be signed with it. */
  trust?: JwsTrust;
}

export interface CallbackSenderOptions {
  /** The hub's X-Road client id (X-Road-Client). */
  client: string;
  sign: RestSign;
  /** The directory: undefined for an agency that takes no callbacks. */
  endpointOf(agencyId: string): CallbackEndpoint | undefined;
  maxAnswerBytes?: number;
  now?: () => number;
}

/** The callback body: what the agency receives for each event. */
export function callbackBody(e: OutboxEvent): Buffer {
  return Buffer.from(canonicalJson({
    eventId: e.eventId, type: e.type, decisionId: e.decisionId, agencyId: e.agencyId, seq: e.seq,
    occurredAt: new Date(e.createdAt).toISOString(), payload: e.payload,
  }), 'utf8');
}

export const EVENT_ID_HEADER = 'X-Court-Event-Id';

export function createCallbackSender(o: CallbackSenderOptions) {
  const agents = new Map<string, http.Agent>();
  const now = o.now ?? Date.now;
  const agentFor = (url: string) => {
    const origin = new URL(url).origin;
    let a = agents.get(origin);
    if (!a) { a = createAgent(url, 8); agents.set(origin, a); }
    return a;
  };

  async function send(e: OutboxEvent, signal: AbortSignal): Promise<void> {
    const where = { provider: e.agencyId, operation: 'callback' };
    const ep = o.endpointOf(e.agencyId);
    if (!ep) throw upstreamError('HUB_ERR_UPSTREAM_ACCESS_DENIED', where, { reason: 'no-callback-endpoint' });
    const body = callbackBody(e);
    const url = new URL(ep.url);
    const target = url.pathname + url.search;
    // A new X-Road-Id per attempt (message ids are unique per message); the event id stays the same.
    const messageId = randomUUID();
    const jws = o.sign(body, {
      [REQUEST_PARAM.method]: 'POST',
      [REQUEST_PARAM.target]: target,
      [REQUEST_PARAM.client]: o.client,
      [REQUEST_PARAM.id]: messageId,
      [REQUEST_PARAM.issue]: e.decisionId,
      [REQUEST_PARAM.issuedAt]: Math.floor(now() / 1000),
    });
    const answer = await postRaw(ep.url, body, {
      agent: agentFor(ep.url), signal, maxBytes: o.maxAnswerBytes ?? 64 * 1024, where,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, application/problem+json',
        [REST_HEADER.client]: o.client,
        [REST_HEADER.id]: messageId,
        [REST_HEADER.issue]: e.decisionId,
        [REST_HEADER.signature]: jws,
        [EVENT_ID_HEADER]: e.eventId,
      },
    });
    if (answer.status < 200 || answer.status > 299) {
      throw upstreamError(answer.status >= 500 ? 'HUB_ERR_UPSTREAM_SERVER_ERROR' : 'HUB_ERR_UPSTREAM_REJECTED', where, { httpStatus: answer.status });
    }
    if (ep.trust) await verifyAck(answer, ep.trust, messageId, restRequestHash(jws, body) as string, where, now());
  }

  return {
    send,
    close() { for (const a of agents.values()) a.destroy(); agents.clear(); },
  };
}

function headerOf(h: http.IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The acknowledgement is the agency's, for this request, now (the v2 answer binding). */
async function verifyAck(answer: { headers: http.IncomingHttpHeaders; body: Buffer }, trust: JwsTrust, messageId: string, requestHash: string, where: { provider: string; operation: string }, now: number): Promise<void> {
  const sig = headerOf(answer.headers, REST_HEADER.signature);
  if (!sig) throw upstreamError('HUB_ERR_UPSTREAM_SIGNATURE_INVALID', where, { reason: 'ack-unsigned' });
  let header: Record<string, unknown>;
  try {
    header = (await verifyDetachedJws(answer.body, sig, trust)).header;
  } catch (err) {
    throw fromVerifyError(err, where, { verifierParsesBody: false });
  }
  if (header[ANSWER_PARAM.id] !== messageId || header[ANSWER_PARAM.requestHash] !== requestHash) {
    throw upstreamError('HUB_ERR_UPSTREAM_NOT_BOUND', where, { reason: 'ack-not-bound' });
  }
  const iat = header[ANSWER_PARAM.issuedAt];
  if (typeof iat !== 'number' || iat * 1000 > now + ANSWER_CLOCK_SKEW_MS || iat * 1000 < now - ANSWER_MAX_AGE_MS - ANSWER_CLOCK_SKEW_MS) {
    throw upstreamError('HUB_ERR_UPSTREAM_STALE', where, { reason: 'ack-iat' });
  }
}

export type CallbackSender = ReturnType<typeof createCallbackSender>;
