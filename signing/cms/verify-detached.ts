/**
 * Verification of a detached CMS SignedData with CAdES-BES attributes (RFC 5652 §5.4, §5.6;
 * RFC 5035 §5.4; ETSI EN 319 122-1 §5.2). Read with a small DER walker rather than pkijs:
 * this runs for every order a judge sends and must cost little beyond the signature check
 *. The certificate inside the message names the signer; it is trusted only
 * after the PathValidator has chained it to a configured anchor at the signing time.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import { SigningError } from '../errors';
import { Tlv, bytes, children, expectTag, oid, readTlv, root, time, value } from '../pki/der';
import { DIGESTS, OID } from '../pki/oids';
import { PathValidator, ValidatedCert } from '../pki/path-validator';
import { HashName, parseDigestAlg, parseSigAlg, verifyWith } from '../pki/sig-alg';

export interface VerifyOptions {
  /** Key usages the signer's certificate must carry (judges: nonRepudiation, DESIGN §5). */
  requireKeyUsage?: ('digitalSignature' | 'nonRepudiation')[];
  requireEku?: string[];
}

export interface VerifiedSignature {
  signer: ValidatedCert;
  signingTime: Date;
}

function malformed(msg: string): never {
  throw new SigningError('malformed', `CMS: ${msg}`);
}

interface ParsedSignerInfo {
  sid: Tlv;
  digest: HashName;
  signedAttrs: Tlv;
  sigAlg: Tlv;
  signature: Buffer;
}

export async function verifyDetached(content: Buffer, signatureDer: Buffer, validator: PathValidator, opts: VerifyOptions = {}): Promise<VerifiedSignature> {
  const buf = signatureDer;
  const ci = children(buf, expectTag(root(buf), 0x30, 'ContentInfo'));
  if (ci.length !== 2 || oid(buf, ci[0]!) !== OID.signedData) malformed('not a SignedData');
  const sd = children(buf, expectTag(readTlv(buf, ci[1]!.valueStart, ci[1]!.valueEnd), 0x30, 'SignedData'));
  let i = 1; // version
  i++; // digestAlgorithms: the SignerInfo's own digestAlgorithm is what counts
  const encap = children(buf, expectTag(sd[i++], 0x30, 'EncapsulatedContentInfo'));
  if (oid(buf, encap[0]!) !== OID.data) malformed('eContentType is not id-data');
  if (encap.length > 1) malformed('not detached: eContent present');
  const certs: Tlv[] = [];
  if (sd[i]?.tag === 0xa0) for (const c of children(buf, sd[i++]!)) if (c.tag === 0x30) certs.push(c);
  if (sd[i]?.tag === 0xa1) i++; // crls: revocation comes from the trust configuration, not the message
  const signerInfos = children(buf, expectTag(sd[i], 0x31, 'signerInfos'));
  // Our profile: one signer. Several would need a policy on which must verify.
  if (signerInfos.length !== 1) malformed(`expected one SignerInfo, found ${signerInfos.length}`);
  const si = parseSignerInfo(buf, signerInfos[0]!);

  const attrs = readAttributes(buf, si.signedAttrs);
  // RFC 5652 §11.1: contentType must equal eContentType.
  if (oid(buf, attrs.contentType) !== OID.data) malformed('contentType attribute differs from eContentType');
  const expected = value(buf, expectTag(attrs.messageDigest, 0x04, 'messageDigest'));
  const actual = hash(si.digest, content, 'buffer');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new SigningError('digest-mismatch', 'content does not match messageDigest');
  const signingTime = time(buf, attrs.signingTime);

  const signerTlv = certs.find((c) => matchesSid(buf, c, si.sid));
  if (!signerTlv) throw new SigningError('missing-element', 'signer certificate not in SignedData');
  const signerDer = bytes(buf, signerTlv);
  checkSigningCertificateV2(buf, attrs.signingCertificateV2, signerDer, signerTlv);

  const intermediates = certs.filter((c) => c !== signerTlv).map((c) => Buffer.from(bytes(buf, c)));
  const signer = await validator.validate(signerDer, { at: signingTime, requireKeyUsage: opts.requireKeyUsage, requireEku: opts.requireEku, intermediates });
  if (!opts.requireKeyUsage?.length && signer.keyUsage.length && !signer.keyUsage.some((k) => k === 'digitalSignature' || k === 'nonRepudiation')) {
    // RFC 5280 §4.2.1.3: verifying signatures on content needs one of these two bits.
    throw new SigningError('key-usage', 'certificate is not for signing');
  }

  // RFC 5652 §5.4: the signature covers the DER of signedAttrs with an explicit SET OF tag.
  const toVerify = Buffer.from(buf.subarray(si.signedAttrs.start, si.signedAttrs.end));
  toVerify[0] = 0x31;
  const alg = parseSigAlg(buf, si.sigAlg, si.digest);
  if (alg.hash !== si.digest && parseSigAlgOid(buf, si.sigAlg) !== OID.rsassaPss) {
    // A signature hash differing from the digest algorithm is legal but unusual; keep them equal.
    throw new SigningError('algorithm-not-allowed', 'signature and digest algorithms disagree');
  }
  if (!verifyWith(alg, signer.publicKey, toVerify, si.signature)) throw new SigningError('bad-signature', 'signature does not verify');
  return { signer, signingTime };
}

function parseSigAlgOid(buf: Buffer, algId: Tlv): string {
  return oid(buf, children(buf, algId)[0]!);
}

function parseSignerInfo(buf: Buffer, t: Tlv): ParsedSignerInfo {
  const f = children(buf, expectTag(t, 0x30, 'SignerInfo'));
  const [, sid, digestAlg, signedAttrs, sigAlg, sig] = f;
  if (!sid || !digestAlg || !signedAttrs || !sigAlg || !sig) malformed('SignerInfo fields');
  // CAdES-BES requires signed attributes (EN 319 122-1 §5.2).
  if (signedAttrs.tag !== 0xa0) throw new SigningError('missing-element', 'no signed attributes');
  if (signedAttrs.end - signedAttrs.valueEnd === 2) malformed('signed attributes not DER');
  return { sid, digest: parseDigestAlg(buf, digestAlg), signedAttrs, sigAlg, signature: value(buf, expectTag(sig, 0x04, 'signature')) };
}

interface Attrs {
  contentType: Tlv;
  messageDigest: Tlv;
  signingTime: Tlv;
  signingCertificateV2: Tlv;
}

/** Each attribute at most once, each with exactly one value (RFC 5652 §11.1-11.3). */
function readAttributes(buf: Buffer, signedAttrs: Tlv): Attrs {
  const seen = new Map<string, Tlv>();
  for (const a of children(buf, signedAttrs)) {
    const [type, values] = children(buf, expectTag(a, 0x30, 'Attribute'));
    const id = oid(buf, type!);
    if (seen.has(id)) throw new SigningError('duplicate-element', `attribute ${id} repeated`);
    const vals = children(buf, expectTag(values, 0x31, 'AttributeValues'));
    if (vals.length !== 1) malformed(`attribute ${id} must have one value`);
    seen.set(id, vals[0]!);
  }
  const need = (id: string, name: string): Tlv => {
    const v = seen.get(id);
    if (!v) throw new SigningError('missing-element', `signed attribute ${name} missing`);
    return v;
  };
  return {
    contentType: need(OID.contentType, 'contentType'),
    messageDigest: need(OID.messageDigest, 'messageDigest'),
    signingTime: need(OID.signingTime, 'signingTime'),
    signingCertificateV2: need(OID.signingCertificateV2, 'signingCertificateV2'),
  };
}

/** IssuerAndSerialNumber (tag SEQUENCE) or [0] SubjectKeyIdentifier (RFC 5652 §5.3). */
function matchesSid(buf: Buffer, cert: Tlv, sid: Tlv): boolean {
  const tbs = children(buf, children(buf, cert)[0]!);
  const v = tbs[0]?.tag === 0xa0 ? 1 : 0;
  if (sid.tag === 0x30) {
    const [issuer, serial] = children(buf, sid);
    return bytes(buf, issuer!).equals(bytes(buf, tbs[v + 2]!)) && value(buf, serial!).equals(value(buf, tbs[v]!));
  }
  if (sid.tag === 0x80) {
    const ski = subjectKeyId(buf, tbs);
    return !!ski && ski.equals(value(buf, sid));
  }
  return false;
}

function subjectKeyId(buf: Buffer, tbs: Tlv[]): Buffer | undefined {
  const extWrap = tbs.find((t) => t.tag === 0xa3);
  if (!extWrap) return undefined;
  for (const ext of children(buf, readTlv(buf, extWrap.valueStart, extWrap.valueEnd))) {
    const k = children(buf, ext);
    if (oid(buf, k[0]!) !== OID.subjectKeyIdentifier) continue;
    const octs = k[k.length - 1]!;
    return value(buf, readTlv(buf, octs.valueStart, octs.valueEnd));
  }
  return undefined;
}

/**
 * RFC 5035 §5.4.1 / EN 319 122-1 §5.2.2.3: the first ESSCertIDv2 names the signer's certificate
 * by hash (and by issuer + serial when present). It stops a certificate substitution: a second
 * certificate for the same key cannot be made to stand for the signer.
 */
function checkSigningCertificateV2(buf: Buffer, v: Tlv, signerDer: Buffer, signerTlv: Tlv): void {
  const mismatch = (why: string): never => {
    throw new SigningError('signing-cert-mismatch', `signingCertificateV2: ${why}`);
  };
  const [certIds] = children(buf, expectTag(v, 0x30, 'SigningCertificateV2'));
  const first = children(buf, expectTag(certIds, 0x30, 'certs'))[0];
  if (!first) mismatch('empty');
  const f = children(buf, expectTag(first, 0x30, 'ESSCertIDv2'));
  let j = 0;
  let certHashAlg: HashName = 'sha256'; // the DEFAULT
  if (f[0]?.tag === 0x30) {
    const id = oid(buf, children(buf, f[j++]!)[0]!);
    const h = DIGESTS[id];
    if (!h) throw new SigningError('algorithm-not-allowed', `ESSCertIDv2 hash ${id}`);
    certHashAlg = h;
  }
  const certHash = value(buf, expectTag(f[j++], 0x04, 'certHash'));
  if (!certHash.equals(hash(certHashAlg, signerDer, 'buffer'))) mismatch('certificate hash differs');
  const issuerSerial = f[j];
  if (issuerSerial) {
    const [names, serial] = children(buf, expectTag(issuerSerial, 0x30, 'IssuerSerial'));
    const tbs = children(buf, children(buf, signerTlv)[0]!);
    const ver = tbs[0]?.tag === 0xa0 ? 1 : 0;
    const dirName = children(buf, names!).find((g) => g.tag === 0xa4);
    if (!dirName) return mismatch('issuer is not a directoryName');
    const name = readTlv(buf, dirName.valueStart, dirName.valueEnd);
    if (!bytes(buf, name).equals(bytes(buf, tbs[ver + 2]!))) mismatch('issuer differs');
    if (!value(buf, serial!).equals(value(buf, tbs[ver]!))) mismatch('serial differs');
  }
}
