/**
 * A minimal DER reader (X.690) for the hot paths: the cached CMS verify and certificate
 * extension parsing walk a few known structures, and a schema-matching parser (asn1js/pkijs)
 * costs far more than the signature check itself. BER indefinite lengths are
 * accepted on read (some CMS producers stream), never produced.
 */
import { SigningError } from '../errors';

export interface Tlv {
  /** The identifier octet (single-byte tags only: CMS, X.509 and OCSP need no more). */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  valueStart: number;
  /** Offset one past the last content octet. */
  valueEnd: number;
  /** Offset one past the whole element (after the end-of-contents octets when indefinite). */
  end: number;
}

const MAX_DEPTH = 64;

function fail(msg: string): never {
  throw new SigningError('malformed', `DER: ${msg}`);
}

/** Reads the element starting at `offset`, never past `limit`. */
export function readTlv(buf: Uint8Array, offset: number, limit = buf.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) fail('nesting too deep');
  if (offset + 2 > limit) fail('truncated header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) fail('multi-byte tags are not supported');
  let p = offset + 1;
  const first = buf[p++]!;
  if (first === 0x80) {
    // Indefinite length (BER, X.690 §8.1.3.6): only for constructed encodings.
    if ((tag & 0x20) === 0) fail('indefinite length on a primitive');
    let q = p;
    for (;;) {
      if (q + 2 > limit) fail('missing end-of-contents');
      if (buf[q] === 0 && buf[q + 1] === 0) return { tag, start: offset, valueStart: p, valueEnd: q, end: q + 2 };
      q = readTlv(buf, q, limit, depth + 1).end;
    }
  }
  let len: number;
  if (first < 0x80) len = first;
  else {
    const n = first & 0x7f;
    if (n > 4 || p + n > limit) fail('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  }
  const end = p + len;
  if (end > limit) fail('element overruns its parent');
  return { tag, start: offset, valueStart: p, valueEnd: end, end };
}

/** The children of a constructed element. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  if ((parent.tag & 0x20) === 0) fail('expected a constructed element');
  const out: Tlv[] = [];
  for (let p = parent.valueStart; p < parent.valueEnd; ) {
    const t = readTlv(buf, p, parent.valueEnd);
    out.push(t);
    p = t.end;
  }
  return out;
}

export function expectTag(t: Tlv | undefined, tag: number, what: string): Tlv {
  if (!t || t.tag !== tag) fail(`expected ${what}`);
  return t;
}

export function bytes(buf: Uint8Array, t: Tlv): Buffer {
  return Buffer.from(buf.buffer, buf.byteOffset + t.start, t.end - t.start);
}

export function value(buf: Uint8Array, t: Tlv): Buffer {
  return Buffer.from(buf.buffer, buf.byteOffset + t.valueStart, t.valueEnd - t.valueStart);
}

/** Dotted OID from an OBJECT IDENTIFIER element (X.690 §8.19). */
export function oid(buf: Uint8Array, t: Tlv): string {
  if (t.tag !== 0x06) fail('expected OBJECT IDENTIFIER');
  const parts: number[] = [];
  let v = 0;
  for (let p = t.valueStart; p < t.valueEnd; p++) {
    const b = buf[p]!;
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) {
        const first = v < 80 ? Math.floor(v / 40) : 2;
        parts.push(first, v - first * 40);
      } else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** INTEGER as lower-case hex without leading zero octets (how serials are compared). */
export function integerHex(buf: Uint8Array, t: Tlv): string {
  if (t.tag !== 0x02) fail('expected INTEGER');
  return normalizeSerial(value(buf, t).toString('hex'));
}

export function normalizeSerial(hex: string): string {
  const s = hex.toLowerCase().replace(/^(00)+/, '');
  return s === '' ? '00' : s;
}

/** UTCTime / GeneralizedTime (RFC 5280 §4.1.2.5: UTCTime years 50-99 are 19xx). */
export function time(buf: Uint8Array, t: Tlv): Date {
  const s = value(buf, t).toString('latin1');
  let m: RegExpMatchArray | null;
  if (t.tag === 0x17 && (m = s.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)?Z$/))) {
    const yy = Number(m[1]);
    return new Date(Date.UTC(yy >= 50 ? 1900 + yy : 2000 + yy, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  }
  if (t.tag === 0x18 && (m = s.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.(\d+))?Z$/))) {
    const ms = m[7] ? Number(('0.' + m[7])) * 1000 : 0;
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), Math.round(ms)));
  }
  return fail('bad time');
}

/** Parses a whole buffer as exactly one element (trailing bytes are refused). */
export function root(buf: Uint8Array): Tlv {
  const t = readTlv(buf, 0);
  if (t.end !== buf.length) fail('trailing bytes');
  return t;
}
