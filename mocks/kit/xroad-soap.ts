/**
 * The X-Road SOAP 4.0 envelope of the EHİS profile (contracts/registries/README.md), for every SOAP
 * mock agency: reading the headers of a request and writing an answer that echoes them plus
 * xrd:requestHash (X-Road 4.0 §2.4.3: the digest of the request answered), each header and the Body
 * carrying the wsu:Id that the agency's WS-Security signature references.
 */
import { attr, childElements, textContent, type XmlElement } from '../../signing/xml/light-dom';
import { parseXml } from '../../signing/xml/parse-xml';
import { DEFAULT_REQUEST_HASH_ALGORITHM, SOAP_REQUEST_HASH_ID, soapRequestHash } from '../../contracts/registries/xroad-profile';

export const NS = {
  soapenv: 'http://schemas.xmlsoap.org/soap/envelope/',
  xrd: 'http://x-road.eu/xsd/xroad.xsd',
  id: 'http://x-road.eu/xsd/identifiers',
  wsu: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
} as const;

/** X-Road identifier (client or service): objectType + the identifier fields in document order. */
export interface XRoadIdentifier {
  objectType: string;
  fields: [name: string, value: string][];
}

export interface XRoadHeaders {
  client?: XRoadIdentifier;
  service?: XRoadIdentifier;
  id?: string;
  userId?: string;
  issue?: string;
  protocolVersion?: string;
}

export interface SoapRequestInfo {
  headers: XRoadHeaders;
  /** xrd:requestHash the answer carries: SHA-256 of the exact request bytes, base64. */
  requestHash: string;
  /** First element of the Body, `{namespace}local`. */
  operation?: string;
  /** The soapenv:Body, parsed. */
  body?: XmlElement;
  /** Why the request is not a well-formed SOAP envelope (then nothing else is reliable). */
  error?: string;
}

const SIMPLE_HEADERS = new Set(['id', 'userId', 'issue', 'protocolVersion']);

/**
 * Reads the X-Road headers and the operation, with the light DOM the hub itself parses with: no
 * DTD at all (a DOCTYPE is refused, so no entity is ever expanded) and bounded sizes.
 */
export function readSoapRequest(raw: Buffer): SoapRequestInfo {
  const requestHash = soapRequestHash(raw)!;
  let env: XmlElement;
  try {
    env = parseXml(raw).root;
  } catch (err) {
    return { headers: {}, requestHash, error: (err as Error).message.split('\n')[0] };
  }
  if (env.ns !== NS.soapenv || env.local !== 'Envelope') return { headers: {}, requestHash, error: 'not a SOAP 1.1 Envelope' };
  const info: SoapRequestInfo = { headers: {}, requestHash };
  for (const part of childElements(env, NS.soapenv)) {
    if (part.local === 'Header') {
      for (const h of childElements(part, NS.xrd)) {
        if (h.local === 'client' || h.local === 'service') {
          info.headers[h.local] = { objectType: attr(h, NS.id, 'objectType') ?? '', fields: childElements(h, NS.id).map((f) => [f.local, textContent(f).trim()]) };
        } else if (SIMPLE_HEADERS.has(h.local)) {
          info.headers[h.local as 'id'] = textContent(h).trim();
        }
      }
    } else if (part.local === 'Body' && info.body === undefined) {
      info.body = part;
      const op = childElements(part)[0];
      if (op) info.operation = `{${op.ns}}${op.local}`;
    }
  }
  return info;
}

/** X-Road SOAP 4.0 §2.4: headers every request must carry. */
export function missingHeaders(h: XRoadHeaders): string[] {
  return (['client', 'service', 'id', 'protocolVersion'] as const).filter((k) => !h[k]);
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** The wsu:Id of each echoed header and of the Body: what the agency's signature references. */
export const SIGNED_IDS = {
  client: 'xrd-client', service: 'xrd-service', id: 'xrd-id', userId: 'xrd-userId',
  issue: 'xrd-issue', protocolVersion: 'xrd-protocolVersion', requestHash: SOAP_REQUEST_HASH_ID, body: 'body',
} as const;

/** The echoed headers, in the protocol's order. */
export function echoHeaders(h: XRoadHeaders): string {
  let out = '';
  for (const name of ['client', 'service'] as const) {
    const ident = h[name];
    if (!ident) continue;
    out += `<xrd:${name} id:objectType="${escapeXml(ident.objectType)}" wsu:Id="${SIGNED_IDS[name]}">`;
    for (const [field, value] of ident.fields) out += `<id:${field}>${escapeXml(value)}</id:${field}>`;
    out += `</xrd:${name}>`;
  }
  for (const name of ['id', 'userId', 'issue', 'protocolVersion'] as const) {
    const value = h[name];
    if (value !== undefined) out += `<xrd:${name} wsu:Id="${SIGNED_IDS[name]}">${escapeXml(value)}</xrd:${name}>`;
  }
  return out;
}

/** The ids present in an answer that echoes `h`: pass them to the signer as the references. */
export function signedIdsFor(h: XRoadHeaders): string[] {
  const ids: string[] = [SIGNED_IDS.body];
  for (const name of ['client', 'service', 'id', 'userId', 'issue', 'protocolVersion'] as const) {
    if (h[name] !== undefined) ids.push(SIGNED_IDS[name]);
  }
  return ids;
}

const ENVELOPE_OPEN =
  `<SOAP-ENV:Envelope xmlns:SOAP-ENV="${NS.soapenv}" xmlns:xrd="${NS.xrd}" xmlns:id="${NS.id}" xmlns:wsu="${NS.wsu}">`;

/** X-Road 4.0 §2.4.3: the digest of the request answered, SHA-256. */
export function requestHashHeader(requestHash: string): string {
  return `<xrd:requestHash wsu:Id="${SOAP_REQUEST_HASH_ID}" algorithmId="${DEFAULT_REQUEST_HASH_ALGORITHM}">${requestHash}</xrd:requestHash>`;
}

/** An answer envelope: echoed headers, the request hash, body content (whose own namespaces are declared inside it). */
export function answerEnvelope(h: XRoadHeaders, bodyContent: string, requestHash?: string): string {
  return `${ENVELOPE_OPEN}<SOAP-ENV:Header>${echoHeaders(h)}${requestHash ? requestHashHeader(requestHash) : ''}</SOAP-ENV:Header>` +
    `<SOAP-ENV:Body wsu:Id="body">${bodyContent}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

/** Fault codes of the EHİS profile (README.md); the QName prefix is the envelope's SOAP-ENV. */
export type FaultCode = 'Server.NotFound' | 'Client.InvalidRequest' | 'Client.InvalidSignature' | 'Server.Unavailable' | 'Server.InternalError';

/** SOAP 1.1 §4.4 fault, as Body content; `detail` is ready-made XML (the not-found fault names its subject there). */
export function faultContent(code: FaultCode, message: string, detail?: string): string {
  return `<SOAP-ENV:Fault><faultcode>SOAP-ENV:${code}</faultcode><faultstring>${escapeXml(message)}</faultstring>` +
    `${detail !== undefined ? `<detail>${detail}</detail>` : ''}</SOAP-ENV:Fault>`;
}

/** Another answer to the same request's headers: its xrd:id replaced by `id` (the replay-with-current-id attack). */
export function withMessageId(envelope: string, id: string): string {
  return envelope.replace(/(<xrd:id\b[^>]*>)[^<]*(<\/xrd:id>)/, `$1${escapeXml(id)}$2`);
}
