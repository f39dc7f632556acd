/**
 * The court's agency service over EHİS SOAP (contracts/agencies/court.wsdl): the EHİS profile of
 * docs/ehis-profiles.md reversed — the agency is the X-Road client and signs its request with
 * WS-Security; the hub verifies it against the certificate pinned for that agency, answers with the
 * headers echoed, xrd:requestHash (X-Road 4.0 §2.4.3) and its own WS-Security signature. The X-Road
 * metaservices listMethods, allowedMethods (per caller) and getWsdl are answered here too.
 */
import { hash } from 'node:crypto';
import { HubError, type HubErrorCode } from '../../contracts/hub';
import { ERROR_CATALOGUE } from '../../contracts/hub/error-catalogue';
import { AGENCY_METHODS, type AgencyMethod } from '../../agencies/directory.types';
import { refuseAgencyRequest, runAgencyCall, type AgencyDeps, type AgencyResult } from '../../core/agency/agency.flow';
import type { PathValidator } from '../../signing/pki';
import { signEnvelope, verifyEnvelope, type WssSigner, type XroadHeaders, type XroadIdentifier } from '../../signing/wss';
import { REPLAY_WINDOW_MS, replayKey, type ReplayGuard } from '../kit/replay-guard';
import { childElements, parseXml, textContent, type XmlElement } from '../../signing/xml';
import { readXroadHeaders } from '../../signing/wss/read-headers';
import { XROAD_HEADERS, type XroadHeaderName } from '../../signing/wss/wss-names';
import { xmlText } from '../kit/xml-text';
import { agencyTrust, pinnedAgency, type AgencyDirectoryPort } from './agency-trust';
import { renderResult } from './court-soap.render';

export const CRT_NS = 'http://court.gov.az/xroad/agency/v1';
const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
const XRD_NS = 'http://x-road.eu/xsd/xroad.xsd';
const ID_NS = 'http://x-road.eu/xsd/identifiers';
const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const SHA256_URI = 'http://www.w3.org/2001/04/xmlenc#sha256';
const META = ['listMethods', 'allowedMethods', 'getWsdl'] as const;

export interface HubXroad { instance: string; memberClass: string; memberCode: string; subsystemCode: string }

export interface CourtSoapDeps extends AgencyDeps {
  directory: AgencyDirectoryPort;
  validator: PathValidator;
  hub: WssSigner;
  hubXroad: HubXroad;
  /** Message ids of agency requests seen, shared by every core node (JetStream) or this process's memory. */
  replay: ReplayGuard;
  wsdl(): Buffer;
  maxBytes?: number;
}

export interface SoapAnswer { status: number; body: string }


function identifier(tag: 'client' | 'service', x: XroadIdentifier, id: string): string {
  let s = `<xrd:${tag} id:objectType="${xmlText(x.objectType)}" wsu:Id="${id}">`;
  for (const f of ['xRoadInstance', 'memberClass', 'memberCode', 'subsystemCode', 'serviceCode', 'serviceVersion'] as const) {
    const v = x[f];
    if (v !== undefined) s += `<id:${f}>${xmlText(v)}</id:${f}>`;
  }
  return `${s}</xrd:${tag}>`;
}

/** The answer envelope: the verified headers echoed (each with the wsu:Id the hub signs), the request hash, the Body. */
function envelope(h: XroadHeaders | null, requestHash: string, body: string): { xml: string; refIds: string[] } {
  let head = '';
  const refIds = ['body', 'xrd-requestHash'];
  if (h) {
    head += identifier('client', h.client, 'xrd-client') + identifier('service', h.service, 'xrd-service');
    for (const k of ['id', 'userId', 'issue', 'protocolVersion'] as const) head += `<xrd:${k} wsu:Id="xrd-${k}">${xmlText(h[k])}</xrd:${k}>`;
    refIds.push('xrd-client', 'xrd-service', 'xrd-id', 'xrd-userId', 'xrd-issue', 'xrd-protocolVersion');
  }
  head += `<xrd:requestHash wsu:Id="xrd-requestHash" algorithmId="${SHA256_URI}">${requestHash}</xrd:requestHash>`;
  const xml = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_NS}" xmlns:xrd="${XRD_NS}" xmlns:id="${ID_NS}" xmlns:wsu="${WSU_NS}">` +
    `<SOAP-ENV:Header>${head}</SOAP-ENV:Header><SOAP-ENV:Body wsu:Id="body">${body}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
  return { xml, refIds };
}

function faultCode(code: HubErrorCode): string {
  if (code === 'HUB_ERR_AGENCY_SIGNATURE_INVALID') return 'Client.InvalidSignature';
  const category = ERROR_CATALOGUE[code]?.category;
  if (category === 'authorization') return 'Client.AccessDenied';
  if (category === 'validation' || category === 'business') return 'Client.InvalidRequest';
  if (category === 'transient') return 'Server.Unavailable';
  return 'Server.InternalError';
}

function fault(code: HubErrorCode): string {
  return `<SOAP-ENV:Fault><faultcode>SOAP-ENV:${faultCode(code)}</faultcode><faultstring>${xmlText(ERROR_CATALOGUE[code]?.message ?? 'Error')}</faultstring>` +
    `<detail><crt:error xmlns:crt="${CRT_NS}"><crt:code>${code}</crt:code></crt:error></detail></SOAP-ENV:Fault>`;
}

/** Reads the operation's parameters from the verified Body payload: one level of simple elements. */
function params(payload: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of childElements(payload)) {
    if (c.ns !== CRT_NS) throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', message: 'Unexpected element in the request', details: { violations: [`${c.local} is not in the court namespace`] } });
    if (c.local in out) throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', details: { violations: [`${c.local} appears twice`] } });
    const text = textContent(c).trim();
    out[c.local] = ['after', 'limit', 'version'].includes(c.local) && /^[0-9]{1,16}$/.test(text) ? Number(text) : text;
  }
  return out;
}

/**
 * The X-Road headers of a request whose signature did not verify, read only to echo them in the
 * fault (as an X-Road security server does); nothing else is done with them. Null when the
 * message does not have exactly one of each.
 */
function unverifiedHeaders(raw: Buffer, maxBytes: number): XroadHeaders | null {
  try {
    const root = parseXml(raw, { maxBytes }).root;
    const header = childElements(root, SOAP_NS, 'Header')[0];
    if (!header) return null;
    const found = {} as Record<XroadHeaderName, XmlElement>;
    for (const name of XROAD_HEADERS) {
      const els = childElements(header, XRD_NS, name);
      if (els.length !== 1) return null;
      found[name] = els[0];
    }
    return readXroadHeaders(found);
  } catch {
    return null;
  }
}

/** WS-Security 1.1 §6 / X-Road: a message id is accepted once while its Timestamp can pass; fail closed when the store cannot answer. */
export async function firstUse(guard: ReplayGuard, agencyId: string, messageId: string): Promise<boolean> {
  try {
    return await guard.firstUse(replayKey(`agency:${agencyId}`, messageId), REPLAY_WINDOW_MS);
  } catch (err) {
    if (HubError.is(err)) throw err;
    throw new HubError('HUB_ERR_REPLAY_CACHE_UNAVAILABLE', { cause: err });
  }
}

const memberOf = (x: XroadIdentifier) => `${x.xRoadInstance}/${x.memberClass}/${x.memberCode}/${x.subsystemCode ?? ''}`;

function serviceIdentifier(hub: HubXroad, code: string): string {
  return `<xrd:method id:objectType="SERVICE"><id:xRoadInstance>${xmlText(hub.instance)}</id:xRoadInstance><id:memberClass>${xmlText(hub.memberClass)}</id:memberClass>` +
    `<id:memberCode>${xmlText(hub.memberCode)}</id:memberCode><id:subsystemCode>${xmlText(hub.subsystemCode)}</id:subsystemCode>` +
    `<id:serviceCode>${code}</id:serviceCode><id:serviceVersion>v1</id:serviceVersion></xrd:method>`;
}

export function createCourtSoap(deps: CourtSoapDeps) {
  const sign = (h: XroadHeaders | null, requestHash: string, body: string): string => {
    const e = envelope(h, requestHash, body);
    return signEnvelope(e.xml, deps.hub, { refIds: e.refIds });
  };

  /** One SOAP request, raw bytes in; the signed answer out (HTTP 200, or 500 with a fault: SOAP 1.1 §6.2). */
  return async function handle(raw: Buffer, requestId: string): Promise<SoapAnswer> {
    const requestHash = hash('sha256', raw, 'base64');
    const base = { requestId, messageId: '', transport: 'soap' as const, method: 'unknown' };
    let headers: XroadHeaders | null = null;
    try {
      const agencies = await deps.directory.activeAgencies();
      let verified;
      try {
        verified = await verifyEnvelope(raw, { trust: agencyTrust(deps.validator, agencies), maxBytes: deps.maxBytes ?? 1024 * 1024 });
      } catch {
        // Unsigned, wrongly signed, not pinned or stale: nothing of it is trusted; its headers are only echoed.
        headers = unverifiedHeaders(raw, deps.maxBytes ?? 1024 * 1024);
        return await refuseAgencyRequest(deps, { ...base, messageId: headers?.id ?? '' }, 'HUB_ERR_AGENCY_SIGNATURE_INVALID');
      }
      headers = verified.headers;
      const payload = verified.body;
      const call = { ...base, messageId: headers.id, method: payload.local };
      const agency = pinnedAgency(agencies, memberOf(headers.client), verified.signerCertDer);
      if (!agency) return await refuseAgencyRequest(deps, call, 'HUB_ERR_AGENCY_SIGNATURE_INVALID');
      // The id is consumed only once the message is the agency's own: a forgery never uses up a real id.
      if (!(await firstUse(deps.replay, agency.id, headers.id))) return await refuseAgencyRequest(deps, { ...call, agency }, 'HUB_ERR_AGENCY_SIGNATURE_INVALID');
      const s = headers.service;
      const h = deps.hubXroad;
      if (s.xRoadInstance !== h.instance || s.memberClass !== h.memberClass || s.memberCode !== h.memberCode || s.subsystemCode !== h.subsystemCode || s.serviceCode !== payload.local) {
        return await refuseAgencyRequest(deps, { ...call, agency }, 'HUB_ERR_VALIDATION_BAD_REQUEST');
      }
      if (payload.ns === XRD_NS && (META as readonly string[]).includes(payload.local)) {
        await deps.audit.appendAll([{ type: 'agency-request', outcome: 'ok', requestId, actor: null, details: { agencyId: agency.id, method: payload.local, transport: 'soap', messageId: headers.id } }]);
        const list = (codes: readonly string[]) => codes.map((c) => serviceIdentifier(h, c)).join('');
        if (payload.local === 'listMethods') return { status: 200, body: sign(headers, requestHash, `<xrd:listMethodsResponse>${list(AGENCY_METHODS)}</xrd:listMethodsResponse>`) };
        if (payload.local === 'allowedMethods') return { status: 200, body: sign(headers, requestHash, `<xrd:allowedMethodsResponse>${list(agency.rules.methods)}</xrd:allowedMethodsResponse>`) };
        return { status: 200, body: sign(headers, requestHash, `<xrd:getWsdlResponse><xrd:serviceCode>${xmlText(textContent(childElements(payload)[0] ?? payload).trim())}</xrd:serviceCode><xrd:wsdl>${deps.wsdl().toString('base64')}</xrd:wsdl></xrd:getWsdlResponse>`) };
      }
      if (payload.ns !== CRT_NS || !(AGENCY_METHODS as readonly string[]).includes(payload.local)) {
        return await refuseAgencyRequest(deps, { ...call, agency }, 'HUB_ERR_VALIDATION_BAD_REQUEST');
      }
      let p: Record<string, unknown>;
      try {
        p = params(payload);
      } catch (err) {
        return await refuseAgencyRequest(deps, { ...call, agency }, HubError.is(err) ? err.code : 'HUB_ERR_VALIDATION_BAD_REQUEST');
      }
      const result: AgencyResult = await runAgencyCall(deps, { ...call, agency, method: payload.local as AgencyMethod, params: p });
      return { status: 200, body: sign(headers, requestHash, renderResult(result)) };
    } catch (err) {
      const code: HubErrorCode = HubError.is(err) ? err.code : 'HUB_ERR_SYSTEM_INTERNAL';
      return { status: 500, body: sign(headers, requestHash, fault(code)) };
    }
  };
}
