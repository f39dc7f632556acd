/**
 * Reading the signed X-Road headers and the Timestamp. Values are full text content, never the
 * first text node: a comment cannot cut a signed value short (docs/conventions.md, XML signature rule 7).
 */
import { SigningError } from '../errors';
import type { XmlElement } from '../xml/light-dom';
import { attr, childElements, textContent } from '../xml/light-dom';
import { NS, type XroadHeaderName } from './wss-names';

/** X-Road identifier (X-Road message protocol 4.0 §2.1, identifiers.xsd). */
export interface XroadIdentifier {
  objectType: string;
  xRoadInstance: string;
  memberClass: string;
  memberCode: string;
  subsystemCode?: string;
  serviceCode?: string;
  serviceVersion?: string;
}

export interface XroadHeaders {
  client: XroadIdentifier;
  service: XroadIdentifier;
  id: string;
  userId: string;
  issue: string;
  protocolVersion: string;
  /** Answers only (X-Road 4.0 §2.4.3): digest of the request message, base64, and its algorithm URI. */
  requestHash?: { algorithmId: string; value: string };
}

const ID_FIELDS = ['xRoadInstance', 'memberClass', 'memberCode', 'subsystemCode', 'serviceCode', 'serviceVersion'] as const;

function identifier(el: XmlElement): XroadIdentifier {
  const out: Record<string, string> = {};
  const objectType = attr(el, NS.id, 'objectType');
  if (!objectType) throw new SigningError('malformed', `xrd:${el.local} without id:objectType`);
  for (const c of childElements(el)) {
    if (c.ns !== NS.id || !(ID_FIELDS as readonly string[]).includes(c.local)) {
      throw new SigningError('malformed', `unexpected ${c.name} in xrd:${el.local}`);
    }
    if (c.local in out) throw new SigningError('duplicate-element', `two id:${c.local} in xrd:${el.local}`);
    out[c.local] = textContent(c);
  }
  for (const f of ['xRoadInstance', 'memberClass', 'memberCode'] as const) {
    if (!out[f]) throw new SigningError('missing-element', `id:${f} in xrd:${el.local}`);
  }
  return { objectType, ...out } as unknown as XroadIdentifier;
}

function simple(el: XmlElement): string {
  if (childElements(el).length) throw new SigningError('malformed', `xrd:${el.local} must hold text only`);
  const v = textContent(el);
  if (!v) throw new SigningError('missing-element', `empty xrd:${el.local}`);
  return v;
}

export function readXroadHeaders(x: Record<XroadHeaderName, XmlElement>, requestHash?: XmlElement): XroadHeaders {
  const h: XroadHeaders = {
    client: identifier(x.client), service: identifier(x.service), id: simple(x.id),
    userId: simple(x.userId), issue: simple(x.issue), protocolVersion: simple(x.protocolVersion),
  };
  if (requestHash) {
    const algorithmId = attr(requestHash, '', 'algorithmId');
    if (!algorithmId) throw new SigningError('malformed', 'xrd:requestHash without algorithmId');
    const value = simple(requestHash).trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new SigningError('malformed', 'xrd:requestHash is not base64');
    h.requestHash = { algorithmId, value };
  }
  return h;
}

// xsd:dateTime (WSS 1.1 §10 uses it for Created/Expires); a zone is required to be unambiguous.
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

function instant(el: XmlElement | undefined, what: string): Date {
  if (!el) throw new SigningError('missing-element', `wsu:${what}`);
  const v = textContent(el);
  const t = DATE_TIME.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(t)) throw new SigningError('malformed', `wsu:${what} is not a dateTime with a zone`);
  return new Date(t);
}

export function readTimestamp(ts: XmlElement): { created: Date; expires: Date } {
  const kids = childElements(ts);
  if (kids.some((k) => k.ns !== NS.wsu) || kids.length !== 2) throw new SigningError('malformed', 'wsu:Timestamp must hold Created, Expires');
  const created = instant(kids.find((k) => k.local === 'Created'), 'Created');
  const expires = instant(kids.find((k) => k.local === 'Expires'), 'Expires');
  return { created, expires };
}
