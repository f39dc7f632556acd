/**
 * Namespace-aware comparison of XML for tests: prefixes, attribute order and indentation do not
 * matter; element names, attributes (except xmlns declarations) and text do.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SaxesParser } from 'saxes';

export interface XmlTree {
  name: string;
  attrs: Record<string, string>;
  children: XmlTree[];
  text?: string;
}

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/**
 * Throws on any parse error or warning: a malformed document must not pass as a tree. xmldom 0.8
 * tolerates unclosed elements, so well-formedness is checked first by saxes (strict).
 */
export function parseXml(text: string): Element {
  new SaxesParser({ xmlns: true }).write(text).close();
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      errors.push(`${level}: ${msg}`);
    },
  } as never).parseFromString(text, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(`not well-formed XML: ${errors.join('; ')}`);
  return doc.documentElement;
}

export function toTree(el: Element): XmlTree {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes[i];
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    attrs[`{${a.namespaceURI ?? ''}}${a.localName}`] = a.value;
  }
  const children: XmlTree[] = [];
  let text = '';
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1) children.push(toTree(n as Element));
    else if (n.nodeType === 3 || n.nodeType === 4) text += n.nodeValue ?? '';
  }
  const tree: XmlTree = { name: `{${el.namespaceURI ?? ''}}${el.localName}`, attrs, children };
  if (!children.length || text.trim()) tree.text = children.length ? text.trim() : text;
  return tree;
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

/** The SOAP envelope's header entries (without wsse:Security: signing is added on the fly) and Body. */
export function soapParts(xml: string): { headers: XmlTree[]; body: XmlTree } {
  const env = parseXml(xml);
  const parts = childElements(env);
  const header = parts.find((e) => e.namespaceURI === SOAP_ENV && e.localName === 'Header');
  const body = parts.find((e) => e.namespaceURI === SOAP_ENV && e.localName === 'Body');
  if (!body) throw new Error('no SOAP Body');
  const headers = header ? childElements(header).filter((e) => e.namespaceURI !== WSSE).map(toTree) : [];
  return { headers, body: toTree(body) };
}

/** A simple-content element as a JSON value tree (how a mapper reads the payload). */
export function treeToJson(t: XmlTree): unknown {
  if (!t.children.length) return t.text ?? '';
  const out: Record<string, unknown> = {};
  for (const c of t.children) out[c.name.slice(c.name.indexOf('}') + 1)] = treeToJson(c);
  return out;
}
