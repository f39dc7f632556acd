/** A tiny DER writer (X.690 §10) for the few structures signing/ emits by hand (CMS, OCSP requests). */
import { OID } from './oids';

/** X.690 §8.1.3 length octets after the first: none below 128, else the count of big-endian bytes. */
const longLengthBytes = (n: number): number => (n < 0x80 ? 0 : n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4);

/** Writes tag and length (short form below 128, else 0x80 | count, then big-endian) at `off`; returns where the value starts. */
function writeHeader(out: Buffer, off: number, tag: number, n: number): number {
  const lenBytes = longLengthBytes(n);
  out[off] = tag;
  if (lenBytes === 0) out[off + 1] = n;
  else {
    out[off + 1] = 0x80 | lenBytes;
    for (let i = lenBytes, v = n; i >= 1; i--, v = Math.floor(v / 256)) out[off + 1 + i] = v & 0xff;
  }
  return off + 2 + lenBytes;
}

/**
 * One TLV, its parts copied once into a buffer of the final size (one copy per level; for a large
 * value nested deep, see node and encode below).
 */
export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = Buffer.allocUnsafe(2 + longLengthBytes(n) + n);
  let off = writeHeader(out, 0, tag, n);
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/**
 * A TLV not yet written: its parts are written once, straight into the buffer of the outermost
 * node (encode), however deep they nest. For structures around a large value (an attached
 * evidence packet inside five levels), where tlv() would copy the value at every level.
 */
export interface DerNode { readonly tag: number; readonly parts: readonly (Uint8Array | DerNode)[] }

export const node = (tag: number, ...parts: (Uint8Array | DerNode)[]): DerNode => ({ tag, parts });

function sizes(n: DerNode, body: Map<DerNode, number>): number {
  let b = 0;
  for (const p of n.parts) b += p instanceof Uint8Array ? p.length : sizes(p, body);
  body.set(n, b);
  return 2 + longLengthBytes(b) + b;
}

function write(n: DerNode, body: Map<DerNode, number>, out: Buffer, off: number): number {
  off = writeHeader(out, off, n.tag, body.get(n)!);
  for (const p of n.parts) {
    if (p instanceof Uint8Array) {
      out.set(p, off);
      off += p.length;
    } else off = write(p, body, out, off);
  }
  return off;
}

/** The DER of a node tree, in one buffer of the final size. */
export function encode(n: DerNode): Buffer {
  const body = new Map<DerNode, number>();
  const out = Buffer.allocUnsafe(sizes(n, body));
  write(n, body, out, 0);
  return out;
}

export const seq = (...parts: Uint8Array[]): Buffer => tlv(0x30, ...parts);
export const octets = (b: Uint8Array): Buffer => tlv(0x04, b);
export const explicit = (n: number, ...parts: Uint8Array[]): Buffer => tlv(0xa0 + n, ...parts);
export const NULL = Buffer.from([0x05, 0x00]);

function encodeOid(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  const enc = (v: number) => {
    const tmp = [v & 0x7f];
    for (v = Math.floor(v / 128); v > 0; v = Math.floor(v / 128)) tmp.unshift((v & 0x7f) | 0x80);
    out.push(...tmp);
  };
  enc(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) enc(a);
  return tlv(0x06, Buffer.from(out));
}

/** The OIDs signing/ knows (oids.ts), encoded once; others (read from a message) each time. */
const KNOWN = new Map<string, Buffer>(Object.values(OID).map((o) => [o, encodeOid(o)]));

/** OBJECT IDENTIFIER (X.690 §8.19). Callers only copy the result into larger TLVs, never write to it. */
export function oidDer(dotted: string): Buffer {
  return KNOWN.get(dotted) ?? encodeOid(dotted);
}

/** INTEGER from a hex magnitude (serial numbers are positive: a leading 00 when the top bit is set). */
export function intHex(hex: string): Buffer {
  let b = Buffer.from(hex.length % 2 ? '0' + hex : hex, 'hex');
  if (b.length === 0) b = Buffer.from([0]);
  if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

export function generalizedTime(d: Date): Buffer {
  const s = d.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
  return tlv(0x18, Buffer.from(s, 'latin1'));
}
