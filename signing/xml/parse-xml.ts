/**
 * A small, strict, fast XML 1.0 + Namespaces parser for messages from outside (registry answers,
 * agencies' requests): no DTDs, no external entities, size limits, linear time.
 *
 * - No DTD at all: any DOCTYPE or markup declaration is refused with reason 'doctype', so entity
 *   expansion (billion laughs) and external entities cannot happen; only the five predefined
 *   entities and character references are decoded.
 * - A size limit is checked before any work ('too-large'); nesting depth is bounded.
 * - Linear time in the input: every check is O(1) per character, attribute or declaration (duplicate
 *   attributes are found through a set, never by comparing each with all before it), and what a
 *   document may declare is capped: attributes and namespace declarations per element, and a total
 *   budget of both per document ('too-large' as soon as one is exceeded). A 1 MiB answer carrying
 *   100,000 attributes on one element is refused at the 257th, before any signature is looked at.
 * - Every well-formedness or namespace error is fatal ('malformed'): no recovery, no guessing.
 *
 * Hand-written rather than built on saxes: one pass with indexOf / sticky regexes and no
 * per-character callbacks keeps a 7 KB SOAP message well under 0.1 ms.
 */
import { isUtf8 } from 'node:buffer';
import { SigningError } from '../errors';
import { withBindings, type NsScope, type XmlAttr, type XmlDocument, type XmlElement, type XmlNode, type XmlNsDecl } from './light-dom';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface ParseOptions {
  /** Maximum size in UTF-8 bytes (default 1 MiB). */
  maxBytes?: number;
  /** Maximum element nesting (default 128). */
  maxDepth?: number;
  /** Attributes (namespace declarations included) on one element (default 256). */
  maxAttributesPerElement?: number;
  /** Namespace declarations on one element (default 64). */
  maxNsDeclsPerElement?: number;
  /** Attributes (namespace declarations included) in the whole document (default 16,384). */
  maxAttributesPerDocument?: number;
  /** Namespace declarations in the whole document (default 4,096). */
  maxNsDeclsPerDocument?: number;
}

/**
 * The caps, generous for real messages: an EHİS envelope has about 40 attributes and 10
 * declarations; a 1 MiB answer of 10,000 records with an attribute or two each stays far below.
 */
export const XML_LIMITS = {
  maxAttributesPerElement: 256,
  maxNsDeclsPerElement: 64,
  maxAttributesPerDocument: 16_384,
  maxNsDeclsPerDocument: 4_096,
} as const;

interface Limits {
  maxDepth: number;
  perElement: number;
  nsPerElement: number;
}

/** Shared by every element without attributes or declarations (most of them): less garbage. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Above this many attributes on one element, duplicates are found through a set. */
const SCAN_LIMIT = 8;

interface MutableElement {
  kind: 'element'; name: string; prefix: string; local: string; ns: string;
  attrs: readonly XmlAttr[]; nsDecls: readonly XmlNsDecl[]; scope: NsScope; children: XmlNode[];
  start: number; end: number; innerStart: number; innerEnd: number; selfClosing: boolean;
}

const ROOT_SCOPE: NsScope = Object.freeze(Object.assign(Object.create(null), { xml: XML_NS }));
// XML 1.0 §2.3 Name (approximated on UTF-16 code units; ':' split afterwards for QName).
const NCNAME_SRC = '[A-Za-z_\\u00C0-\\uFFFF][-A-Za-z0-9_.\\u00B7-\\uFFFF]*';
const NAME = /[A-Za-z_:\u00C0-\uFFFF][-A-Za-z0-9_.:\u00B7-\uFFFF]*/y;
const WS = /[ \t\n]*/y;
const QNAME = new RegExp(`^(?:${NCNAME_SRC}:)?${NCNAME_SRC}$`);
// XML 1.0 §2.2 Char: C0 controls other than TAB, LF, CR are not allowed, nor U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function fail(message: string, at?: number): never {
  throw new SigningError('malformed', at === undefined ? message : `${message} at offset ${at}`);
}

export function parseXml(input: string | Buffer, opts: ParseOptions = {}): XmlDocument {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  let s: string;
  if (typeof input === 'string') {
    // UTF-8 length >= UTF-16 length, and <= 3x it: only measure when it could matter.
    if (input.length > maxBytes || (input.length * 3 > maxBytes && Buffer.byteLength(input) > maxBytes)) {
      throw new SigningError('too-large', `message exceeds ${maxBytes} bytes`);
    }
    s = input;
  } else {
    if (input.length > maxBytes) throw new SigningError('too-large', `message exceeds ${maxBytes} bytes`);
    if (!isUtf8(input)) fail('not UTF-8');
    s = input.toString('utf8');
  }
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  // XML 1.0 §2.11 end-of-line handling, before anything else.
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  if (ILLEGAL_CHAR.test(s)) fail('illegal character');
  return new Parser(s, {
    maxDepth: opts.maxDepth ?? 128,
    perElement: opts.maxAttributesPerElement ?? XML_LIMITS.maxAttributesPerElement,
    nsPerElement: opts.maxNsDeclsPerElement ?? XML_LIMITS.maxNsDeclsPerElement,
  }, opts.maxAttributesPerDocument ?? XML_LIMITS.maxAttributesPerDocument, opts.maxNsDeclsPerDocument ?? XML_LIMITS.maxNsDeclsPerDocument).parse();
}

class Parser {
  private pos = 0;
  constructor(private readonly s: string, private readonly limits: Limits, private attrBudget: number, private nsBudget: number) {}

  parse(): XmlDocument {
    const s = this.s;
    if (s.startsWith('<?xml') && /^<\?xml[ \t\n]/.test(s)) this.xmlDecl();
    const stack: MutableElement[] = [];
    let root: MutableElement | undefined;
    for (;;) {
      const lt = s.indexOf('<', this.pos);
      const textEnd = lt === -1 ? s.length : lt;
      if (textEnd > this.pos) {
        const raw = s.slice(this.pos, textEnd);
        if (stack.length === 0) {
          if (!/^[ \t\n]*$/.test(raw)) fail('text outside the root element', this.pos);
        } else {
          if (raw.indexOf(']]>') !== -1) fail("']]>' in text", this.pos);
          addText(stack[stack.length - 1], decode(raw, this.pos));
        }
      }
      if (lt === -1) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x2f /* / */) {
        const el = stack.pop();
        if (!el) fail('end tag without start tag', lt);
        if (!s.startsWith(el.name, lt + 2)) fail(`end tag does not match <${el.name}>`, lt);
        const gt = skipWs(s, lt + 2 + el.name.length);
        if (s.charCodeAt(gt) !== 0x3e) fail(`end tag does not match <${el.name}>`, lt);
        el.innerEnd = lt;
        el.end = gt + 1;
        this.pos = el.end;
      } else if (c === 0x21 /* ! */) {
        this.markup(lt, stack);
      } else if (c === 0x3f /* ? */) {
        this.pi(lt, stack);
      } else {
        if (stack.length === 0 && root) fail('content after the root element', lt);
        if (stack.length >= this.limits.maxDepth) throw new SigningError('too-large', `nesting deeper than ${this.limits.maxDepth}`);
        const parent = stack.length ? stack[stack.length - 1] : undefined;
        const el = this.startTag(lt, parent ? parent.scope : ROOT_SCOPE);
        if (parent) parent.children.push(el);
        else root = el;
        if (!el.selfClosing) stack.push(el);
      }
    }
    if (stack.length) fail(`unclosed element <${stack[stack.length - 1].name}>`);
    if (!root) fail('no root element');
    return { root: root as XmlElement, source: s };
  }

  private xmlDecl(): void {
    const end = this.s.indexOf('?>');
    if (end === -1) fail('unterminated XML declaration', 0);
    const decl = this.s.slice(0, end);
    if (!/^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1/.test(decl)) fail('bad XML declaration', 0);
    const enc = /encoding[ \t\n]*=[ \t\n]*(["'])([A-Za-z0-9._-]+)\1/.exec(decl);
    if (enc && !/^utf-?8$/i.test(enc[2])) fail('only UTF-8 is accepted', 0);
    this.pos = end + 2;
  }

  private markup(lt: number, stack: MutableElement[]): void {
    const s = this.s;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end === -1) fail('unterminated comment', lt);
      const value = s.slice(lt + 4, end);
      if (value.indexOf('--') !== -1 || value.endsWith('-')) fail("'--' in comment", lt);
      if (stack.length) stack[stack.length - 1].children.push({ kind: 'comment', value });
      this.pos = end + 3;
    } else if (s.startsWith('<![CDATA[', lt)) {
      if (!stack.length) fail('CDATA outside the root element', lt);
      const end = s.indexOf(']]>', lt + 9);
      if (end === -1) fail('unterminated CDATA section', lt);
      addText(stack[stack.length - 1], s.slice(lt + 9, end));
      this.pos = end + 3;
    } else if (/^<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/.test(s.slice(lt, lt + 10))) {
      // No DTD, hence no entity expansion and no external entities.
      throw new SigningError('doctype', 'DOCTYPE and markup declarations are refused');
    } else {
      fail("unexpected '<!'", lt);
    }
  }

  private pi(lt: number, stack: MutableElement[]): void {
    const s = this.s;
    NAME.lastIndex = lt + 2;
    const m = NAME.exec(s);
    if (!m || m[0].indexOf(':') !== -1) fail('bad processing instruction', lt);
    if (m[0].toLowerCase() === 'xml') fail('XML declaration not at the start', lt);
    const end = s.indexOf('?>', NAME.lastIndex);
    if (end === -1) fail('unterminated processing instruction', lt);
    let dataStart = NAME.lastIndex;
    if (dataStart < end) {
      WS.lastIndex = dataStart;
      WS.exec(s);
      if (WS.lastIndex === dataStart) fail('bad processing instruction', lt);
      dataStart = WS.lastIndex;
    }
    if (stack.length) stack[stack.length - 1].children.push({ kind: 'pi', target: m[0], data: s.slice(dataStart, end) });
    this.pos = end + 2;
  }

  private startTag(lt: number, parentScope: NsScope): MutableElement {
    const s = this.s;
    let p = scanName(s, lt + 1);
    const name = s.slice(lt + 1, p);
    const [prefix, local] = qname(name, lt);
    const raw: { name: string; value: string }[] = [];
    let seen: Set<string> | undefined;
    let nsCount = 0;
    let selfClosing = false;
    for (;;) {
      const q0 = p;
      p = skipWs(s, p);
      const c = s.charCodeAt(p);
      if (c === 0x3e) { p += 1; break; }
      if (c === 0x2f && s.charCodeAt(p + 1) === 0x3e) { p += 2; selfClosing = true; break; }
      if (p === q0) fail('bad start tag', lt);
      // Caps before any work on the attribute: a flood is refused after a bounded amount of work.
      if (raw.length >= this.limits.perElement) throw new SigningError('too-large', `more than ${this.limits.perElement} attributes on one element`);
      if (--this.attrBudget < 0) throw new SigningError('too-large', 'too many attributes in the document');
      const nameEnd = scanName(s, p);
      const an = s.slice(p, nameEnd);
      qname(an, p);
      if (an === 'xmlns' || an.startsWith('xmlns:')) {
        if (++nsCount > this.limits.nsPerElement) throw new SigningError('too-large', `more than ${this.limits.nsPerElement} namespace declarations on one element`);
        if (--this.nsBudget < 0) throw new SigningError('too-large', 'too many namespace declarations in the document');
      }
      p = skipWs(s, nameEnd);
      if (s.charCodeAt(p) !== 0x3d) fail('bad attribute', p);
      p = skipWs(s, p + 1);
      const q = s.charCodeAt(p);
      if (q !== 0x22 && q !== 0x27) fail('unquoted attribute value', p);
      const close = s.indexOf(q === 0x22 ? '"' : "'", p + 1);
      if (close === -1) fail('unterminated attribute value', p);
      const rawValue = s.slice(p + 1, close);
      if (rawValue.indexOf('<') !== -1) fail("'<' in attribute value", p);
      if (isDuplicate(raw, an, raw.length < SCAN_LIMIT ? undefined : (seen ??= new Set(raw.map((r) => r.name))))) fail(`duplicate attribute ${an}`, p);
      raw.push({ name: an, value: attrValue(rawValue, p) });
      p = close + 1;
    }

    // Namespaces in XML 1.0 §3-§6: declarations first, then resolve names.
    const nsDecls: XmlNsDecl[] = nsCount ? [] : NONE;
    if (nsCount) {
      for (const r of raw) {
        if (r.name === 'xmlns') {
          if (r.value === XML_NS || r.value === XMLNS_NS) fail('reserved namespace bound as default', lt);
          nsDecls.push({ prefix: '', uri: r.value });
        } else if (r.name.startsWith('xmlns:')) {
          const pfx = r.name.slice(6);
          checkNcName(pfx, lt);
          if (pfx === 'xmlns') fail('xmlns prefix declared', lt);
          if ((pfx === 'xml') !== (r.value === XML_NS) || r.value === XMLNS_NS) fail('reserved prefix or namespace misused', lt);
          if (r.value === '') fail(`empty namespace for prefix ${pfx}`, lt);
          nsDecls.push({ prefix: pfx, uri: r.value });
        }
      }
    }
    let scope = parentScope;
    if (nsDecls.length) scope = withBindings(parentScope, nsDecls);
    let ns: string;
    if (prefix) {
      const u = scope[prefix];
      if (u === undefined) fail(`undeclared prefix ${prefix}`, lt);
      ns = u;
    } else {
      ns = scope[''] ?? '';
    }
    const attrs: XmlAttr[] = raw.length > nsCount ? [] : NONE;
    // Namespaces in XML §6.3: no two attributes with the same expanded name.
    const expanded = raw.length - nsCount > SCAN_LIMIT ? new Set<string>() : undefined;
    for (const r of raw) {
      if (r.name === 'xmlns' || r.name.startsWith('xmlns:')) continue;
      const [ap, al] = qname(r.name, lt);
      let ans = '';
      if (ap) {
        const u = scope[ap];
        if (u === undefined) fail(`undeclared prefix ${ap}`, lt);
        ans = u;
      }
      if (expanded) {
        const key = `${ans}\u0000${al}`;
        if (expanded.has(key)) fail(`duplicate attribute ${r.name}`, lt);
        expanded.add(key);
      } else {
        for (const a of attrs) if (a.local === al && a.ns === ans) fail(`duplicate attribute ${r.name}`, lt);
      }
      attrs.push({ name: r.name, prefix: ap, local: al, ns: ans, value: r.value });
    }
    this.pos = p;
    return {
      kind: 'element', name, prefix, local, ns, attrs, nsDecls, scope, children: [],
      start: lt, end: selfClosing ? p : -1, innerStart: p, innerEnd: selfClosing ? p : -1, selfClosing,
    };
  }
}

/** Same attribute name written twice: a short scan for the usual few, a set beyond SCAN_LIMIT. */
function isDuplicate(raw: readonly { name: string }[], name: string, seen: Set<string> | undefined): boolean {
  if (seen) {
    if (seen.has(name)) return true;
    seen.add(name);
    return false;
  }
  for (const r of raw) if (r.name === name) return true;
  return false;
}

/** End of a name: the first whitespace, '>', '/', '=' (anything else is validated by qname()). */
function scanName(s: string, p: number): number {
  for (;;) {
    const c = s.charCodeAt(p);
    if (c <= 0x20 || c === 0x3e || c === 0x2f || c === 0x3d || Number.isNaN(c)) return p;
    p++;
  }
}

function skipWs(s: string, p: number): number {
  for (;;) {
    const c = s.charCodeAt(p);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09) return p;
    p++;
  }
}

// Names repeat constantly in SOAP traffic: validate each distinct one once. Bounded, since the
// names come from outside.
const QNAMES = new Map<string, [string, string]>();

/** Validates a QName (Namespaces in XML §4) and splits it into [prefix, local]. */
function qname(name: string, at: number): [string, string] {
  const known = QNAMES.get(name);
  if (known) return known;
  if (!QNAME.test(name)) fail(`bad name ${JSON.stringify(name.slice(0, 40))}`, at);
  const i = name.indexOf(':');
  const pair: [string, string] = i === -1 ? ['', name] : [name.slice(0, i), name.slice(i + 1)];
  if (QNAMES.size >= 4096) QNAMES.clear();
  QNAMES.set(name, pair);
  return pair;
}

function checkNcName(n: string, at: number): void {
  if (!n || n.indexOf(':') !== -1) fail(`bad prefix ${n}`, at);
}

function addText(el: MutableElement, value: string): void {
  if (!value) return;
  const last = el.children[el.children.length - 1];
  if (last && last.kind === 'text') el.children[el.children.length - 1] = { kind: 'text', value: last.value + value };
  else el.children.push({ kind: 'text', value });
}

/** XML 1.0 §3.3.3: literal whitespace becomes a space before references are decoded. */
function attrValue(raw: string, at: number): string {
  const v = /[\t\n]/.test(raw) ? raw.replace(/[\t\n]/g, ' ') : raw;
  return decode(v, at);
}

const PREDEFINED = new Map([['lt', '<'], ['gt', '>'], ['amp', '&'], ['quot', '"'], ['apos', "'"]]);

/** Decodes the five predefined entities and character references; anything else is an error. */
function decode(raw: string, at: number): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;
  let out = '';
  let last = 0;
  while (amp !== -1) {
    const semi = raw.indexOf(';', amp);
    if (semi === -1 || semi - amp > 12) fail("bare '&'", at);
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 0x23 /* # */) {
      const cp = ref[1] === 'x' ? (/^x[0-9A-Fa-f]+$/.test(ref.slice(1)) ? parseInt(ref.slice(2), 16) : NaN)
        : (/^[0-9]+$/.test(ref.slice(1)) ? parseInt(ref.slice(1), 10) : NaN);
      // XML 1.0 §2.2 Char production.
      if (!(cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
            (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) {
        fail('bad character reference', at);
      }
      ch = String.fromCodePoint(cp);
    } else {
      ch = PREDEFINED.get(ref);
      // Without a DTD no other entity is declared: an error, never an expansion.
      if (ch === undefined) fail(`undeclared entity &${ref};`, at);
    }
    out += raw.slice(last, amp) + ch;
    last = semi + 1;
    amp = raw.indexOf('&', last);
  }
  return out + raw.slice(last);
}
