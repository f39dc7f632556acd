/**
 * adapters/kit/payload-reader.ts: the strict reading every SOAP mapper of a registry module uses.
 * A shape the mapper does not know throws; what the XSD allows is read as XML Schema defines it.
 */
import { payloadReader } from '../../../adapters/kit/payload-reader';
import { parseXml } from '../../../signing/xml/parse-xml';

const NS = 'urn:test:registry';
const x = payloadReader(NS, 'test');
const el = (inner: string) => parseXml(`<r xmlns="${NS}" xmlns:o="urn:other">${inner}</r>`).root;

describe('payload reader', () => {
  test('A required element read by namespace. Result: its full text, comments skipped, trimmed; one in another namespace does not count', () => {
    expect(x.text(el('<a> v<!-- c -->w </a>'), 'a')).toBe('vw');
    expect(() => x.text(el('<o:a>v</o:a>'), 'a')).toThrow('test answer: expected exactly one a in r, found 0');
  });

  test('A required element repeated, or an optional one repeated. Result: throws; an optional one absent is null', () => {
    expect(() => x.one(el('<a/><a/>'), 'a')).toThrow(/found 2/);
    expect(() => x.optText(el('<a>1</a><a>2</a>'), 'a')).toThrow(/at most one a/);
    expect(x.optText(el(''), 'a')).toBeNull();
  });

  test.each([['true', true], ['1', true], ['false', false], ['0', false]])('xs:boolean "%s". Result: %s', (lexical, value) => {
    expect(x.bool(el(`<b>${lexical}</b>`), 'b')).toBe(value);
  });

  test.each(['yes', 'TRUE', '', 'toString', 'constructor'])('Not an xs:boolean: "%s". Result: throws', (lexical) => {
    expect(() => x.bool(el(`<b>${lexical}</b>`), 'b')).toThrow(/not an xs:boolean/);
  });

  test('Integers: digits with an optional sign. Result: a number; a decimal, an exponent or empty text throws', () => {
    expect(x.int(el('<n>2017</n>'), 'n')).toBe(2017);
    for (const bad of ['2017.5', '2e3', '', '0x10']) expect(() => x.int(el(`<n>${bad}</n>`), 'n')).toThrow(/not an integer/);
  });

  test('A list with only its items, empty, or with anything else inside. Result: the items, none, throws', () => {
    expect(x.list(el('<l><i>1</i><i>2</i></l>'), 'l', 'i')).toHaveLength(2);
    expect(x.list(el('<l/>'), 'l', 'i')).toEqual([]);
    expect(() => x.list(el('<l><i/><j/></l>'), 'l', 'i')).toThrow(/holds something other than i/);
    expect(() => x.list(el('<l><o:i/></l>'), 'l', 'i')).toThrow(/holds something other than i/);
  });

  test('A code with its label; one without a label. Result: { code, label }; throws', () => {
    expect(x.coded(el('<s><code>in-court</code><label>Məhkəmədə baxılır</label></s>'), 's')).toEqual({ code: 'in-court', label: 'Məhkəmədə baxılır' });
    expect(() => x.coded(el('<s><code>in-court</code></s>'), 's')).toThrow(/label/);
  });
});
