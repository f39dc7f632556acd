/**
 * One parse of a certificate into what path validation needs (RFC 5280 §4.1, §4.2), done once
 * per distinct certificate and cached by its SHA-256 (path-validator.ts).
 */
import { hash, KeyObject, X509Certificate } from 'node:crypto';
import { SigningError } from '../errors';
import { Tlv, bytes, children, expectTag, integerHex, oid, readTlv, root, time, value } from './der';
import { OID } from './oids';
import { publicKeyFromSpki, verifySignedObject } from './sig-alg';

export type KeyUsageName =
  | 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement'
  | 'keyCertSign' | 'cRLSign' | 'encipherOnly' | 'decipherOnly';
const KU_BITS: KeyUsageName[] = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment',
  'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/** Extensions we understand; any other critical one makes the certificate unusable (RFC 5280 §4.2). */
const KNOWN_EXTENSIONS = new Set<string>([OID.subjectKeyIdentifier, OID.keyUsage, OID.subjectAltName, OID.basicConstraints,
  OID.crlDistributionPoints, OID.certificatePolicies, OID.authorityKeyIdentifier, OID.extKeyUsage,
  OID.authorityInfoAccess, OID.qcStatements, OID.ocspNoCheck]);

export interface CertInfo {
  der: Buffer;
  /** hex SHA-256 of the DER: the cache key and what signingCertificateV2 names (RFC 5035). */
  sha256: string;
  serialHex: string;
  issuerDer: Buffer;
  subjectDer: Buffer;
  /** subjectPublicKey BIT STRING contents: hashed into an OCSP CertID (RFC 6960 §4.1.1). */
  publicKeyBits: Buffer;
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** undefined when the certificate has no keyUsage extension. */
  keyUsage?: Set<KeyUsageName>;
  eku?: string[];
  ca: boolean;
  pathLen?: number;
  policies: string[];
  ocspUrls: string[];
  ocspNoCheck: boolean;
  unknownCritical: string[];
  /** Subject serialNumber (2.5.4.5): the person's FIN on judge and staff certificates (DESIGN §5). */
  fin?: string;
  subject: string;
  selfIssued: boolean;
  /** Offsets of the signed parts, for verifying this certificate with its issuer's key. */
  sig: { tbs: Tlv; alg: Tlv; bits: Tlv };
  /** node:crypto view; created lazily (it costs more than this parse). */
  x509(): X509Certificate;
}

export function toDer(cert: string | Buffer | Uint8Array | X509Certificate): Buffer {
  if (cert instanceof X509Certificate) return cert.raw;
  if (typeof cert === 'string') {
    const m = cert.match(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/);
    if (!m) throw new SigningError('malformed', 'not a PEM certificate');
    return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  }
  return Buffer.isBuffer(cert) ? cert : Buffer.from(cert);
}

/** All PEM certificates in a text (a bundle file may hold several). */
export function pemCertificates(text: string): Buffer[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)]
    .map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}

function str(buf: Buffer, t: Tlv): string {
  // BMPString (0x1e) is UTF-16BE; the others we meet are UTF-8 compatible.
  const v = value(buf, t);
  return t.tag === 0x1e ? Buffer.from(v).swap16().toString('utf16le') : v.toString('utf8');
}

function nameToString(buf: Buffer, name: Tlv): { text: string; fin?: string } {
  const SHORT: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST', '2.5.4.10': 'O',
    '2.5.4.11': 'OU', '2.5.4.4': 'SN', '2.5.4.42': 'GN', '2.5.4.5': 'serialNumber', '2.5.4.97': 'organizationIdentifier' };
  const parts: string[] = [];
  let fin: string | undefined;
  for (const rdn of children(buf, name)) {
    for (const atv of children(buf, rdn)) {
      const [t, v] = children(buf, atv);
      const id = oid(buf, t!);
      const s = str(buf, v!);
      if (id === OID.atSerialNumber) fin = s;
      parts.push(`${SHORT[id] ?? id}=${s}`);
    }
  }
  return { text: parts.join(', '), fin };
}

export function parseCertificate(input: string | Buffer | Uint8Array | X509Certificate): CertInfo {
  const der = toDer(input);
  try {
    return parse(der);
  } catch (e) {
    if (e instanceof SigningError) throw e;
    throw new SigningError('malformed', `certificate: ${(e as Error).message}`);
  }
}

function parse(der: Buffer): CertInfo {
  const cert = root(der);
  const [tbs, alg, bits] = children(der, expectTag(cert, 0x30, 'Certificate'));
  if (!tbs || !alg || !bits) throw new SigningError('malformed', 'certificate structure');
  const f = children(der, tbs);
  let i = 0;
  if (f[0]?.tag === 0xa0) i++; // [0] version
  const serial = f[i++]!;
  i++; // signature AlgorithmIdentifier (must equal the outer one; node's verify does not care, we use the outer)
  const issuer = f[i++]!;
  const validity = f[i++]!;
  const subject = f[i++]!;
  const spki = f[i++]!;
  const [nb, na] = children(der, validity);
  const spkiKids = children(der, spki);
  const info: CertInfo = {
    der,
    sha256: hash('sha256', der, 'hex'),
    serialHex: integerHex(der, serial),
    issuerDer: bytes(der, issuer),
    subjectDer: bytes(der, subject),
    publicKeyBits: value(der, spkiKids[1]!).subarray(1),
    publicKey: publicKeyFromSpki(bytes(der, spki)),
    notBefore: time(der, nb!),
    notAfter: time(der, na!),
    ca: false,
    policies: [],
    ocspUrls: [],
    ocspNoCheck: false,
    unknownCritical: [],
    subject: '',
    selfIssued: false,
    sig: { tbs, alg, bits },
    x509: lazyX509(der),
  };
  const sname = nameToString(der, subject);
  info.subject = sname.text;
  info.fin = sname.fin;
  info.selfIssued = info.issuerDer.equals(info.subjectDer);
  const extWrap = f.slice(i).find((t) => t.tag === 0xa3);
  if (extWrap) for (const ext of children(der, readTlv(der, extWrap.valueStart, extWrap.valueEnd))) readExtension(der, ext, info);
  return info;
}

function lazyX509(der: Buffer): () => X509Certificate {
  let x: X509Certificate | undefined;
  return () => (x ??= new X509Certificate(der));
}

function readExtension(der: Buffer, ext: Tlv, info: CertInfo): void {
  const kids = children(der, ext);
  const id = oid(der, kids[0]!);
  const critical = kids.length === 3 && kids[1]!.tag === 0x01 && der[kids[1]!.valueStart] !== 0;
  const octets = kids[kids.length - 1]!;
  const inner = readTlv(der, octets.valueStart, octets.valueEnd);
  if (critical && !KNOWN_EXTENSIONS.has(id)) info.unknownCritical.push(id);
  switch (id) {
    case OID.keyUsage: {
      const v = value(der, inner);
      const set = new Set<KeyUsageName>();
      for (let b = 0; b < KU_BITS.length; b++) {
        const byte = 1 + (b >> 3);
        if (byte < v.length && (v[byte]! & (0x80 >> (b & 7)))) set.add(KU_BITS[b]!);
      }
      info.keyUsage = set;
      break;
    }
    case OID.extKeyUsage:
      info.eku = children(der, inner).map((t) => oid(der, t));
      break;
    case OID.basicConstraints: {
      for (const t of children(der, inner)) {
        if (t.tag === 0x01) info.ca = der[t.valueStart] !== 0;
        if (t.tag === 0x02) info.pathLen = value(der, t).readUIntBE(0, Math.min(4, t.valueEnd - t.valueStart));
      }
      break;
    }
    case OID.certificatePolicies:
      info.policies = children(der, inner).map((pi) => oid(der, children(der, pi)[0]!));
      break;
    case OID.authorityInfoAccess:
      for (const ad of children(der, inner)) {
        const [m, loc] = children(der, ad);
        // accessLocation uniformResourceIdentifier [6] IA5String
        if (oid(der, m!) === OID.adOcsp && loc!.tag === 0x86) info.ocspUrls.push(value(der, loc!).toString('latin1'));
      }
      break;
    case OID.ocspNoCheck:
      info.ocspNoCheck = true;
      break;
  }
}

/** True when `issuer` signed `child` (allowlisted algorithms only) and names match (RFC 5280 §6.1.3). */
export function isIssuedBy(child: CertInfo, issuer: CertInfo): boolean {
  if (!child.issuerDer.equals(issuer.subjectDer)) return false;
  return verifySignedObject(child.der, child.sig.tbs, child.sig.alg, child.sig.bits, issuer.publicKey);
}
