/**
 * The REST side of the EHİS profile v2 for every REST mock agency (contracts/registries/README.md,
 * "REST"): what a request's X-Road headers and signature say, whether the signed parameters match
 * the request actually received, and the parameters an answer signs to bind itself to it.
 *
 * The signature itself is checked by the agency's `verifier` hook (it needs keys, which mocks/ does
 * not hold); the parameters are read here without it, which is enough to compare them with the
 * request: a request whose verifier passes has exactly these parameters signed.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Subject } from '../../contracts/hub/lookup-types';
import {
  ANSWER_CLOCK_SKEW_MS, ANSWER_MAX_AGE_MS, ANSWER_PARAM, REQUEST_PARAM, REST_HEADER, restRequestHash, subjectClaim,
} from '../../contracts/registries/xroad-profile';

export interface RestRequest {
  method: string;
  /** The request-target as received (origin form). */
  url: string;
  /** Headers the answer echoes (X-Road REST: the request's X-Road-Id, client, user, issue). */
  echo: Record<string, string>;
  /** The request's X-Road-Id, or one the agency made when there was none. */
  xRoadId: string;
  hasClient: boolean;
  /** restRequestHash of the request, when it was signed. */
  requestHash?: string;
  /** Why the signed parameters do not describe this request (the agency answers 401). */
  mismatch?: string;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function protectedHeader(jws: string): Record<string, unknown> | undefined {
  try {
    const h = JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString('utf8')) as unknown;
    return h !== null && typeof h === 'object' && !Array.isArray(h) ? (h as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What a v2 request signs must be what arrived: method, target, each X-Road header, a fresh time. */
function mismatchOf(params: Record<string, unknown> | undefined, req: IncomingMessage, now: number): string | undefined {
  if (!params) return 'signature header is not a JWS';
  if (params[REQUEST_PARAM.method] !== req.method) return 'htm';
  if (params[REQUEST_PARAM.target] !== req.url) return 'htu';
  const pairs: [string, string][] = [
    [REQUEST_PARAM.client, REST_HEADER.client], [REQUEST_PARAM.id, REST_HEADER.id],
    [REQUEST_PARAM.userId, REST_HEADER.userId], [REQUEST_PARAM.issue, REST_HEADER.issue],
  ];
  for (const [param, name] of pairs) if (params[param] !== header(req, name)) return param;
  const iat = params[REQUEST_PARAM.issuedAt];
  if (typeof iat !== 'number' || iat * 1000 > now + ANSWER_CLOCK_SKEW_MS || iat * 1000 < now - ANSWER_MAX_AGE_MS - ANSWER_CLOCK_SKEW_MS) return 'iat';
  return undefined;
}

export function readRestRequest(req: IncomingMessage, raw: Buffer, now = Date.now()): RestRequest {
  const xRoadId = header(req, REST_HEADER.id) ?? randomUUID();
  const echo: Record<string, string> = { [REST_HEADER.id]: xRoadId };
  const client = header(req, REST_HEADER.client);
  if (client) echo[REST_HEADER.client] = client;
  const userId = header(req, REST_HEADER.userId);
  if (userId) echo[REST_HEADER.userId] = userId;
  const issue = header(req, REST_HEADER.issue);
  if (issue) echo[REST_HEADER.issue] = issue;
  const out: RestRequest = { method: req.method ?? 'GET', url: req.url ?? '/', echo, xRoadId, hasClient: client !== undefined };
  const jws = header(req, REST_HEADER.signature);
  if (jws) {
    out.requestHash = restRequestHash(jws, raw);
    out.mismatch = out.requestHash ? mismatchOf(protectedHeader(jws), req, now) : 'signature is not a detached JWS';
    if (out.requestHash) echo[REST_HEADER.requestHash] = out.requestHash;
  }
  return out;
}

/**
 * The parameters an answer signs: the id and request hash it answers, the time, and — for an answer
 * about a subject (data or not-found) — that subject.
 */
export function answerParams(r: RestRequest, subject: Subject | undefined, now = Date.now()): Record<string, unknown> {
  const p: Record<string, unknown> = { [ANSWER_PARAM.id]: r.xRoadId, [ANSWER_PARAM.issuedAt]: Math.floor(now / 1000) };
  if (r.requestHash) p[ANSWER_PARAM.requestHash] = r.requestHash;
  if (subject) p[ANSWER_PARAM.subject] = subjectClaim(subject);
  return p;
}
