/** RFC 8785 canonical JSON: the bytes judges sign and audit records are hashed over. */
import { randomBytes } from 'node:crypto';
import { canonicalJson, canonicalJsonBytes } from '../../../signing/canonical-json';

describe('RFC 8785 canonical JSON', () => {
  it('The example of RFC 8785 §3.2.4. Result: its numbers, literals and string escapes exactly as the RFC prints them', () => {
    const input = JSON.parse('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], '
      + '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}');
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
      + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('Keys outside ASCII, including a surrogate pair (RFC 8785 §3.2.3). Result: sorted by UTF-16 code units, not by code points', () => {
    const input = { '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 };
    // (JSON.parse would put the integer-like key "1" first again: compare the text.)
    expect(canonicalJson(input)).toBe('{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":5,"\ufb33":3}');
  });

  it('Members whose value is undefined and undefined array elements. Result: left out, and null, as JSON.stringify does', () => {
    expect(canonicalJson({ b: undefined, a: [1, undefined, { c: undefined }], d: 'x' })).toBe('{"a":[1,null,{}],"d":"x"}');
    expect(canonicalJson({ only: undefined })).toBe('{}');
  });

  it('The same document with its members in another order, nested. Result: the same bytes', () => {
    const a = { z: { y: [{ b: 2, a: 1 }], x: 'é' }, a: -0, n: 1.5e-7 };
    const b = { n: 1.5e-7, a: 0, z: { x: 'é', y: [{ a: 1, b: 2 }] } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":0,"n":1.5e-7,"z":{"x":"é","y":[{"a":1,"b":2}]}}');
  });

  it('Objects of 20 and of 40 keys, shuffled: upper and lower case, digits, prefixes of each other, outside ASCII. Result: members in the order of the default sort (UTF-16 code units) at both sizes', () => {
    const pool = ['b', 'B', 'ba', 'b0', 'Z', 'a', 'aa', '_x', 'é', '\u20ac', '\ud83d\ude00', '\ufb33', 'x1', 'x10', 'x2', 'Y', 'y', '-', 'k', 'K',
      'm', 'mm', 'M', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'z', 'zz', 'Ab', 'aB', 'AB', 'ab', 'c'];
    let seed = 7;
    const shuffled = (keys: string[]) => {
      const out = keys.slice();
      for (let i = out.length - 1; i > 0; i--) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const j = seed % (i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    };
    for (const n of [20, 40]) {
      const keys = shuffled(pool.slice(0, n));
      const obj = Object.fromEntries(keys.map((k, i) => [k, i]));
      const expected = '{' + keys.slice().sort().map((k) => `${JSON.stringify(k)}:${obj[k]}`).join(',') + '}';
      expect(canonicalJson(obj)).toBe(expected);
    }
  });

  it('Long strings: base64 of some kilobytes, the same with a quote, a backslash, a control character, a non-ASCII letter or a lone surrogate, and near-base64 (unpadded, URL-safe, with a newline). Result: text and bytes exactly those of JSON.stringify and its UTF-8, in every position of a document', () => {
    const b64 = randomBytes(7000).toString('base64');
    const longs = [b64, `${b64.slice(0, 300)}"${b64.slice(300)}`, `${b64}\\`, `\u0001${b64}`, `${b64}é`, `${b64}\ud800`,
      b64.replace(/=+$/, ''), b64.replace(/\+/g, '-').replace(/\//g, '_'), `${b64.slice(0, 400)}\n${b64.slice(400)}`, 'A'.repeat(256), 'A'.repeat(255)];
    for (const v of longs) {
      const doc = { z: v, a: [v, { v, n: 1 }], m: 'é€', k: v };
      const text = canonicalJson(doc);
      expect(text).toBe(`{"a":[${JSON.stringify(v)},{"n":1,"v":${JSON.stringify(v)}}],"k":${JSON.stringify(v)},"m":"é€","z":${JSON.stringify(v)}}`);
      expect(canonicalJsonBytes(doc).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(canonicalJson(v)).toBe(JSON.stringify(v));
      expect(canonicalJsonBytes(v).equals(Buffer.from(JSON.stringify(v), 'utf8'))).toBe(true);
    }
  });

  it('Bytes of a document without long strings, and of a lone value. Result: the UTF-8 of the canonical text', () => {
    for (const doc of [{ b: 'ü', a: [1, 2.5, null, true] }, 'x', 0, [], {}]) {
      expect(canonicalJsonBytes(doc).equals(Buffer.from(canonicalJson(doc), 'utf8'))).toBe(true);
    }
  });

  it('NaN, Infinity, a function, a bigint or undefined alone. Result: refused, nothing is made up for them', () => {
    for (const bad of [NaN, Infinity, -Infinity, () => 1, BigInt(1), undefined, { a: NaN }, [Infinity]]) {
      expect(() => canonicalJson(bad)).toThrow(TypeError);
    }
  });
});
