/**
 * OCSP client (RFC 6960): builds a request for one certificate, authenticates the answer
 * (§3.2: signature, responder is the CA or a delegated responder with id-kp-OCSPSigning issued
 * by it, §4.2.2.2), binds it to the certificate asked about and returns the status. Any
 * doubt yields `undefined` (no answer): the caller then tries CRLs and finally fails closed.
 */
import { hash, randomBytes } from 'node:crypto';
import { CertInfo, isIssuedBy, parseCertificate } from './cert-info';
import { Tlv, bytes, children, expectTag, integerHex, oid, readTlv, root, time, value } from './der';
import { NULL, explicit, intHex, octets, oidDer, seq } from './der-writer';
import { OID } from './oids';
import { RevocationAnswer, OcspTransport } from './revocation';
import { verifySignedObject } from './sig-alg';

export interface CertIdParts {
  nameHash: Buffer;
  keyHash: Buffer;
  serialHex: string;
}

/** CertID with SHA-256 (§4.1.1): hashes of the issuer's name and public key, and the serial. */
export function certIdFor(cert: CertInfo, issuer: CertInfo): CertIdParts {
  return {
    nameHash: hash('sha256', issuer.subjectDer, 'buffer'),
    keyHash: hash('sha256', issuer.publicKeyBits, 'buffer'),
    serialHex: cert.serialHex,
  };
}

export function encodeCertId(id: CertIdParts): Buffer {
  return seq(seq(oidDer(OID.sha256), NULL), octets(id.nameHash), octets(id.keyHash), intHex(id.serialHex));
}

/** OCSPRequest with one Request and a nonce extension (RFC 8954: 32 octets). */
export function buildOcspRequest(id: CertIdParts, nonce: Buffer): Buffer {
  const nonceExt = seq(oidDer(OID.ocspNonce), octets(octets(nonce)));
  const tbs = seq(seq(seq(encodeCertId(id))), explicit(2, seq(nonceExt)));
  return seq(tbs);
}

export interface OcspQueryOptions {
  url: string;
  transport: OcspTransport;
  now: Date;
  skewMs: number;
}

export async function queryOcsp(cert: CertInfo, issuer: CertInfo, o: OcspQueryOptions): Promise<RevocationAnswer | undefined> {
  const id = certIdFor(cert, issuer);
  const nonce = randomBytes(32);
  let der: Buffer;
  try {
    der = await o.transport(o.url, buildOcspRequest(id, nonce));
  } catch {
    return undefined;
  }
  try {
    return parseOcspResponse(der, id, issuer, nonce, o.now, o.skewMs);
  } catch {
    return undefined; // malformed or unauthenticated: no answer, never "good"
  }
}

/** Parses and authenticates a DER OCSPResponse for the CertID asked about. */
export function parseOcspResponse(der: Buffer, id: CertIdParts, issuer: CertInfo, nonce: Buffer | undefined, now: Date, skewMs: number): RevocationAnswer | undefined {
  const top = children(der, expectTag(root(der), 0x30, 'OCSPResponse'));
  // responseStatus ENUMERATED: 0 successful; tryLater, internalError, unauthorized… carry no status.
  if (top[0]?.tag !== 0x0a || value(der, top[0]).readUInt8(0) !== 0 || !top[1]) return undefined;
  const rb = children(der, readTlv(der, top[1].valueStart, top[1].valueEnd));
  if (oid(der, rb[0]!) !== OID.ocspBasic) return undefined;
  const basicBuf = value(der, expectTag(rb[1], 0x04, 'response'));
  const [tbs, alg, sig, certsWrap] = children(basicBuf, expectTag(root(basicBuf), 0x30, 'BasicOCSPResponse'));
  if (!tbs || !alg || !sig) return undefined;

  const responder = findResponder(basicBuf, tbs, certsWrap, issuer, now, skewMs);
  if (!responder || !verifySignedObject(basicBuf, tbs, alg, sig, responder.publicKey)) return undefined;

  const f = children(basicBuf, tbs);
  let i = f[0]?.tag === 0xa0 ? 1 : 0;
  i++; // responderID (checked in findResponder)
  i++; // producedAt
  const responses = children(basicBuf, f[i++]!);
  const extWrap = f[i];
  if (nonce && extWrap?.tag === 0xa1) {
    for (const ext of children(basicBuf, readTlv(basicBuf, extWrap.valueStart, extWrap.valueEnd))) {
      const k = children(basicBuf, ext);
      if (oid(basicBuf, k[0]!) !== OID.ocspNonce) continue;
      const inner = value(basicBuf, k[k.length - 1]!);
      // RFC 8954 wraps the nonce in an OCTET STRING; some responders echo it bare.
      const echoed = inner[0] === 0x04 ? value(inner, root(inner)) : inner;
      if (!echoed.equals(nonce)) return undefined; // a replayed answer
    }
  }
  for (const single of responses) {
    const s = children(basicBuf, single);
    if (!sameCertId(basicBuf, s[0]!, id)) continue;
    const status = s[1]!;
    const thisUpdate = time(basicBuf, s[2]!);
    const nu = s.slice(3).find((t) => t.tag === 0xa0);
    const nextUpdate = nu ? time(basicBuf, readTlv(basicBuf, nu.valueStart, nu.valueEnd)) : undefined;
    // §4.2.2.1 / §3.2 items 4-5: not from the future, not past its nextUpdate.
    if (thisUpdate.getTime() > now.getTime() + skewMs) return undefined;
    if (nextUpdate && nextUpdate.getTime() < now.getTime() - skewMs) return undefined;
    if (status.tag === 0x80) return { status: 'good', thisUpdate, nextUpdate, source: 'ocsp' };
    if (status.tag === 0xa1) {
      const revokedAt = time(basicBuf, children(basicBuf, status)[0]!);
      return { status: 'revoked', revokedAt, thisUpdate, nextUpdate, source: 'ocsp' };
    }
    return { status: 'unknown', thisUpdate, nextUpdate, source: 'ocsp' };
  }
  return undefined;
}

function sameCertId(buf: Buffer, t: Tlv, id: CertIdParts): boolean {
  const [alg, nh, kh, serial] = children(buf, t);
  if (oid(buf, children(buf, alg!)[0]!) !== OID.sha256) return false;
  return value(buf, nh!).equals(id.nameHash) && value(buf, kh!).equals(id.keyHash) && integerHex(buf, serial!) === id.serialHex;
}

/**
 * §4.2.2.2: the signer is the CA itself, or a certificate issued directly by the CA that carries
 * id-kp-OCSPSigning and is valid now. ResponderID names it byName [1] or byKey [2] (SHA-1 of the
 * key: an identifier here, not a security function).
 */
function findResponder(buf: Buffer, tbs: Tlv, certsWrap: Tlv | undefined, issuer: CertInfo, now: Date, skewMs: number): CertInfo | undefined {
  const f = children(buf, tbs);
  const rid = f[f[0]?.tag === 0xa0 ? 1 : 0]!;
  const inner = readTlv(buf, rid.valueStart, rid.valueEnd);
  const matches = (c: CertInfo) =>
    rid.tag === 0xa1 ? bytes(buf, inner).equals(c.subjectDer)
      : rid.tag === 0xa2 && value(buf, inner).equals(hash('sha1', c.publicKeyBits, 'buffer'));
  if (matches(issuer)) return issuer;
  if (!certsWrap || certsWrap.tag !== 0xa0) return undefined;
  for (const ct of children(buf, readTlv(buf, certsWrap.valueStart, certsWrap.valueEnd))) {
    const c = parseCertificate(Buffer.from(bytes(buf, ct)));
    if (!matches(c)) continue;
    if (!c.eku?.includes(OID.kpOcspSigning)) continue;
    if (c.notBefore.getTime() > now.getTime() + skewMs || c.notAfter.getTime() < now.getTime() - skewMs) continue;
    if (c.keyUsage && !c.keyUsage.has('digitalSignature') && !c.keyUsage.has('nonRepudiation')) continue;
    if (isIssuedBy(c, issuer)) return c;
  }
  return undefined;
}

