/**
 * Finds the parts of an EHİS SOAP message structurally and by namespace (docs/conventions.md, XML signature rule 2):
 * exactly one Envelope, Header, Body, wsse:Security, wsu:Timestamp, ds:Signature,
 * BinarySecurityToken in the WHOLE document, and exactly one of each X-Road header, each in its
 * one legal place. A second copy of signed content (Body, Timestamp, an X-Road header) anywhere
 * is the shape of a signature wrapping attack and is reported as 'wrapping'. The answer-only
 * header xrd:requestHash is optional here, and at most one, in the Header.
 */
import { SigningError } from '../errors';
import type { XmlElement } from '../xml/light-dom';
import type { IndexedElement } from './ids';
import { NS, XROAD_HEADERS, XROAD_REQUEST_HASH, type XroadHeaderName } from './wss-names';

export interface EnvelopeParts {
  envelope: XmlElement;
  header: XmlElement;
  body: XmlElement;
  security: XmlElement;
  timestamp: XmlElement;
  signature: XmlElement;
  token: XmlElement;
  xroad: Record<XroadHeaderName, XmlElement>;
  /** xrd:requestHash, when the message has one (answers). */
  requestHash?: XmlElement;
}

type Role = Exclude<keyof EnvelopeParts, 'xroad' | 'requestHash'> | XroadHeaderName | typeof XROAD_REQUEST_HASH;

// local name -> namespace -> role; looked up for every element, so no string building per element.
const ROLE_OF = new Map<string, Map<string, Role>>();
for (const [ns, local, role] of [
  [NS.soap11, 'Envelope', 'envelope'], [NS.soap11, 'Header', 'header'], [NS.soap11, 'Body', 'body'],
  [NS.wsse, 'Security', 'security'], [NS.wsu, 'Timestamp', 'timestamp'], [NS.ds, 'Signature', 'signature'],
  [NS.wsse, 'BinarySecurityToken', 'token'], ...XROAD_HEADERS.map((h) => [NS.xrd, h, h]),
  [NS.xrd, XROAD_REQUEST_HASH, XROAD_REQUEST_HASH],
] as [string, string, Role][]) {
  if (!ROLE_OF.has(local)) ROLE_OF.set(local, new Map());
  ROLE_OF.get(local)!.set(ns, role);
}

/** Where each role must sit: the role of its parent (undefined = document root). */
const PARENT_ROLE: Record<Role, Role | undefined> = {
  envelope: undefined, header: 'envelope', body: 'envelope', security: 'header',
  timestamp: 'security', signature: 'security', token: 'security',
  client: 'header', service: 'header', id: 'header', userId: 'header', issue: 'header', protocolVersion: 'header',
  requestHash: 'header',
};

const OPTIONAL = new Set<Role>([XROAD_REQUEST_HASH]);
const SIGNED_CONTENT = new Set<Role>(['body', 'timestamp', ...XROAD_HEADERS, XROAD_REQUEST_HASH]);

export function locateParts(root: XmlElement, all: readonly IndexedElement[]): EnvelopeParts {
  if (root.ns !== NS.soap11 || root.local !== 'Envelope') throw new SigningError('malformed', 'not a SOAP 1.1 Envelope');
  const found = new Map<Role, IndexedElement[]>();
  for (const e of all) {
    const role = ROLE_OF.get(e.el.local)?.get(e.el.ns);
    if (!role) continue;
    const list = found.get(role);
    if (list) list.push(e);
    else found.set(role, [e]);
  }
  const parts = new Map<Role, XmlElement>();
  // Parents before children, so the parent check below can look the parent's role up.
  for (const role of Object.keys(PARENT_ROLE) as Role[]) {
    const list = found.get(role) ?? [];
    if (list.length === 0 && OPTIONAL.has(role)) continue;
    if (list.length === 0) throw new SigningError('missing-element', `no ${role} element`);
    if (list.length > 1) {
      throw new SigningError(SIGNED_CONTENT.has(role) ? 'wrapping' : 'duplicate-element', `${list.length} ${role} elements`);
    }
    const { el, parent } = list[0];
    const want = PARENT_ROLE[role];
    if ((want === undefined ? parent !== undefined : parent !== parts.get(want))) {
      throw new SigningError(SIGNED_CONTENT.has(role) ? 'wrapping' : 'malformed', `${role} is not where the profile puts it`);
    }
    parts.set(role, el);
  }
  // SOAP 1.1 §4.1: Header, then Body, nothing else in our profile.
  const envKids = root.children.filter((c) => c.kind === 'element');
  if (envKids.length !== 2 || envKids[0] !== parts.get('header') || envKids[1] !== parts.get('body')) {
    throw new SigningError('malformed', 'Envelope must hold Header then Body');
  }
  const xroad = {} as Record<XroadHeaderName, XmlElement>;
  for (const h of XROAD_HEADERS) xroad[h] = parts.get(h)!;
  return {
    envelope: root, header: parts.get('header')!, body: parts.get('body')!, security: parts.get('security')!,
    timestamp: parts.get('timestamp')!, signature: parts.get('signature')!, token: parts.get('token')!, xroad,
    requestHash: parts.get(XROAD_REQUEST_HASH),
  };
}
