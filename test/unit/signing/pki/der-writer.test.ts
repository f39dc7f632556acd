/**
 * DER written in one pass (encode over node trees) against DER written level by level (tlv): the
 * CMS structures around an evidence packet use the first, every other structure the second.
 */
import { children, root } from '../../../../signing/pki/der';
import { encode, explicit, node, octets, seq, tlv } from '../../../../signing/pki/der-writer';

describe('DER writer', () => {
  it.each([0, 1, 127, 128, 255, 256, 65535, 65536, 70000])(
    'A %d-byte value nested three levels deep between siblings. Result: the same bytes as tlv level by level, lengths in short or long form (X.690 §8.1.3)',
    (size) => {
      const v = Buffer.alloc(size, 0x5a);
      const version = tlv(0x02, Buffer.from([1]));
      const oid = tlv(0x06, Buffer.from([0x2a, 0x03]));
      const byLevels = seq(version, explicit(0, seq(oid, octets(v))), version);
      const inOnePass = encode(node(0x30, version, node(0xa0, node(0x30, oid, node(0x04, v))), version));
      expect(inOnePass.equals(byLevels)).toBe(true);
      expect(children(inOnePass, root(inOnePass))).toHaveLength(3);
    },
  );

  it('Empty nodes beside a raw part. Result: each a tag and a zero length, the raw part copied as it is', () => {
    expect([...encode(node(0x30, node(0x31), Buffer.from([1, 2, 3]), node(0x05)))]).toEqual([0x30, 0x07, 0x31, 0x00, 1, 2, 3, 0x05, 0x00]);
  });
});
