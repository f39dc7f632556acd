/**
 * Exclusive C14N of the light DOM, checked against xml-crypto's ExclusiveCanonicalization over
 * @xmldom/xmldom as an independent oracle (tests only), and against hand-derived expectations
 * from the Exc-C14N / C14N 1.0 specifications where xml-crypto is known to differ (PIs,
 * InclusiveNamespaces on inherited prefixes).
 */
import { DOMParser } from '@xmldom/xmldom';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { excC14n } from '../../../../signing/xml/exc-c14n';
import { parseXml } from '../../../../signing/xml/parse-xml';
import type { XmlElement } from '../../../../signing/xml/light-dom';
import { walkElements } from '../../../../signing/xml/light-dom';

function ours(xml: string, local: string, prefixes?: string[]): string {
  let found: XmlElement | undefined;
  walkElements(parseXml(xml).root, (el) => { if (!found && el.local === local) found = el; });
  return excC14n(found!, { inclusivePrefixes: prefixes });
}

function oracle(xml: string, local: string): string {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    if (all[i].localName === local) return new ExclusiveCanonicalization().process(all[i] as never, {}).toString();
  }
  throw new Error('no ' + local);
}

const DOCS: [string, string, string][] = [
  ['unused declarations on an ancestor are dropped, used ones pulled down', 'b', `
<a:root xmlns:a="urn:a" xmlns:b="urn:b" xmlns:unused="urn:u"><b:b a:x="1">t</b:b></a:root>`],
  ['a prefix rebound to another URI deeper down', 'top', `
<p:top xmlns:p="urn:one"><p:mid><p:leaf xmlns:p="urn:two" p:at="v"/></p:mid></p:top>`],
  ['default namespace set, changed and undone with xmlns=""', 'r', `
<r xmlns="urn:d"><c xmlns="urn:e"><g xmlns=""><h/></g></c><c2/></r>`],
  ['attribute order: unqualified first, then by namespace URI, then local name', 'e', `
<e xmlns:z="urn:a" xmlns:a="urn:z" z:b="1" a:a="2" c="3" b="4" z:a="5"/>`],
  ['escaping of text and attribute values, references decoded first', 'v', `
<v at="tab&#9;nl&#10;cr&#13;amp&amp;lt&lt;gt&gt;quot&quot;apos'">a &amp; b &lt; c &gt; d &#13; "q" 'a'</v>`],
  ['literal whitespace in attributes is normalized to spaces before canonicalization', 'w', `
<w a="x
y	z"/>`],
  ['comments removed, CDATA becomes escaped text, whitespace text kept', 'doc', `
<doc>  <!-- gone -->
  <x><![CDATA[<raw> & ]]></x>
  <y>   </y>
</doc>`],
  ['empty elements as start/end pairs; non-ASCII text as is', 'm', `
<m><e/><f></f><g>Məmmədov Əli</g></m>`],
  ['subset: element whose namespaces are declared on an ancestor only', 'inner', `
<o xmlns="urn:default" xmlns:q="urn:q"><mid q:x="1"><inner><q:deep/></inner></mid></o>`],
  ['xml:lang on an ancestor is not inherited (exclusive, unlike inclusive C14N)', 'k', `
<j xml:lang="az"><k xml:space="preserve">x</k></j>`],
  ['SOAP Body with wsu:Id, declared on the Envelope', 'Body', `
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsu="urn:wsu"><s:Header/>
<s:Body wsu:Id="body"><p:get xmlns:p="urn:p"><p:fin>5ZK8F3R</p:fin></p:get></s:Body></s:Envelope>`],
];

describe('Exclusive C14N 1.0 over the light DOM', () => {
  test.each(DOCS)('%s: same bytes as xml-crypto', (_name, local, xml) => {
    expect(ours(xml, local)).toBe(oracle(xml, local));
  });

  test('Element rebinding its own prefix: only the binding in effect is rendered', () => {
    expect(ours('<p:a xmlns:p="urn:1"><p:b xmlns:p="urn:1"/></p:a>', 'a')).toBe('<p:a xmlns:p="urn:1"><p:b></p:b></p:a>');
  });

  test('InclusiveNamespaces PrefixList renders an in-scope prefix at the apex even if unused (Exc-C14N §3)', () => {
    const xml = '<r xmlns:keep="urn:k" xmlns:drop="urn:d"><a><b/></a></r>';
    expect(ours(xml, 'a', ['keep', 'drop', 'absent'])).toBe('<a xmlns:drop="urn:d" xmlns:keep="urn:k"><b></b></a>');
    expect(ours(xml, 'a')).toBe('<a><b></b></a>');
  });

  test('PrefixList #default renders the default namespace in scope', () => {
    expect(ours('<r xmlns="urn:d"><p:a xmlns:p="urn:p"/></r>', 'a', ['#default'])).toBe('<p:a xmlns="urn:d" xmlns:p="urn:p"></p:a>');
  });

  test('Processing instructions inside the subset are kept (C14N 1.0 §2.3)', () => {
    expect(ours('<a><?pi  some data?><?bare?></a>', 'a')).toBe('<a><?pi some data?><?bare?></a>');
  });

  test('Enveloped-signature transform: the excluded element and its subtree vanish', () => {
    const root = parseXml('<a><b>1</b><sig><x/></sig><c/></a>').root;
    const sig = root.children.find((c) => c.kind === 'element' && c.local === 'sig') as XmlElement;
    expect(excC14n(root, { exclude: sig })).toBe('<a><b>1</b><c></c></a>');
  });
});
