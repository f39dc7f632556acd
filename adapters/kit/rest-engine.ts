/**
 * The EHİS REST engine (X-Road message protocol for REST 1.0 style, contracts/registries/README.md):
 * X-Road-Client / -Id / -UserId / -Issue headers, a detached JWS over the request body in
 * X-Road-Signature (injected signer), axios over a keep-alive agent with the caller's AbortSignal and
 * a streaming size limit (maxContentLength), then: content type → the answer's detached JWS verified
 * (injected) over the exact body bytes BEFORE the body is parsed → echoed X-Road-Id → problem+json
 * (RFC 7807) through the fault table, or the body through the operation's pure mapper → model schema.
 */
import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { HubError } from '../../contracts/hub';
import type { XRoadSubsystem } from '../../registry/types';
import type { MapResult, RestAdapterDescriptor, RestOperation } from './descriptor';
import { mediaType, sha256Hex, type Engine, type EngineAnswer, type EngineCall, type ModelCheck } from './engine-types';
import { matchFault, matchUnsignedFault } from './fault-matcher';
import { abortReason } from './http-post';
import type { RestSign, RestVerify } from './seams';
import { fromNetworkError, fromVerifyError, upstreamError, type UpstreamWhere } from './upstream-errors';

export interface RestEngineOptions {
  descriptor: RestAdapterDescriptor;
  endpoint: string;
  client: XRoadSubsystem;
  sign: RestSign;
  verify: RestVerify;
  checkModel: ModelCheck;
  maxAnswerBytes: number;
  maxSockets: number;
}

const EMPTY = Buffer.alloc(0);

/** X-Road REST identifier form: INSTANCE/CLASS/CODE/SUBSYSTEM. */
export function xroadClientHeader(c: XRoadSubsystem): string {
  return `${c.instance}/${c.memberClass}/${c.memberCode}/${c.subsystemCode}`;
}

export function createRestEngine(o: RestEngineOptions): Engine {
  const agentOpts = { keepAlive: true, maxSockets: o.maxSockets, keepAliveMsecs: 1000 };
  const httpAgent = new http.Agent(agentOpts);
  const httpsAgent = new https.Agent(agentOpts);
  const ax: AxiosInstance = axios.create({
    httpAgent,
    httpsAgent,
    proxy: false, // the EHİS endpoint is configured explicitly; no proxy from the environment
    maxRedirects: 0, // a redirect is not part of the contract: it is a bad answer, never followed
    responseType: 'arraybuffer', // the exact bytes: they are hashed and their JWS verified
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    maxContentLength: o.maxAnswerBytes, // enforced while streaming by axios' http adapter
    decompress: true,
  });
  const ops = new Map<string, RestOperation>(o.descriptor.operations.map((op) => [op.name, op]));
  const clientHeader = xroadClientHeader(o.client);
  const base = o.endpoint.replace(/\/+$/, '');
  const faults = o.descriptor.faults;

  async function call(operation: string, c: EngineCall): Promise<EngineAnswer> {
    const op = ops.get(operation);
    if (!op) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: o.descriptor.provider, operation, reason: 'unknown-operation' } });
    const where: UpstreamWhere = { provider: o.descriptor.provider, operation };
    const requestBody = op.body ? Buffer.from(JSON.stringify(op.body(c.params)), 'utf8') : EMPTY;
    let jws: string;
    try {
      jws = o.sign(requestBody);
    } catch (err) {
      throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { ...where, reason: 'request-signing-failed' }, cause: err });
    }
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'X-Road-Client': clientHeader,
      'X-Road-Id': c.messageId,
      'X-Road-UserId': c.params.userId,
      'X-Road-Issue': c.params.caseNumber,
      'X-Road-Signature': jws,
    };
    if (op.body) headers['Content-Type'] = 'application/json';
    const path = op.path(c.params);
    // What was sent, hashed: the request line and the signed headers bind the query (a GET has no body).
    const requestHash = sha256Hex(Buffer.concat([Buffer.from(`${op.method} ${path}\n${c.messageId}\n${jws}\n`, 'utf8'), requestBody]));

    if (c.signal.aborted) throw abortReason(c.signal, where);
    let res;
    try {
      res = await ax.request<ArrayBuffer>({ method: op.method, url: base + path, headers, data: op.body ? requestBody : undefined, signal: c.signal });
    } catch (err) {
      throw fromAxiosError(err, c.signal, where, o.maxAnswerBytes);
    }
    const body = Buffer.from(res.data ?? EMPTY);
    const responseHash = sha256Hex(body);
    const status = res.status;
    const ct = mediaType(res.headers['content-type'] as string | undefined);
    const sig = res.headers['x-road-signature'] as string | undefined;
    const echoedId = res.headers['x-road-id'] as string | undefined;

    if (ct !== 'application/json' && ct !== 'application/problem+json') {
      if (status >= 400) throw upstreamError(matchUnsignedFault(faults, { httpStatus: status }), where, { httpStatus: status, reason: 'not-json' });
      throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: status, reason: 'content-type' });
    }
    try {
      await o.verify(body, sig);
    } catch (err) {
      const e = fromVerifyError(err, where, { verifierParsesBody: false });
      // Unsigned error answers keep their meaning as errors only; "not found" needs a signature.
      if (status >= 400 && e.code === 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID') {
        const problemType = readProblemType(body);
        throw upstreamError(matchUnsignedFault(faults, { httpStatus: status, problemType }), where, { httpStatus: status, problemType, signed: false }, err);
      }
      throw e;
    }

    let result: MapResult;
    if (status >= 400) {
      const problemType = readProblemType(body);
      const r = matchFault(faults, { httpStatus: status, problemType });
      if (r !== 'not-found') throw upstreamError(r, where, { httpStatus: status, problemType });
      if (echoedId !== c.messageId) throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'id-mismatch' });
      result = { outcome: 'not-found' };
    } else {
      if (status < 200 || status > 299 || ct !== 'application/json') {
        throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: status, reason: status >= 300 ? 'status' : 'content-type' });
      }
      if (echoedId !== c.messageId) throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'id-mismatch' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch (err) {
        throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'json' }, err);
      }
      try {
        result = op.mapResponse(parsed);
      } catch (err) {
        throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'mapper' }, err);
      }
      if (result.outcome === 'ok') o.checkModel(operation, result.data);
    }
    return { result, requestHash, responseHash, signedAnswer: body.toString('base64') };
  }

  return {
    call,
    close: () => { httpAgent.destroy(); httpsAgent.destroy(); },
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

function fromAxiosError(err: unknown, signal: AbortSignal, where: UpstreamWhere, limit: number): HubError {
  if (HubError.is(err)) return err;
  if (signal.aborted || axios.isCancel(err)) return abortReason(signal, where);
  if (err instanceof AxiosError) {
    if (/maxContentLength/.test(err.message)) return upstreamError('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', where, { limit }, err);
    // A response that started and then broke off (socket closed mid-body).
    if (err.response === undefined && err.code === AxiosError.ERR_BAD_RESPONSE) {
      return upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', where, { reason: 'truncated' }, err);
    }
  }
  return fromNetworkError(err, where);
}
