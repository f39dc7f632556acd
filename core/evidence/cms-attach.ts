/**
 * Turns a detached CMS SignedData into an attached one and back (RFC 5652 §5.2): the signed
 * attributes carry the content's messageDigest either way, so placing the content into
 * encapContentInfo.eContent changes no signed byte. The evidence packet is shipped attached —
 * one self-contained .p7s file that `openssl cms -verify -inform DER -in packet.p7s -CAfile
 * root.pem` checks offline and prints — and is verified by detaching it again, so the hub has
 * one CMS verifier (signing/cms/verify-detached.ts) for everything people and the hub sign.
 */
import { SigningError } from '../../signing/errors';
import { bytes, children, expectTag, oid, readTlv, root, value } from '../../signing/pki/der';
import { encode, node, oidDer, type DerNode } from '../../signing/pki/der-writer';
import { OID } from '../../signing/pki/oids';

interface Parts { fields: Buffer[]; encapIndex: number; eContentType: string; eContent?: Buffer }

function parse(der: Buffer): Parts {
  const ci = children(der, expectTag(root(der), 0x30, 'ContentInfo'));
  if (ci.length !== 2 || oid(der, ci[0]!) !== OID.signedData) throw new SigningError('malformed', 'CMS: not a SignedData');
  const sdTlv = expectTag(readTlv(der, ci[1]!.valueStart, ci[1]!.valueEnd), 0x30, 'SignedData');
  const sd = children(der, sdTlv);
  const encapIndex = 2;
  const encap = children(der, expectTag(sd[encapIndex], 0x30, 'EncapsulatedContentInfo'));
  const eContentType = oid(der, encap[0]!);
  let eContent: Buffer | undefined;
  if (encap[1]) {
    const wrapped = expectTag(readTlv(der, encap[1].valueStart, encap[1].valueEnd), 0x04, 'eContent');
    // Only the primitive DER form: a constructed (BER) OCTET STRING is refused, not reassembled.
    eContent = Buffer.from(value(der, wrapped));
  }
  // Views into `der`: they are only written into the rebuilt structure.
  return { fields: sd.map((t) => bytes(der, t)), encapIndex, eContentType, eContent };
}

/** Written in one pass (der-writer.ts encode): the content, the largest part, is copied once. */
function rebuild(p: Parts, encap: DerNode): Buffer {
  const fields: (Uint8Array | DerNode)[] = p.fields.slice();
  fields[p.encapIndex] = encap;
  return encode(node(0x30, oidDer(OID.signedData), node(0xa0, node(0x30, ...fields))));
}

/** A detached SignedData (no eContent) + the content it signs → the attached SignedData. */
export function attachContent(detachedDer: Buffer, content: Buffer): Buffer {
  const p = parse(detachedDer);
  if (p.eContent) throw new SigningError('malformed', 'CMS: already attached');
  return rebuild(p, node(0x30, oidDer(p.eContentType), node(0xa0, node(0x04, content))));
}

/** An attached SignedData → its content and the same SignedData without eContent. */
export function detachContent(attachedDer: Buffer): { content: Buffer; detached: Buffer } {
  const p = parse(attachedDer);
  if (!p.eContent) throw new SigningError('missing-element', 'CMS: no encapsulated content');
  return { content: p.eContent, detached: rebuild(p, node(0x30, oidDer(p.eContentType))) };
}
