/**
 * Mock telecom register (11.2.3): plain node:http per phone.openapi.json.
 * GET /v1/persons/{fin}/phone-numbers with the X-Road REST headers; answers echo X-Road-Id and
 * carry X-Road-Signature when a signer is configured; errors are RFC 7807 problem+json.
 *
 * A route outside the contract is answered 404 text/plain, never a problem "not-found": a typo in
 * a path must not look like "this person has no numbers" (STYLE.md: a false "nothing found").
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isFin } from '../../../contracts/registries/identifiers';
import { findPhoneNumbers } from '../../population-data/phones';
import { type AgencyOptions, type AgencyProtocol, type MockAgency, startAgency } from '../../kit/agency-runtime';
import type { Answer } from '../../kit/deliver';
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

interface RestCtx {
  method: string;
  url: string;
  /** Echoed headers (X-Road REST: the answer carries the request's X-Road-Id). */
  echo: Record<string, string>;
  xRoadId: string;
  hasClient: boolean;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
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

const phoneProtocol: AgencyProtocol<RestCtx> = {
  context(req) {
    const xRoadId = header(req, 'x-road-id') ?? randomUUID();
    const echo: Record<string, string> = { 'X-Road-Id': xRoadId };
    const client = header(req, 'x-road-client');
    if (client) echo['X-Road-Client'] = client;
    const userId = header(req, 'x-road-userid');
    if (userId) echo['X-Road-UserId'] = userId;
    const issue = header(req, 'x-road-issue');
    if (issue) echo['X-Road-Issue'] = issue;
    return { method: req.method ?? 'GET', url: req.url ?? '/', echo, xRoadId, hasClient: client !== undefined };
  },
  answer(ctx) {
    const route = ROUTE.exec(ctx.url);
    if (!route) return text(404, 'no such route\n');
    if (ctx.method !== 'GET') return { ...text(405, 'method not allowed\n'), headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET' } };
    if (!ctx.hasClient) return problem('bad-request', ctx, 'missing X-Road-Client header');
    let fin: string;
    try {
      fin = decodeURIComponent(route[1]);
    } catch {
      return problem('bad-request', ctx);
    }
    if (!isFin(fin)) return problem('bad-request', ctx);
    const numbers = findPhoneNumbers(fin);
    if (!numbers) return problem('not-found', ctx);
    return json(200, 'application/json', numbers, ctx.echo);
  },
  serverError: (ctx, kind) => problem(kind === 'error' ? 'internal-error' : 'unavailable', ctx),
  signatureRejected: (ctx) => problem('invalid-signature', ctx),
  sign: (answer, hooks, ctx) => (hooks.rest ? { ...answer, headers: { ...answer.headers, ...hooks.rest(answer.body, { xRoadId: ctx.xRoadId }) } } : answer),
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
};

/** Starts the mock telecom register; `url` is its base URL (paths per phone.openapi.json). */
export function startPhoneMock(options: AgencyOptions = {}): Promise<MockAgency> {
  return startAgency(phoneProtocol, options, '');
}
