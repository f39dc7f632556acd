/**
 * The strict parser for XML from outside (docs/conventions.md, XML signature rule 1): no DTD, fatal errors, size and
 * depth limits, namespaces resolved, offsets kept for splicing.
 */
import { isSigningError } from '../../../../signing/errors';
import { attr, childElements, textContent } from '../../../../signing/xml/light-dom';
import { parseXml } from '../../../../signing/xml/parse-xml';
import { xmlFlood } from '../../../../mocks/kit/xml-flood';

function reason(f: () => unknown): string | undefined {
  try { f(); } catch (e) { if (isSigningError(e)) return e.reason; throw e; }
  return undefined;
}

describe('Parsing XML from outside', () => {
  test('Namespaces are resolved on elements and attributes; unprefixed attributes have none', () => {
    const doc = parseXml('<?xml version="1.0" encoding="UTF-8"?><a:r xmlns:a="urn:a" xmlns="urn:d" x="1" a:y="2"><c/></a:r>');
    expect(doc.root).toMatchObject({ prefix: 'a', local: 'r', ns: 'urn:a' });
    expect(doc.root.attrs.map((a) => [a.name, a.ns])).toEqual([['x', ''], ['a:y', 'urn:a']]);
    expect(childElements(doc.root)[0].ns).toBe('urn:d');
  });

  test('Nested declarations: each element sees its ancestors\' bindings and its own over them, in a flat scope of its own (no prototype chain that would keep the message alive past minor collections)', () => {
    const doc = parseXml('<a:r xmlns:a="urn:a" xmlns="urn:d"><b:x xmlns:b="urn:b"><y xmlns="urn:e" xmlns:a="urn:a2"/></b:x><z/></a:r>');
    const [x, z] = childElements(doc.root);
    const [y] = childElements(x);
    expect({ ...x.scope }).toEqual({ xml: 'http://www.w3.org/XML/1998/namespace', a: 'urn:a', '': 'urn:d', b: 'urn:b' });
    expect({ ...y.scope }).toEqual({ xml: 'http://www.w3.org/XML/1998/namespace', a: 'urn:a2', '': 'urn:e', b: 'urn:b' });
    expect([doc.root.scope, x.scope, y.scope].map((s) => Object.getPrototypeOf(s))).toEqual([null, null, null]);
    expect(z.scope).toBe(doc.root.scope);
    expect([y.ns, z.ns]).toEqual(['urn:e', 'urn:d']);
  });

  test('Offsets point at the element source, for splicing without reserializing', () => {
    const src = '<r><h a="1"/><b>x</b></r>';
    const doc = parseXml(src);
    const [h, b] = childElements(doc.root);
    expect(src.slice(h.start, h.end)).toBe('<h a="1"/>');
    expect(h.selfClosing).toBe(true);
    expect(src.slice(b.start, b.end)).toBe('<b>x</b>');
    expect(src.slice(b.innerStart, b.innerEnd)).toBe('x');
  });

  test('Text content spans comments, CDATA and child elements; line ends are normalized', () => {
    const doc = parseXml('<r>a<!-- c -->b<![CDATA[<c>]]><i>d</i>\r\ne&#x41;&#66;</r>');
    expect(textContent(doc.root)).toBe('ab<c>d\neAB');
  });

  test('Attribute values: literal tab/newline become spaces, character references do not', () => {
    expect(attr(parseXml('<r a="x\ty\nz&#10;"/>').root, '', 'a')).toBe('x y z\n');
  });

  test('A redundant xml prefix declaration with the right URI is accepted', () => {
    expect(parseXml('<r xmlns:xml="http://www.w3.org/XML/1998/namespace" xml:lang="az"/>').root.attrs[0].ns)
      .toBe('http://www.w3.org/XML/1998/namespace');
  });

  test('Sender includes a DOCTYPE with a billion-laughs entity. Result: doctype, nothing expanded', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(reason(() => parseXml(lol))).toBe('doctype');
  });

  test('Sender uses an entity that no DTD declares. Result: malformed, never expanded', () => {
    expect(reason(() => parseXml('<r>&ext;</r>'))).toBe('malformed');
    expect(reason(() => parseXml('<r>&constructor;</r>'))).toBe('malformed');
  });

  test('Message larger than the limit. Result: too-large before parsing', () => {
    expect(reason(() => parseXml('<r>' + 'x'.repeat(2000) + '</r>', { maxBytes: 1000 }))).toBe('too-large');
    expect(reason(() => parseXml(Buffer.from('<r>' + 'ə'.repeat(600) + '</r>'), { maxBytes: 1000 }))).toBe('too-large');
    expect(reason(() => parseXml('<r>' + 'ə'.repeat(600) + '</r>', { maxBytes: 1000 }))).toBe('too-large');
  });

  test('Deeply nested elements beyond the depth limit. Result: too-large', () => {
    expect(reason(() => parseXml('<a>'.repeat(200) + '</a>'.repeat(200)))).toBe('too-large');
  });

  test.each([
    ['unclosed element', '<r><a></r>'],
    ['mismatched end tag', '<r></s>'],
    ['two roots', '<r/><s/>'],
    ['text after the root', '<r/>x'],
    ['undeclared prefix', '<p:r/>'],
    ['duplicate attribute', '<r a="1" a="2"/>'],
    ['same expanded attribute name twice', '<r xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>'],
    ['unquoted attribute', '<r a=1/>'],
    ['< in an attribute', '<r a="<"/>'],
    ['bare ampersand', '<r>a & b</r>'],
    ['illegal control character', '<r>\u0001</r>'],
    ['character reference to NUL', '<r>&#0;</r>'],
    ['double hyphen in a comment', '<r><!-- a -- b --></r>'],
    ['XML declaration not at the start', ' <?xml version="1.0"?><r/>'],
    ['non-UTF-8 encoding declared', '<?xml version="1.0" encoding="ISO-8859-1"?><r/>'],
    ['empty prefix binding', '<r xmlns:p=""/>'],
    ['empty document', ''],
    ['invalid UTF-8 bytes', Buffer.from([0x3c, 0x72, 0x3e, 0xff, 0x3c, 0x2f, 0x72, 0x3e])],
  ])('Broken input (%s). Result: malformed', (_n, xml) => {
    expect(reason(() => parseXml(xml))).toBe('malformed');
  });
});

describe('Parsing in linear time with caps (a registry answer built to stall the parser)', () => {
  test.each([
    ['100,000 attributes on one element', 'attributes' as const, 90_000],
    ['40,000 namespace declarations on one element', 'namespaces' as const, 40_000],
    ['10 attributes on each of 16,000 elements', 'attributes-spread' as const, 16_000],
    ['4 namespace declarations on each of 15,000 elements', 'namespaces-spread' as const, 15_000],
  ])('A 1 MiB answer with %s. Result: too-large, refused by a cap', (_what, kind, atLeast) => {
    const { xml, units } = xmlFlood(kind);
    expect(units).toBeGreaterThan(atLeast);
    expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(1024 * 1024);
    expect(reason(() => parseXml(xml))).toBe('too-large');
  });

  test('An element with 200 attributes and one with 60 namespace declarations, within the caps. Result: parsed, every attribute kept', () => {
    const attrs = Array.from({ length: 200 }, (_, i) => ` a${i}="${i}"`).join('');
    const decls = Array.from({ length: 60 }, (_, i) => ` xmlns:p${i}="urn:${i}"`).join('');
    const doc = parseXml(`<r${decls}><e${attrs}/></r>`);
    expect(doc.root.nsDecls).toHaveLength(60);
    expect(childElements(doc.root)[0].attrs).toHaveLength(200);
    expect(attr(childElements(doc.root)[0], '', 'a199')).toBe('199');
  });

  test('The same attribute twice among many (found through the set, not by comparing pairs). Result: malformed', () => {
    const attrs = Array.from({ length: 100 }, (_, i) => ` a${i}="${i}"`).join('');
    expect(reason(() => parseXml(`<r${attrs} a57="x"/>`))).toBe('malformed');
    const decls = Array.from({ length: 20 }, (_, i) => ` xmlns:p${i}="urn:x"`).join('');
    const same = Array.from({ length: 20 }, (_, i) => ` p${i}:a="1"`).join('');
    expect(reason(() => parseXml(`<r${decls}${same}/>`))).toBe('malformed');
  });

  test('Caps are options: a caller may lower them. Result: 11 attributes refused where 10 are allowed', () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => ` a${i}="1"`).join('');
    expect(reason(() => parseXml(`<r${attrs(10)}/>`, { maxAttributesPerElement: 10 }))).toBeUndefined();
    expect(reason(() => parseXml(`<r${attrs(11)}/>`, { maxAttributesPerElement: 10 }))).toBe('too-large');
    expect(reason(() => parseXml(`<r><a x="1"/><b y="1"/></r>`, { maxAttributesPerDocument: 1 }))).toBe('too-large');
    expect(reason(() => parseXml(`<r xmlns:a="urn:a"><b xmlns:c="urn:c"/></r>`, { maxNsDeclsPerDocument: 1 }))).toBe('too-large');
  });
});
