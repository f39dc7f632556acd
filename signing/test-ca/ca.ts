/**
 * Generic throw-away CA operations (RFC 5280 profiles) on @peculiar/x509. Test material only:
 * keys are extractable and written in clear.
 */
import { randomBytes, X509Certificate as NodeX509 } from 'node:crypto';
import { CryptoKey, CryptoKeyPair, x509 } from './x509-provider';
import { KeyType, generateKeys, keyType, privateKeyPem, signingAlgorithm } from './keys';

export interface Issued {
  cert: x509.X509Certificate;
  certPem: string;
  keyPem: string;
  keys: CryptoKeyPair;
  keyType: KeyType;
  serialHex: string;
}
export type Ca = Issued;

export interface SubjectNames {
  commonName: string;
  surname?: string;
  givenName?: string;
  organization?: string;
  organizationalUnit?: string;
  country?: string;
}

export type KeyUsage = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign';

export interface EndEntityParams {
  subject: SubjectNames;
  /** Goes to the subject serialNumber (2.5.4.5): the person's FIN (DESIGN §5). */
  fin?: string;
  keyUsage: KeyUsage[];
  /** e.g. 0.4.0.194112.1.2 (QCP-n-qscd) for judges and staff. */
  policies?: string[];
  /** e.g. 1.3.6.1.5.5.7.3.9 (id-kp-OCSPSigning) for the OCSP responder. */
  extKeyUsage?: string[];
  notBefore?: Date;
  notAfter?: Date;
  ocspUrl?: string;
  crlUrl?: string;
  keyType?: KeyType;
  /** Certify an existing public key (e.g. one generated inside an HSM). */
  publicKey?: CryptoKey;
  /** RFC 6960 §4.2.2.2.1 id-pkix-ocsp-nocheck, for a delegated responder. */
  ocspNoCheck?: boolean;
}

const DAY = 86_400_000;

/** A positive, non-zero 128-bit serial (RFC 5280 §4.1.2.2: ≤ 20 octets, positive). */
export function randomSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return b.toString('hex');
}

export function nameOf(s: SubjectNames, fin?: string): x509.JsonName {
  const n: x509.JsonName = [];
  if (s.country) n.push({ '2.5.4.6': [s.country] });
  if (s.organization) n.push({ '2.5.4.10': [s.organization] });
  if (s.organizationalUnit) n.push({ '2.5.4.11': [s.organizationalUnit] });
  if (s.surname) n.push({ '2.5.4.4': [s.surname] });
  if (s.givenName) n.push({ '2.5.4.42': [s.givenName] });
  // SERIALNUMBER= is not a DN keyword @peculiar/x509 2.2 knows: use the OID (docs/conventions.md, pkijs and @peculiar/x509).
  if (fin) n.push({ '2.5.4.5': [fin] });
  n.push({ '2.5.4.3': [s.commonName] });
  return n;
}

const KU: Record<KeyUsage, number> = {
  digitalSignature: x509.KeyUsageFlags.digitalSignature,
  nonRepudiation: x509.KeyUsageFlags.nonRepudiation,
  keyEncipherment: x509.KeyUsageFlags.keyEncipherment,
  keyAgreement: x509.KeyUsageFlags.keyAgreement,
  keyCertSign: x509.KeyUsageFlags.keyCertSign,
  cRLSign: x509.KeyUsageFlags.cRLSign,
};

function pemOf(cert: x509.X509Certificate): string {
  return new NodeX509(Buffer.from(cert.rawData)).toString();
}

export async function createRootCa(p: { subject: SubjectNames; keyType: KeyType; notBefore?: Date; notAfter?: Date }): Promise<Ca> {
  const keys = await generateKeys(p.keyType);
  const serialHex = randomSerial();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialHex,
    name: nameOf(p.subject),
    keys,
    signingAlgorithm: signingAlgorithm(p.keyType),
    notBefore: p.notBefore ?? new Date(Date.now() - DAY),
    notAfter: p.notAfter ?? new Date(Date.now() + 3650 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert, certPem: pemOf(cert), keyPem: privateKeyPem(keys.privateKey), keys, keyType: p.keyType, serialHex };
}

async function issue(issuer: Ca, subject: x509.JsonName, publicKey: CryptoKey, ext: x509.Extension[], notBefore?: Date, notAfter?: Date, days = 730): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject,
    issuer: issuer.cert.subject,
    publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: signingAlgorithm(issuer.keyType),
    notBefore: notBefore ?? new Date(Date.now() - DAY),
    notAfter: notAfter ?? new Date(Date.now() + days * DAY),
    extensions: [
      ...ext,
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
    ],
  });
}

function locators(ocspUrl?: string, crlUrl?: string): x509.Extension[] {
  const out: x509.Extension[] = [];
  if (ocspUrl) out.push(new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', ocspUrl)] }));
  if (crlUrl) out.push(new x509.CRLDistributionPointsExtension([crlUrl]));
  return out;
}

export async function issueIntermediateCa(issuer: Ca, p: { subject: SubjectNames; keyType?: KeyType; pathLen?: number; ocspUrl?: string; crlUrl?: string; notBefore?: Date; notAfter?: Date }): Promise<Ca> {
  const kt = p.keyType ?? issuer.keyType;
  const keys = await generateKeys(kt);
  const cert = await issue(issuer, nameOf(p.subject), keys.publicKey, [
    new x509.BasicConstraintsExtension(true, p.pathLen ?? 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ...locators(p.ocspUrl, p.crlUrl),
  ], p.notBefore, p.notAfter, 1825);
  return { cert, certPem: pemOf(cert), keyPem: privateKeyPem(keys.privateKey), keys, keyType: kt, serialHex: cert.serialNumber.toLowerCase() };
}

export async function issueEndEntity(issuer: Ca, p: EndEntityParams): Promise<Issued> {
  let keys: CryptoKeyPair | undefined;
  let publicKey = p.publicKey;
  if (!publicKey) {
    keys = await generateKeys(p.keyType ?? issuer.keyType);
    publicKey = keys.publicKey;
  }
  const ext: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, false),
    new x509.KeyUsagesExtension(p.keyUsage.reduce((a, k) => a | KU[k], 0), true),
    ...locators(p.ocspUrl, p.crlUrl),
  ];
  if (p.policies?.length) ext.push(new x509.CertificatePolicyExtension(p.policies));
  if (p.extKeyUsage?.length) ext.push(new x509.ExtendedKeyUsageExtension(p.extKeyUsage as x509.ExtendedKeyUsageType[]));
  if (p.ocspNoCheck) ext.push(new x509.Extension('1.3.6.1.5.5.7.48.1.5', false, new Uint8Array([0x05, 0x00])));
  const cert = await issue(issuer, nameOf(p.subject, p.fin), publicKey, ext, p.notBefore, p.notAfter);
  return {
    cert,
    certPem: pemOf(cert),
    keyPem: keys ? privateKeyPem(keys.privateKey) : '',
    keys: keys ?? ({ publicKey } as CryptoKeyPair),
    keyType: keyType(publicKey),
    serialHex: cert.serialNumber.toLowerCase(),
  };
}

export interface RevokedEntry {
  serialHex: string;
  revokedAt?: Date;
  /** RFC 5280 §5.3.1 CRLReason code. */
  reason?: number;
}

/** A CRL (RFC 5280 §5) in DER and PEM (label "X509 CRL": OpenSSL 3 refuses "CRL"). */
export async function createCrl(ca: Ca, revoked: RevokedEntry[], p: { thisUpdate?: Date; nextUpdate?: Date } = {}): Promise<{ der: Buffer; pem: string }> {
  const thisUpdate = p.thisUpdate ?? new Date(Date.now() - 60_000);
  const crl = await x509.X509CrlGenerator.create({
    issuer: ca.cert.subject,
    thisUpdate,
    nextUpdate: p.nextUpdate ?? new Date(thisUpdate.getTime() + 7 * DAY),
    entries: revoked.map((r) => ({ serialNumber: r.serialHex, revocationDate: r.revokedAt ?? thisUpdate, reason: r.reason })),
    signingAlgorithm: signingAlgorithm(ca.keyType),
    signingKey: ca.keys.privateKey,
    extensions: [await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey)],
  });
  const der = Buffer.from(crl.rawData);
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return { der, pem: `-----BEGIN X509 CRL-----\n${b64}\n-----END X509 CRL-----\n` };
}
