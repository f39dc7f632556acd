/**
 * The EHİS REST engine, profile v2 (contracts/registries/README.md, "REST"): X-Road-Client / -Id /
 * -UserId / -Issue headers and X-Road-Signature, a detached JWS over the body whose protected header
 * also binds the method, the request-target, those X-Road headers and the time (injected signer);
 * one HTTP exchange over a keep-alive agent with the caller's AbortSignal and a streaming size limit
 * (http-post.ts: no redirects, content codings decoded under the limit). Then:
 * content type → the answer's JWS verified (injected) over the exact body bytes BEFORE the body is
 * parsed → problem+json (RFC 7807) through the fault table, errors end here → for a result (data or
 * not-found): the signed id, the replay cache, the signed request hash and `iat` (answer-binding.ts),
 * the signed `sub` and the subject at the descriptor's place (subject-binding.ts) → the operation's
 * pure mapper → model schema.
 */
import { HubError, subjectKind } from '../../contracts/hub';
import { ANSWER_PARAM, NOT_FOUND_MEMBER, REQUEST_PARAM, REST_HEADER, restRequestHash } from '../../contracts/registries/xroad-profile';
import type { XRoadSubsystem } from '../../registry/types';
import { compareHash, requireFresh, requireId, requireRequestHash } from './answer-binding';
import type { MapResult, RestAdapterDescriptor, RestOperation } from './descriptor';
import { mediaType, sha256Hex, type Engine, type EngineAnswer, type EngineCall, type ModelCheck } from './engine-types';
import { matchFault, matchUnsignedFault } from './fault-matcher';
import { ACCEPT_ENCODING, createAgent, httpTarget, requestRaw } from './http-post';
import { consumeAnswerId, type ReplayGuard } from './replay-guard';
import type { RestSign, RestVerify } from './seams';
import { jsonSubjectAt, requireSubject, requireSubjectClaim } from './subject-binding';
import { fromVerifyError, upstreamError, type UpstreamWhere } from './upstream-errors';

export interface RestEngineOptions {
  descriptor: RestAdapterDescriptor;
  endpoint: string;
  client: XRoadSubsystem;
  sign: RestSign;
  verify: RestVerify;
  checkModel: ModelCheck;
  /** The replay cache shared by all adapter nodes (replay-guard.ts). */
  replay: ReplayGuard;
  maxAnswerBytes: number;
  maxSockets: number;
  /** Clock, epoch ms (tests). */
  now?: () => number;
}

const EMPTY = Buffer.alloc(0);

/** X-Road REST identifier form: INSTANCE/CLASS/CODE/SUBSYSTEM. */
export function xroadClientHeader(c: XRoadSubsystem): string {
  return `${c.instance}/${c.memberClass}/${c.memberCode}/${c.subsystemCode}`;
}

export function createRestEngine(o: RestEngineOptions): Engine {
  // The EHİS endpoint is configured explicitly: no proxy from the environment. The exact bytes of
  // the answer are kept: they are hashed and their JWS verified.
  const agent = createAgent(o.endpoint, o.maxSockets);
  const ops = new Map<string, RestOperation>(o.descriptor.operations.map((op) => [op.name, op]));
  const clientHeader = xroadClientHeader(o.client);
  const base = o.endpoint.replace(/\/+$/, '');
  const faults = o.descriptor.faults;

  const now = o.now ?? Date.now;

  async function call(operation: string, c: EngineCall): Promise<EngineAnswer> {
    const op = ops.get(operation);
    if (!op) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: o.descriptor.provider, operation, reason: 'unknown-operation' } });
    const where: UpstreamWhere = { provider: o.descriptor.provider, operation };
    const requestBody = op.body ? Buffer.from(JSON.stringify(op.body(c.params)), 'utf8') : EMPTY;
    // The request-target exactly as it goes on the request line: what `htu` must say.
    const url = new URL(base + op.path(c.params));
    const target = url.pathname + url.search;
    let jws: string;
    try {
      jws = o.sign(requestBody, {
        [REQUEST_PARAM.method]: op.method,
        [REQUEST_PARAM.target]: target,
        [REQUEST_PARAM.client]: clientHeader,
        [REQUEST_PARAM.id]: c.messageId,
        [REQUEST_PARAM.userId]: c.params.userId,
        [REQUEST_PARAM.issue]: c.params.caseNumber,
        [REQUEST_PARAM.issuedAt]: Math.floor(now() / 1000),
      });
    } catch (err) {
      throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { ...where, reason: 'request-signing-failed' }, cause: err });
    }
    const expectedHash = restRequestHash(jws, requestBody);
    if (!expectedHash) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { ...where, reason: 'request-signature-not-detached' } });
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'Accept-Encoding': ACCEPT_ENCODING,
      [REST_HEADER.client]: clientHeader,
      [REST_HEADER.id]: c.messageId,
      [REST_HEADER.userId]: c.params.userId,
      [REST_HEADER.issue]: c.params.caseNumber,
      [REST_HEADER.signature]: jws,
    };
    if (op.body) headers['Content-Type'] = 'application/json';

    const res = await requestRaw(op.method, httpTarget(url, target), op.body ? requestBody : undefined, {
      agent, signal: c.signal, maxBytes: o.maxAnswerBytes, headers, where,
    });
    const body = res.body;
    const responseHash = sha256Hex(body);
    const status = res.status;
    const ct = mediaType(res.headers['content-type'] as string | undefined);
    const sig = res.headers['x-road-signature'] as string | undefined;

    if (ct !== 'application/json' && ct !== 'application/problem+json') {
      if (status >= 400) throw upstreamError(matchUnsignedFault(faults, { httpStatus: status }), where, { httpStatus: status, reason: 'not-json' });
      throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: status, reason: 'content-type' });
    }
    let signed: Readonly<Record<string, unknown>>;
    try {
      signed = (await o.verify(body, sig)).header;
    } catch (err) {
      const e = fromVerifyError(err, where, { verifierParsesBody: false });
      // Unsigned error answers keep their meaning as errors only; "not found" needs a signature.
      if (status >= 400 && e.code === 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID') {
        const problemType = readProblemType(body);
        throw upstreamError(matchUnsignedFault(faults, { httpStatus: status, problemType }), where, { httpStatus: status, problemType, signed: false }, err);
      }
      throw e;
    }

    let notFound = false;
    if (status >= 400) {
      const problemType = readProblemType(body);
      const r = matchFault(faults, { httpStatus: status, problemType });
      if (r !== 'not-found') throw upstreamError(r, where, { httpStatus: status, problemType });
      notFound = true;
    } else if (status < 200 || status > 299 || ct !== 'application/json') {
      throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: status, reason: status >= 300 ? 'status' : 'content-type' });
    }

    // A result: bound to this message, fresh, used once, about the subject asked.
    requireId(signed[ANSWER_PARAM.id], c.messageId, where);
    await consumeAnswerId(o.replay, where, c.messageId);
    requireRequestHash(compareHash(signed[ANSWER_PARAM.requestHash], expectedHash), where);
    requireFresh(signed[ANSWER_PARAM.issuedAt], now(), where);
    requireSubjectClaim(signed[ANSWER_PARAM.subject], c.params.subject, where, notFound ? 'not-found' : 'data');
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (err) {
      throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'json' }, err);
    }
    const kind = subjectKind(c.params.subject);
    let result: MapResult;
    if (notFound) {
      if (jsonSubjectAt(parsed, `/${NOT_FOUND_MEMBER.id}`) !== c.messageId) throw upstreamError('HUB_ERR_UPSTREAM_NOT_BOUND', where, { reason: 'problem-id-mismatch' });
      requireSubject(jsonSubjectAt(parsed, op.answerSubject.notFound[kind]!), c.params.subject, where, 'not-found');
      result = { outcome: 'not-found' };
    } else {
      requireSubject(jsonSubjectAt(parsed, op.answerSubject.data[kind]!), c.params.subject, where, 'data');
      try {
        result = op.mapResponse(parsed);
      } catch (err) {
        throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'mapper' }, err);
      }
      if (result.outcome === 'ok') o.checkModel(operation, result.data);
    }
    return {
      result,
      requestHash: Buffer.from(expectedHash, 'base64').toString('hex'),
      responseHash,
      signedAnswer: body.toString('base64'),
      answerSignature: sig,
    };
  }

  return {
    call,
    close: () => agent.destroy(),
  };
}

function readProblemType(body: Buffer): string | undefined {
  try {
    const p = JSON.parse(body.toString('utf8')) as { type?: unknown };
    return typeof p?.type === 'string' ? p.type : undefined;
  } catch {
    return undefined;
  }
}
