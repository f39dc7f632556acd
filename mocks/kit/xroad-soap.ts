/**
 * The X-Road SOAP 4.0 envelope of the EHİS profile (contracts/registries/README.md), for every SOAP
 * mock agency: reading the headers of a request and writing an answer that echoes them plus
 * xrd:requestHash (X-Road 4.0 §2.4.3: the digest of the request answered), each header and the Body
 * carrying the wsu:Id that the agency's WS-Security signature references.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
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
  /**
   * The Body's content with the namespace declarations in scope on Envelope and Body: enough for
   * node-soap to dispatch the operation without re-parsing the headers.
   */
  body?: { content: string; xmlns: Record<string, string> };
  /** Why the request is not a well-formed SOAP envelope (then nothing else is reliable). */
  error?: string;
}

const SIMPLE_HEADERS = new Set(['id', 'userId', 'issue', 'protocolVersion']);

/**
 * Reads the X-Road headers and the operation. DOCTYPE is refused (no DTDs from
 * outside), so no entity is ever expanded.
 */
export function readSoapRequest(raw: Buffer): SoapRequestInfo {
  const xml = raw.toString('utf8');
  const info: SoapRequestInfo = { headers: {}, requestHash: soapRequestHash(raw)! };
  const parser = new SaxesParser({ xmlns: true });
  const stack: SaxesTagNS[] = [];
  let text = '';
  let ident: XRoadIdentifier | undefined;
  const xmlns: Record<string, string> = {};
  let bodyStart = -1;
  parser.on('doctype', () => {
    throw new Error('DOCTYPE is not allowed');
  });
  parser.on('opentag', (tag) => {
    const depth = stack.length;
    stack.push(tag);
    text = '';
    if (depth === 0 && (tag.uri !== NS.soapenv || tag.local !== 'Envelope')) throw new Error('not a SOAP 1.1 Envelope');
    if (depth <= 1) Object.assign(xmlns, tag.ns);
    if (depth === 1 && tag.local === 'Body' && tag.uri === NS.soapenv) bodyStart = parser.position;
    if (depth === 2 && stack[1].local === 'Header' && tag.uri === NS.xrd && (tag.local === 'client' || tag.local === 'service')) {
      ident = { objectType: findAttr(tag, NS.id, 'objectType'), fields: [] };
    }
    if (depth === 2 && stack[1].local === 'Body' && stack[1].uri === NS.soapenv && info.operation === undefined) {
      info.operation = `{${tag.uri}}${tag.local}`;
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const depth = stack.length - 1;
    stack.pop();
    if (depth === 1 && tag.local === 'Body' && tag.uri === NS.soapenv && bodyStart >= 0) {
      // saxes counts positions in characters; they match string indices unless an astral-plane
      // character came before, which the checks below catch (then node-soap reads the whole request).
      const end = xml.lastIndexOf('</', parser.position - 1);
      if (xml[bodyStart - 1] === '>' && end >= bodyStart) info.body = { content: xml.slice(bodyStart, end), xmlns: { ...xmlns } };
    }
    if (depth === 3 && ident && tag.uri === NS.id) ident.fields.push([tag.local, text.trim()]);
    if (depth === 2 && stack[1]?.local === 'Header' && tag.uri === NS.xrd) {
      if ((tag.local === 'client' || tag.local === 'service') && ident) info.headers[tag.local] = ident;
      else if (SIMPLE_HEADERS.has(tag.local)) info.headers[tag.local as 'id'] = text.trim();
      ident = undefined;
    }
    text = '';
  });
  try {
    parser.write(xml).close();
  } catch (err) {
    return { headers: info.headers, requestHash: info.requestHash, error: (err as Error).message.split('\n')[0] };
  }
  return info;
}

function findAttr(tag: SaxesTagNS, uri: string, local: string): string {
  for (const a of Object.values(tag.attributes)) if (a.uri === uri && a.local === local) return a.value;
  return '';
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
