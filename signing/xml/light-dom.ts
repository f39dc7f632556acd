/**
 * The light DOM produced by parseXml: just what signature checking and payload reading need.
 * Namespaces are resolved once at parse time, so no node needs a parent pointer: a subtree handed
 * to a caller (the verified Body payload) gives no way up into unverified parts of the message.
 */

/** In-scope prefix -> namespace URI ('' key = default namespace); an element without declarations shares its parent's. */
export type NsScope = Readonly<Record<string, string>>;

export interface XmlAttr {
  readonly name: string; // qualified name as written
  readonly prefix: string;
  readonly local: string;
  readonly ns: string; // '' for unprefixed attributes (Namespaces in XML §6.2)
  readonly value: string; // normalized value (XML 1.0 §3.3.3), references decoded
}

export interface XmlNsDecl {
  readonly prefix: string; // '' = default namespace
  readonly uri: string;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly ns: string;
  readonly attrs: readonly XmlAttr[];
  readonly nsDecls: readonly XmlNsDecl[];
  readonly scope: NsScope;
  readonly children: readonly XmlNode[];
  /** Offsets in the (line-end normalized) source: start of '<', end after the closing '>'. */
  readonly start: number;
  readonly end: number;
  /** Offset where the content starts (after the start tag's '>'); equals `end` when self-closing. */
  readonly innerStart: number;
  /** Offset of the end tag's '<'; equals `end` when self-closing. */
  readonly innerEnd: number;
  readonly selfClosing: boolean;
}

export interface XmlText {
  readonly kind: 'text';
  readonly value: string;
}

export interface XmlComment {
  readonly kind: 'comment';
  readonly value: string;
}

export interface XmlPi {
  readonly kind: 'pi';
  readonly target: string;
  readonly data: string;
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlPi;

export interface XmlDocument {
  readonly root: XmlElement;
  /** The source after BOM removal and line-end normalization (XML 1.0 §2.11); offsets refer to it. */
  readonly source: string;
}

/** Element children, optionally filtered by namespace and local name. */
export function childElements(el: XmlElement, ns?: string, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (c.kind !== 'element') continue;
    if (ns !== undefined && c.ns !== ns) continue;
    if (local !== undefined && c.local !== local) continue;
    out.push(c);
  }
  return out;
}

/** Exactly one child element with that name, or undefined when there is none or several. */
export function onlyChild(el: XmlElement, ns: string, local: string): XmlElement | undefined {
  let found: XmlElement | undefined;
  for (const c of el.children) {
    if (c.kind === 'element' && c.ns === ns && c.local === local) {
      if (found) return undefined;
      found = c;
    }
  }
  return found;
}

/**
 * Full text content: every text descendant, comments and PIs skipped. Reading only the first
 * text node is the comment-injection bug (docs/conventions.md, XML signature rule 7; CVE-2025-29775 in xml-crypto).
 */
export function textContent(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (c.kind === 'text') out += c.value;
    else if (c.kind === 'element') out += textContent(c);
  }
  return out;
}

/** Attribute value by namespace and local name ('' namespace for unprefixed attributes). */
export function attr(el: XmlElement, ns: string, local: string): string | undefined {
  for (const a of el.attrs) if (a.local === local && a.ns === ns) return a.value;
  return undefined;
}

/** Depth-first walk over all elements (pre-order), with each element's parent. */
export function walkElements(root: XmlElement, visit: (el: XmlElement, parent: XmlElement | undefined) => void): void {
  const stack: [XmlElement, XmlElement | undefined][] = [[root, undefined]];
  while (stack.length) {
    const [el, parent] = stack.pop()!;
    visit(el, parent);
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i];
      if (c.kind === 'element') stack.push([c, el]);
    }
  }
}

/**
 * A child scope: a copy of the parent's bindings with the element's declarations over them. A copy,
 * not an object whose prototype is the parent's scope: V8 gives every object used as a prototype
 * a hidden class of its own, kept in the old generation, which holds on to the young scope and the
 * message text its strings are cut from until the next full collection; every parsed answer then
 * outlived the minor collections and was promoted. Scopes hold a handful of prefixes.
 */
export function withBindings(parent: Readonly<Record<string, string>>, decls: readonly { prefix: string; uri: string }[]): Record<string, string> {
  const sc: Record<string, string> = Object.create(null);
  for (const k in parent) sc[k] = parent[k];
  for (const d of decls) sc[d.prefix] = d.uri;
  return sc;
}
