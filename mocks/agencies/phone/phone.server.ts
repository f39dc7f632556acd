/**
 * Mock telecom register (11.2.3): plain node:http per phone.openapi.json, EHİS REST profile v2.
 * GET /v1/persons/{fin}/phone-numbers with the X-Road REST headers and a request signature whose
 * parameters must describe this very request (mocks/kit/rest-request.ts; a mismatch is a 401);
 * answers echo X-Road-Id and carry X-Road-Signature binding them to the request, the subject and a
 * time when a signer is configured; errors are RFC 7807 problem+json, the not-found one naming the
 * subject and the X-Road-Id.
 *
 * A route outside the contract is answered 404 text/plain, never a problem "not-found": a typo in
 * a path must not look like "this person has no numbers" (a false "nothing found" in a court file).
 */
import { isFin } from '../../../contracts/registries/identifiers';
import { NOT_FOUND_MEMBER, REST_HEADER } from '../../../contracts/registries/xroad-profile';
import { findPhoneNumbers } from '../../population-data/phones';
import { type AgencyOptions, type AgencyProtocol, type MockAgency, startAgency } from '../../kit/agency-runtime';
import type { Answer } from '../../kit/deliver';
import { answerParams, readRestRequest, type RestRequest } from '../../kit/rest-request';
import { jsonFlood } from '../../kit/xml-flood';
import { alterFirstValue, wrapJws } from './json-tamper';

export const PROBLEM_BASE = 'https://phone.gov.az/problems/';
const ROUTE = /^\/v1\/persons\/([^/?#]*)\/phone-numbers\/?(?:\?.*)?$/;

export type ProblemKind = 'bad-request' | 'invalid-signature' | 'not-found' | 'internal-error' | 'unavailable';
const PROBLEMS: Readonly<Record<ProblemKind, { status: number; title: string; detail: string }>> = {
  'bad-request': { status: 400, title: 'Bad Request', detail: 'fin: expected 7 characters of [0-9A-Z]' },
  'invalid-signature': { status: 401, title: 'Unauthorized', detail: 'The request signature did not verify' },
  'not-found': { status: 404, title: 'Not Found', detail: 'No phone numbers registered for the requested FIN' },
  'internal-error': { status: 500, title: 'Internal Server Error', detail: 'Internal error of the telecom register' },
  unavailable: { status: 503, title: 'Service Unavailable', detail: 'The telecom register is temporarily unavailable' },
};

interface RestCtx extends RestRequest {
  /** The FIN the request asks about, when the path holds a valid one: what the answer's `sub` names. */
  fin?: string;
}

function json(status: number, contentType: string, value: unknown, echo: Record<string, string>): Answer {
  return { status, headers: { 'Content-Type': contentType, ...echo }, body: Buffer.from(JSON.stringify(value)) };
}

export function problem(kind: ProblemKind, ctx: RestCtx, detail?: string): Answer {
  const p = PROBLEMS[kind];
  return json(p.status, 'application/problem+json', { type: PROBLEM_BASE + kind, title: p.title, status: p.status, detail: detail ?? p.detail }, ctx.echo);
}

function text(status: number, body: string): Answer {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(body) };
}

function finOf(url: string): string | undefined {
  const route = ROUTE.exec(url);
  if (!route) return undefined;
  try {
    const fin = decodeURIComponent(route[1]);
    return isFin(fin) ? fin : undefined;
  } catch {
    return undefined;
  }
}

const phoneProtocol: AgencyProtocol<RestCtx> = {
  context(req, raw) {
    const r = readRestRequest(req, raw);
    return { ...r, fin: finOf(r.url) };
  },
  answer(ctx) {
    const route = ROUTE.exec(ctx.url);
    if (!route) return text(404, 'no such route\n');
    if (ctx.method !== 'GET') return { ...text(405, 'method not allowed\n'), headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET' } };
    if (ctx.mismatch) return problem('invalid-signature', ctx, `The request signature does not cover this request (${ctx.mismatch})`);
    if (!ctx.hasClient) return problem('bad-request', ctx, 'missing X-Road-Client header');
    const fin = finOf(ctx.url);
    if (!fin || !ctx.fin) return problem('bad-request', ctx);
    const about = { fin: ctx.fin };
    const numbers = findPhoneNumbers(fin);
    if (!numbers) {
      // Profile v2: the not-found problem names the subject and the X-Road-Id it answers.
      const p = PROBLEMS['not-found'];
      const body = { type: PROBLEM_BASE + 'not-found', title: p.title, status: p.status, detail: p.detail, [NOT_FOUND_MEMBER.subject]: { fin }, [NOT_FOUND_MEMBER.id]: ctx.xRoadId };
      return { ...json(404, 'application/problem+json', body, ctx.echo), about };
    }
    return { ...json(200, 'application/json', numbers, ctx.echo), about };
  },
  serverError: (ctx, kind) => problem(kind === 'error' ? 'internal-error' : 'unavailable', ctx),
  signatureRejected: (ctx) => problem('invalid-signature', ctx),
  sign: (answer, hooks, ctx) => (hooks.rest ? { ...answer, headers: { ...answer.headers, ...hooks.rest(answer.body, answerParams(ctx, answer.about)) } } : answer),
  badSignature: (a) => ({ ...a, body: alterFirstValue(a.body) }),
  wrapSignature(a) {
    const jws = a.headers['X-Road-Signature'];
    const headers = jws ? { ...a.headers, 'X-Road-Signature': wrapJws(jws, a.body) } : a.headers;
    return { ...a, headers, body: alterFirstValue(a.body) };
  },
  hugeParts(a) {
    // Insignificant whitespace after the opening brace keeps the JSON valid.
    return { head: a.body.subarray(0, 1), tail: a.body.subarray(1) };
  },
  about: (ctx, fin) => ({ ...ctx, url: `/v1/persons/${encodeURIComponent(fin)}/phone-numbers` }),
  withCurrentId: (earlier, ctx) => ({ ...earlier, headers: { ...earlier.headers, [REST_HEADER.id]: ctx.xRoadId } }),
  flood: (a, bytes) => ({ status: 200, headers: { ...a.headers, 'Content-Type': 'application/json' }, body: Buffer.from(jsonFlood(bytes)) }),
};

/** Starts the mock telecom register; `url` is its base URL (paths per phone.openapi.json). */
export function startPhoneMock(options: AgencyOptions = {}): Promise<MockAgency> {
  return startAgency(phoneProtocol, options, '');
}
