/**
 * Mock institutions of the scatter-gather categories (statute 11.2.13 banks, 11.2.17 utilities):
 * every institution is its own endpoint (its own port here, one process hosting all of them), signs
 * with its own agency certificate and has its own fault settings — so one bank can hang, fail or
 * answer about another person while the others answer normally. The protocol is the EHİS REST
 * profile v2 as the other REST registries speak it (docs/ehis-profiles.md): the request signature
 * must describe this very request, answers are bound to the request, the subject and a time, the
 * not-found problem names the subject and the X-Road-Id.
 */
import { isFin, isVoen } from '../../../contracts/registries/identifiers';
import { NOT_FOUND_MEMBER, REST_HEADER } from '../../../contracts/registries/xroad-profile';
import type { Subject } from '../../../contracts/registries/common-model';
import { type AgencyFaults } from '../../kit/faults';
import { type AgencyOptions, type AgencyProtocol, type MockAgency, startAgency } from '../../kit/agency-runtime';
import type { Answer } from '../../kit/deliver';
import { answerParams, readRestRequest, type RestRequest } from '../../kit/rest-request';
import type { SignerHooks } from '../../kit/signers';
import { jsonFlood } from '../../kit/xml-flood';
import { alterFirstValue, wrapJws } from '../phone/json-tamper';

export interface InstitutionContract {
  /** RFC 7807 problem type base of the contract, e.g. https://cbar.az/ehis/problems/. */
  problemBase: string;
  /** Path with the subject kind and id, e.g. /v1/customers/{kind}/{id}/accounts. */
  route: RegExp;
  path(subject: Subject): string;
  /** What this institution holds about the subject (the synthetic world), or undefined. */
  answer(subject: Subject, institutionId: string): unknown;
  /** Plain words for the not-found detail (no personal data). */
  notFoundDetail: string;
}

type ProblemKind = 'bad-request' | 'invalid-signature' | 'not-found' | 'internal-error' | 'unavailable';
const PROBLEMS: Readonly<Record<ProblemKind, { status: number; title: string; detail: string }>> = {
  'bad-request': { status: 400, title: 'Bad Request', detail: 'subject: expected fin/<7 of [0-9A-Z]> or voen/<10 digits>' },
  'invalid-signature': { status: 401, title: 'Unauthorized', detail: 'The request signature did not verify' },
  'not-found': { status: 404, title: 'Not Found', detail: 'Nothing registered for the requested subject' },
  'internal-error': { status: 500, title: 'Internal Server Error', detail: 'Internal error of the institution' },
  unavailable: { status: 503, title: 'Service Unavailable', detail: 'The institution is temporarily unavailable' },
};

interface Ctx extends RestRequest {
  subject?: Subject;
}

function json(status: number, contentType: string, value: unknown, echo: Record<string, string>): Answer {
  return { status, headers: { 'Content-Type': contentType, ...echo }, body: Buffer.from(JSON.stringify(value)) };
}

function text(status: number, body: string): Answer {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(body) };
}

function subjectOf(route: RegExp, url: string): Subject | undefined {
  const m = route.exec(url);
  if (!m) return undefined;
  try {
    const id = decodeURIComponent(m[2]);
    if (m[1] === 'fin') return isFin(id) ? { fin: id } : undefined;
    return isVoen(id) ? { voen: id } : undefined;
  } catch {
    return undefined;
  }
}

export function institutionProtocol(c: InstitutionContract, institutionId: string): AgencyProtocol<Ctx> {
  const problem = (kind: ProblemKind, ctx: Ctx, detail?: string): Answer => {
    const p = PROBLEMS[kind];
    return json(p.status, 'application/problem+json', { type: c.problemBase + kind, title: p.title, status: p.status, detail: detail ?? p.detail }, ctx.echo);
  };
  return {
    context(req, raw) {
      const r = readRestRequest(req, raw);
      return { ...r, subject: subjectOf(c.route, r.url) };
    },
    answer(ctx) {
      if (!c.route.test(ctx.url)) return text(404, 'no such route\n');
      if (ctx.method !== 'GET') return { ...text(405, 'method not allowed\n'), headers: { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET' } };
      if (ctx.mismatch) return problem('invalid-signature', ctx, `The request signature does not cover this request (${ctx.mismatch})`);
      if (!ctx.hasClient) return problem('bad-request', ctx, 'missing X-Road-Client header');
      // The data: about the subject of the path; the binding (`sub`): the subject this request asked
      // about (they differ only under the fault otherSubject).
      const asked = subjectOf(c.route, ctx.url);
      const about = ctx.subject;
      if (!asked || !about) return problem('bad-request', ctx);
      const found = c.answer(asked, institutionId);
      if (found === undefined) {
        const p = PROBLEMS['not-found'];
        const body = { type: c.problemBase + 'not-found', title: p.title, status: p.status, detail: c.notFoundDetail, [NOT_FOUND_MEMBER.subject]: asked, [NOT_FOUND_MEMBER.id]: ctx.xRoadId };
        return { ...json(404, 'application/problem+json', body, ctx.echo), about };
      }
      return { ...json(200, 'application/json', found, ctx.echo), about };
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
    hugeParts: (a) => ({ head: a.body.subarray(0, 1), tail: a.body.subarray(1) }),
    // The business answer about another person, under this request's binding (fault otherSubject).
    about: (ctx, fin) => ({ ...ctx, url: c.path({ fin }) }),
    withCurrentId: (earlier, ctx) => ({ ...earlier, headers: { ...earlier.headers, [REST_HEADER.id]: ctx.xRoadId } }),
    flood: (a, bytes) => ({ status: 200, headers: { ...a.headers, 'Content-Type': 'application/json' }, body: Buffer.from(jsonFlood(bytes)) }),
  };
}

export interface InstitutionMocksOptions extends Omit<AgencyOptions, 'signer' | 'signers' | 'faults' | 'port'> {
  /** The signer of each institution (its own agency certificate). */
  signerOf(institutionId: string): SignerHooks | undefined;
  /** Initial faults per institution. */
  faults?: Readonly<Record<string, AgencyFaults | string | undefined>>;
}

/** Starts one endpoint per institution; `urls[id]` is the base URL the hub calls. */
export async function startInstitutionMocks(c: InstitutionContract, ids: readonly string[], o: InstitutionMocksOptions): Promise<Record<string, MockAgency>> {
  const started = await Promise.allSettled(ids.map((id) => {
    const signer = o.signerOf(id);
    return startAgency(institutionProtocol(c, id), { ...o, port: 0, signer, signers: signer ? { default: signer } : undefined, faults: o.faults?.[id] }, '');
  }));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  return Object.fromEntries(ids.map((id, i) => [id, (started[i] as PromiseFulfilledResult<MockAgency>).value]));
}
