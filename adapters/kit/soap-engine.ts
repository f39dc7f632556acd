/**
 * The EHİS SOAP engine (X-Road message protocol 4.0 over SOAP 1.1, WS-Security). Per call:
 * envelope from the precompiled template → sign (injected: signing/wss with the hub key) → POST over a
 * keep-alive agent, aborted by the breaker timeout or the deadline → size limit while streaming →
 * content type → signature and Timestamp verified (injected) BEFORE anything in the answer is read →
 * SOAP fault through the fault table, errors end here → for a result (data or not-found): the signed
 * xrd:id, the replay cache, the signed xrd:requestHash (answer-binding.ts), the subject at the
 * descriptor's place (subject-binding.ts) → the operation's pure mapper → model schema. node-soap
 * only checks the WSDL at start-up (wsdl-check.ts explains why).
 */
import type http from 'node:http';
import type { XRoadSubsystem } from '../../registry/types';
import { HubError, subjectKind } from '../../contracts/hub';
import { soapRequestHash } from '../../contracts/registries/xroad-profile';
import { onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import { parseXml } from '../../signing/xml/parse-xml';
import type { MapResult, SoapAdapterDescriptor, SoapOperation } from './descriptor';
import { mediaType, sha256Hex, type Engine, type EngineAnswer, type EngineCall, type ModelCheck } from './engine-types';
import { compareHash, requireId, requireRequestHash } from './answer-binding';
import { matchFault, matchUnsignedFault } from './fault-matcher';
import { createAgent, postRaw } from './http-post';
import { consumeAnswerId, type ReplayGuard } from './replay-guard';
import type { SoapSign, SoapVerify, VerifiedSoapAnswer } from './seams';
import { requireSubject, xmlSubjectAt } from './subject-binding';
import { compileEnvelope, NS_SOAP } from './xroad-envelope';
import { fromVerifyError, upstreamError, type UpstreamWhere } from './upstream-errors';

export interface SoapEngineOptions {
  descriptor: SoapAdapterDescriptor;
  endpoint: string;
  /** The hub's X-Road client subsystem and the provider's (registry ProviderEntry.xroad). */
  client: XRoadSubsystem;
  provider: XRoadSubsystem;
  sign: SoapSign;
  verify: SoapVerify;
  checkModel: ModelCheck;
  /** The replay cache shared by all adapter nodes (replay-guard.ts). */
  replay: ReplayGuard;
  maxAnswerBytes: number;
  /** Sockets kept per endpoint; the breaker capacity is the natural bound. */
  maxSockets: number;
  agent?: http.Agent;
}

// SOAP 1.1 §6: text/xml. A provider behind a SOAP 1.2-minded proxy may say application/soap+xml.
const XML_TYPES = new Set(['text/xml', 'application/soap+xml']);

interface Compiled { op: SoapOperation; render: ReturnType<typeof compileEnvelope> }

export function createSoapEngine(o: SoapEngineOptions): Engine {
  const agent = o.agent ?? createAgent(o.endpoint, o.maxSockets);
  const ops = new Map<string, Compiled>();
  for (const op of o.descriptor.operations) {
    ops.set(op.name, { op, render: compileEnvelope(o.client, o.provider, op) });
  }
  const faults = o.descriptor.faults;

  async function call(operation: string, c: EngineCall): Promise<EngineAnswer> {
    const compiled = ops.get(operation);
    if (!compiled) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: o.descriptor.provider, operation, reason: 'unknown-operation' } });
    const { op, render } = compiled;
    const where: UpstreamWhere = { provider: o.descriptor.provider, operation };

    let signed: string;
    try {
      signed = o.sign(render({ id: c.messageId, userId: c.params.userId, issue: c.params.caseNumber, payload: op.buildRequest(c.params) }));
    } catch (err) {
      throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { ...where, reason: 'request-signing-failed' }, cause: err });
    }
    const requestBytes = Buffer.from(signed, 'utf8');
    const requestHash = sha256Hex(requestBytes);

    const answer = await postRaw(o.endpoint, requestBytes, {
      agent,
      signal: c.signal,
      maxBytes: o.maxAnswerBytes,
      where,
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${op.soapAction ?? ''}"`, Accept: 'text/xml' },
    });
    const responseHash = sha256Hex(answer.body);
    const status = answer.status;

    // An HTML error page of a proxy, a JSON body...: no SOAP to read. Errors keep the HTTP meaning.
    if (!XML_TYPES.has(mediaType(answer.headers['content-type']))) {
      if (status >= 400) throw upstreamError(matchUnsignedFault(faults, { httpStatus: status }), where, { httpStatus: status, reason: 'not-soap' });
      throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: status, reason: 'content-type' });
    }

    let verified: VerifiedSoapAnswer;
    try {
      verified = await o.verify(answer.body);
    } catch (err) {
      const e = fromVerifyError(err, where, { verifierParsesBody: true });
      // An unsigned SOAP fault on an HTTP error status (e.g. from the security server in front of the
      // provider) is reported by its fault code, but only ever as an error: an unsigned answer never
      // becomes data or a "not found" (matchUnsignedFault). Everything else unsigned is refused.
      if (status >= 400 && e.code === 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID') {
        const faultCode = readUnsignedFaultCode(answer.body, o.maxAnswerBytes);
        const code = faultCode !== undefined ? matchUnsignedFault(faults, { soapFaultCode: faultCode }) : matchUnsignedFault(faults, { httpStatus: status });
        throw upstreamError(code, where, { httpStatus: status, faultCode, signed: false }, err);
      }
      throw e;
    }
    const payload = verified.body;
    const fault = payload.ns === NS_SOAP && payload.local === 'Fault' ? payload : undefined;
    if (fault) {
      const faultCode = faultCodeOf(fault);
      const r = matchFault(faults, { soapFaultCode: faultCode, httpStatus: status });
      if (r !== 'not-found') throw upstreamError(r, where, { httpStatus: status, faultCode });
    } else {
      if (status < 200 || status > 299) throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: status, reason: 'status' });
      if (payload.ns !== op.namespace || payload.local !== op.responseElement) {
        throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'unexpected-payload' });
      }
    }

    // A result: bound to this message (X-Road 4.0 §2.4.3 requestHash), used once, about the subject asked.
    requireId(verified.headers.id, c.messageId, where);
    await consumeAnswerId(o.replay, where, c.messageId);
    // The provider names the digest algorithm (an allowlisted one): the digest of the bytes sent must match.
    const rh = verified.headers.requestHash;
    requireRequestHash(rh ? compareHash(rh.value, soapRequestHash(requestBytes, rh.algorithmId) ?? '') : 'missing', where);
    const kind = subjectKind(c.params.subject);
    let result: MapResult;
    if (fault) {
      const named = xmlSubjectAt(onlyChild(fault, '', 'detail'), op.namespace, op.answerSubject.notFound[kind]!);
      requireSubject(named, c.params.subject, where, 'not-found');
      result = { outcome: 'not-found' };
    } else {
      requireSubject(xmlSubjectAt(payload, op.namespace, op.answerSubject.data[kind]!), c.params.subject, where, 'data');
      try {
        result = op.mapResponse(payload);
      } catch (err) {
        throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'mapper' }, err);
      }
      if (result.outcome === 'ok') o.checkModel(operation, result.data);
    }
    return { result, requestHash, responseHash, signedAnswer: answer.body.toString('base64') };
  }

  return { call, close: () => agent.destroy() };
}

/** SOAP 1.1 §4.4: faultcode is a QName; providers' codes are "Server.NotFound" etc. (local part). */
function faultCodeOf(fault: XmlElement): string | undefined {
  const el = onlyChild(fault, '', 'faultcode');
  if (!el) return undefined;
  const q = textContent(el).trim();
  return q.slice(q.indexOf(':') + 1);
}

function readUnsignedFaultCode(raw: Buffer, maxBytes: number): string | undefined {
  try {
    const env = parseXml(raw, { maxBytes }).root;
    if (env.ns !== NS_SOAP || env.local !== 'Envelope') return undefined;
    const body = onlyChild(env, NS_SOAP, 'Body');
    const fault = body && onlyChild(body, NS_SOAP, 'Fault');
    return fault ? faultCodeOf(fault) : undefined;
  } catch {
    return undefined;
  }
}
