/** A tiny DER writer (X.690 §10) for the few structures signing/ emits by hand (OCSP requests). */

export function tlv(tag: number, ...parts: Uint8Array[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  let hdr: number[];
  if (n < 0x80) hdr = [tag, n];
  else {
    const lenBytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) lenBytes.unshift(v & 0xff);
    hdr = [tag, 0x80 | lenBytes.length, ...lenBytes];
  }
  return Buffer.concat([Buffer.from(hdr), body]);
}

export const seq = (...parts: Uint8Array[]): Buffer => tlv(0x30, ...parts);
export const octets = (b: Uint8Array): Buffer => tlv(0x04, b);
export const explicit = (n: number, ...parts: Uint8Array[]): Buffer => tlv(0xa0 + n, ...parts);
export const NULL = Buffer.from([0x05, 0x00]);

export function oidDer(dotted: string): Buffer {
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
