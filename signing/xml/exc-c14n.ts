/**
 * Exclusive XML Canonicalization 1.0, without comments (http://www.w3.org/2001/10/xml-exc-c14n#),
 * of one element subtree of the light DOM: the document subset a same-document `#id` reference
 * selects (XML-DSig §4.3.3.3), optionally minus an enveloped ds:Signature (XML-DSig §6.6.4).
 *
 * Rules encoded here (Exc-C14N §3, which defers to C14N 1.0 §2 for the rest):
 * - a namespace declaration is output on an element only when its prefix is visibly utilized by
 *   that element (its own prefix, or an attribute's) or listed in the InclusiveNamespaces
 *   PrefixList, and the nearest output ancestor did not already render the same binding;
 * - the default namespace counts as utilized by an unprefixed element; xmlns="" is output only to
 *   undo a non-empty default rendered above;
 * - namespace declarations sorted by prefix (default first), attributes by (namespace URI, local
 *   name) with unqualified attributes first (C14N 1.0 §2.2 "Document Order");
 * - xml:* attributes are NOT inherited from ancestors (unlike inclusive C14N);
 * - empty elements as start/end pairs, comments removed, all text (whitespace too) kept, escaped
 *   per C14N 1.0 §2.3; PIs inside the subtree kept.
 *
 * Order of attributes compares UTF-16 code units, which equals code-point order except between
 * astral characters and U+E000..U+FFFF in namespace URIs or attribute names; never met in practice.
 */
import { withBindings, type XmlElement } from './light-dom';

export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export interface C14nOptions {
  /** InclusiveNamespaces PrefixList tokens ('#default' for the default namespace). */
  inclusivePrefixes?: readonly string[];
  /** An element left out with its subtree: the enveloped-signature transform. */
  exclude?: XmlElement;
}

type Rendered = Record<string, string>;

const NO_DECLS: readonly never[] = [];

const ROOT_RENDERED: Rendered = Object.freeze(Object.assign(Object.create(null), { '': '' }));

export function excC14n(el: XmlElement, opts: C14nOptions = {}): string {
  const w = new Writer(opts.inclusivePrefixes ?? [], opts.exclude);
  w.element(el, ROOT_RENDERED);
  return w.out;
}

class Writer {
  out = '';
  constructor(private readonly inclusive: readonly string[], private readonly exclude: XmlElement | undefined) {}

  element(e: XmlElement, rendered: Rendered): void {
    // Flattened [prefix, uri, prefix, uri, ...] of declarations to output; usually none.
    let ns = need(undefined, rendered, e.prefix, e.ns);
    for (const a of e.attrs) if (a.prefix && a.prefix !== 'xml') ns = need(ns, rendered, a.prefix, a.ns);
    for (const p of this.inclusive) {
      if (p === '#default') ns = need(ns, rendered, '', e.scope[''] ?? '');
      else if (p !== 'xml' && p !== 'xmlns') {
        const u = e.scope[p];
        if (u !== undefined) ns = need(ns, rendered, p, u);
      }
    }

    let out = '<' + e.name;
    let childRendered = rendered;
    if (ns) {
      const order: number[] = [];
      for (let i = 0; i < ns.length; i += 2) order.push(i);
      if (order.length > 1) order.sort((a, b) => (ns![a] < ns![b] ? -1 : 1));
      // A copy, not a prototype chain (light-dom.ts withBindings says why).
      const r: Rendered = withBindings(rendered, NO_DECLS);
      for (const i of order) {
        const p = ns[i];
        const u = ns[i + 1];
        r[p] = u;
        out += (p ? ' xmlns:' + p : ' xmlns') + '="' + escAttr(u) + '"';
      }
      childRendered = r;
    }
    const attrs = e.attrs;
    if (attrs.length === 1) {
      out += ' ' + attrs[0].name + '="' + escAttr(attrs[0].value) + '"';
    } else if (attrs.length > 1) {
      const sorted = attrs.slice().sort((a, b) =>
        a.ns === b.ns ? (a.local < b.local ? -1 : a.local > b.local ? 1 : 0) : a.ns < b.ns ? -1 : 1);
      for (const a of sorted) out += ' ' + a.name + '="' + escAttr(a.value) + '"';
    }
    this.out += out + '>';
    for (const c of e.children) {
      switch (c.kind) {
        case 'text': this.out += escText(c.value); break;
        case 'element': if (c !== this.exclude) this.element(c, childRendered); break;
        case 'pi': this.out += c.data ? '<?' + c.target + ' ' + c.data + '?>' : '<?' + c.target + '?>'; break;
        default: break; // comments are not part of the canonical form (C14N 1.0 §2.1, without comments)
      }
    }
    this.out += '</' + e.name + '>';
  }
}

/** Adds a declaration unless the nearest output ancestor rendered the same binding (Exc-C14N §3). */
function need(list: string[] | undefined, rendered: Rendered, prefix: string, uri: string): string[] | undefined {
  if (rendered[prefix] === uri) return list;
  if (!list) return [prefix, uri];
  for (let i = 0; i < list.length; i += 2) if (list[i] === prefix) return list;
  list.push(prefix, uri);
  return list;
}

/** C14N 1.0 §2.3 text nodes. */
export function escText(v: string): string {
  if (!/[&<>\r]/.test(v)) return v;
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** C14N 1.0 §2.3 attribute values. */
export function escAttr(v: string): string {
  if (!/[&<"\t\n\r]/.test(v)) return v;
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}
