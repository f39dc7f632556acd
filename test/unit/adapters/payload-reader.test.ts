/**
 * The adapter kit's strict payload reader (adapters/kit/payload-reader.ts), what every SOAP mapper
 * of a registry module reads its verified payload with. A shape it does not know throws.
 */
import { payloadReader } from '../../../adapters/kit/payload-reader';
import { parseXml } from '../../../signing/xml/parse-xml';

const NS = 'urn:test:registry';
const r = payloadReader(NS, 'test answer');
const doc = (inner: string) => parseXml(`<t:answer xmlns:t="${NS}" xmlns:o="urn:other">${inner}</t:answer>`).root;

describe('payload reader', () => {
  test('A value split by a comment (XML Signature comment injection). Result: the full text, comment skipped', () => {
    expect(r.text(doc('<t:number>İC-2025-<!-- x -->004817</t:number>'), 'number')).toBe('İC-2025-004817');
  });

  test('An element of the same local name in another namespace. Result: not taken for ours (missing: throws)', () => {
    expect(() => r.text(doc('<o:number>1</o:number>'), 'number')).toThrow(/exactly one number/);
  });

  test('A required element twice, an optional one twice. Result: both throw; an optional one absent is null', () => {
    expect(() => r.one(doc('<t:a>1</t:a><t:a>2</t:a>'), 'a')).toThrow(/exactly one a/);
    expect(() => r.optText(doc('<t:a>1</t:a><t:a>2</t:a>'), 'a')).toThrow(/more than one a/);
    expect(r.optText(doc(''), 'a')).toBeNull();
  });

  test('Numbers. Result: integers and decimals in their XSD lexical form only', () => {
    expect(r.int(doc('<t:n> 42 </t:n>'), 'n')).toBe(42);
    expect(() => r.int(doc('<t:n>4.2</t:n>'), 'n')).toThrow(/integer/);
    expect(() => r.int(doc('<t:n>99999999999999999999</t:n>'), 'n')).toThrow(/range/);
    expect(r.decimal(doc('<t:n>62.50</t:n>'), 'n')).toBe(62.5);
    expect(() => r.decimal(doc('<t:n>1e3</t:n>'), 'n')).toThrow(/decimal/);
  });

  test('Booleans. Result: true/false/1/0, anything else throws', () => {
    expect(r.bool(doc('<t:b>1</t:b>'), 'b')).toBe(true);
    expect(r.bool(doc('<t:b>false</t:b>'), 'b')).toBe(false);
    expect(() => r.bool(doc('<t:b>yes</t:b>'), 'b')).toThrow(/boolean/);
  });

  test('A coded value and an amount. Result: code and label; the amount kept as its decimal string with the currency', () => {
    expect(r.coded(doc('<t:k code="arrest">Həbs</t:k>'), 'k')).toEqual({ code: 'arrest', label: 'Həbs' });
    expect(() => r.coded(doc('<t:k>Həbs</t:k>'), 'k')).toThrow(/no code/);
    expect(r.amount(doc('<t:m currency="AZN">12450.00</t:m>'), 'm')).toEqual({ amount: '12450.00', currency: 'AZN' });
    expect(() => r.amount(doc('<t:m>1.00</t:m>'), 'm')).toThrow(/currency/);
    expect(() => r.amount(doc('<t:m currency="AZN">ten</t:m>'), 'm')).toThrow(/decimal/);
  });

  test('The subject. Result: exactly one fin or one voen of our namespace; anything else throws', () => {
    expect(r.subject(doc('<t:subject><t:fin>5ZK8F3R</t:fin></t:subject>'))).toEqual({ fin: '5ZK8F3R' });
    expect(r.subject(doc('<t:subject><t:voen>1401234561</t:voen></t:subject>'))).toEqual({ voen: '1401234561' });
    expect(() => r.subject(doc('<t:subject><t:fin>5ZK8F3R</t:fin><t:voen>1401234561</t:voen></t:subject>'))).toThrow(/subject/);
    expect(() => r.subject(doc('<t:subject><o:fin>5ZK8F3R</o:fin></t:subject>'))).toThrow(/subject/);
    expect(() => r.subject(doc('<t:subject><t:name>X</t:name></t:subject>'))).toThrow(/subject/);
  });

  test('A list with only its items, empty, or with anything else inside. Result: the items, none, throws', () => {
    expect(r.list(doc('<t:l><t:i>1</t:i><t:i>2</t:i></t:l>'), 'l', 'i')).toHaveLength(2);
    expect(r.list(doc('<t:l/>'), 'l', 'i')).toEqual([]);
    expect(() => r.list(doc('<t:l><t:i/><t:j/></t:l>'), 'l', 'i')).toThrow(/holds something other than i/);
    expect(() => r.list(doc('<t:l><o:i/></t:l>'), 'l', 'i')).toThrow(/holds something other than i/);
  });

  test('A code with its label as two child elements. Result: both read; a missing label throws', () => {
    expect(r.codedElements(doc('<t:s><t:code>in-court</t:code><t:label>Məhkəmədə baxılır</t:label></t:s>'), 's')).toEqual({ code: 'in-court', label: 'Məhkəmədə baxılır' });
    expect(() => r.codedElements(doc('<t:s><t:code>in-court</t:code></t:s>'), 's')).toThrow(/label/);
  });
});
