/**
 * The REST agency kit: a mock registry over the EHİS REST profile v2 (contracts/registries/README.md,
 * "REST") from a module's routes. A route is a method and a path pattern naming its subject
 * (`/v1/persons/{fin}/phone-numbers`, `/v1/taxpayers/{voen}`); the kit reads and checks the X-Road
 * headers and the request signature's parameters (kit/rest-request.ts), answers a malformed
 * identifier 400 `bad-request`, "nothing" 404 `not-found` naming the subject and the X-Road-Id
 * (profile v2), and does everything else through the agency runtime: signing, fault injection,
 * tampering.
 *
 * A route outside the contract is answered 404 text/plain, never a problem "not-found": a typo in
 * a path must not look like "nothing on file" (a false "nothing found" in a court file).
 */
import type { Subject } from '../../contracts/hub/lookup-types';
import { NOT_FOUND_MEMBER, REST_HEADER } from '../../contracts/registries/xroad-profile';
import type { AgencyModule } from './agency-module';
import { type AgencyOptions, type AgencyProtocol, startAgency } from './agency-runtime';
import type { Answer } from './deliver';
import { alterFirstValue, wrapJws } from './json-tamper';
import { answerParams, readRestRequest, type RestRequest } from './rest-request';
import { INVALID_SUBJECT_TEXT, kindOf, subjectOf, type SubjectKind, validSubject, valueOf } from './subjects';
import { jsonFlood } from './xml-flood';

export type ProblemKind = 'bad-request' | 'invalid-signature' | 'not-found' | 'internal-error' | 'unavailable';

export interface RestRoute {
  method: 'GET' | 'POST';
  /** Path pattern(s) with one `{fin}` or `{voen}` segment. */
  path: string | string[];
  /** The 200 body about the subject, or nothing on file. */
  answer(subject: Subject): unknown | { notFound: true } | undefined;
}

export interface RestAgencySpec {
  id: string;
  /** Base URI of the problem types (RFC 7807 `type`), ending in '/'. */
  problemBase: string;
  routes: Record<string, RestRoute>;
  /** Problem `detail` texts of this register; the EHİS defaults otherwise. Never personal data. */
  problemDetail?: Partial<Record<ProblemKind, string>>;
}

const STATUS: Readonly<Record<ProblemKind, { status: number; title: string }>> = {
  'bad-request': { status: 400, title: 'Bad Request' },
  'invalid-signature': { status: 401, title: 'Unauthorized' },
  'not-found': { status: 404, title: 'Not Found' },
  'internal-error': { status: 500, title: 'Internal Server Error' },
  unavailable: { status: 503, title: 'Service Unavailable' },
};

interface CompiledRoute { op: string; method: string; kind: SubjectKind; re: RegExp; template: string }

function compile(routes: Record<string, RestRoute>): CompiledRoute[] {
  return Object.entries(routes).flatMap(([op, r]) => (Array.isArray(r.path) ? r.path : [r.path]).map((template) => {
    const m = /\{(fin|voen)\}/.exec(template);
    if (!m) throw new Error(`route ${op} ${template}: no {fin} or {voen} segment`);
    const [before, after] = template.split(m[0]).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return { op, method: r.method, kind: m[1] as SubjectKind, re: new RegExp(`^${before}([^/?#]*)${after}/?(?:\\?.*)?$`), template };
  }));
}

interface RestCtx extends RestRequest {
  route?: CompiledRoute;
  /** The subject the path asks about, when valid: what the answer's `sub` names. */
  subject?: Subject;
  /** Why the path's identifier is not one. */
  invalid?: string;
  /** Fault otherSubject: whom the business answer is about instead. */
  about?: Subject;
}

/** A REST mock agency of a registry module. */
export function restAgency(spec: RestAgencySpec): AgencyModule {
  const routes = compile(spec.routes);
  const detail: Record<ProblemKind, string> = {
    'bad-request': 'Invalid request',
    'invalid-signature': 'The request signature did not verify',
    'not-found': 'No record about the requested subject',
    'internal-error': `Internal error of the ${spec.id} register`,
    unavailable: `The ${spec.id} register is temporarily unavailable`,
    ...spec.problemDetail,
  };
  const json = (status: number, contentType: string, value: unknown, echo: Record<string, string>): Answer =>
    ({ status, headers: { 'Content-Type': contentType, ...echo }, body: Buffer.from(JSON.stringify(value)) });
  const problem = (kind: ProblemKind, ctx: RestCtx, text?: string, extra: Record<string, unknown> = {}): Answer => {
    const p = STATUS[kind];
    return json(p.status, 'application/problem+json', { type: spec.problemBase + kind, title: p.title, status: p.status, detail: text ?? detail[kind], ...extra }, ctx.echo);
  };
  const plain = (status: number, body: string, more: Record<string, string> = {}): Answer =>
    ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...more }, body: Buffer.from(body) });

  const protocol: AgencyProtocol<RestCtx> = {
    context(req, raw) {
      const r: RestCtx = readRestRequest(req, raw);
      for (const route of routes) {
        const m = route.re.exec(r.url);
        if (!m) continue;
        r.route = route;
        let value: string | undefined;
        try { value = decodeURIComponent(m[1]); } catch { value = undefined; }
        r.subject = validSubject(route.kind, value);
        if (!r.subject) r.invalid = INVALID_SUBJECT_TEXT[route.kind];
        break;
      }
      return r;
    },
    answer(ctx) {
      const route = ctx.route;
      if (!route) return plain(404, 'no such route\n');
      if (ctx.method !== route.method) return plain(405, 'method not allowed\n', { Allow: route.method });
      if (ctx.mismatch) return problem('invalid-signature', ctx, `The request signature does not cover this request (${ctx.mismatch})`);
      if (!ctx.hasClient) return problem('bad-request', ctx, 'missing X-Road-Client header');
      if (!ctx.subject) return problem('bad-request', ctx, ctx.invalid);
      const content = ctx.about ?? ctx.subject;
      const body = spec.routes[route.op].answer(content);
      if (body === undefined || (body !== null && typeof body === 'object' && 'notFound' in body)) {
        // Profile v2: the not-found problem names the subject and the X-Road-Id it answers.
        const named = { [kindOf(content)]: valueOf(content) };
        return { ...problem('not-found', ctx, undefined, { [NOT_FOUND_MEMBER.subject]: named, [NOT_FOUND_MEMBER.id]: ctx.xRoadId }), about: ctx.subject };
      }
      return { ...json(200, 'application/json', body, ctx.echo), about: ctx.subject };
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
    about: (ctx, other) => ({ ...ctx, about: subjectOf(other) }),
    withCurrentId: (earlier, ctx) => ({ ...earlier, headers: { ...earlier.headers, [REST_HEADER.id]: ctx.xRoadId } }),
    flood: (a, bytes) => ({ status: 200, headers: { ...a.headers, 'Content-Type': 'application/json' }, body: Buffer.from(jsonFlood(bytes)) }),
  };

  return { id: spec.id, protocol: 'rest', start: (options: AgencyOptions = {}) => startAgency(protocol, options, '') };
}
