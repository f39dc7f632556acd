/**
 * Test material for WS-Security tests: throw-away self-signed certificates (RSA-2048, ECDSA
 * P-256) made at run time with @peculiar/x509, an EHİS SOAP request as in
 * contracts/registries/README.md, and trust callbacks. Nothing here is secret.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createPrivateKey, createPublicKey, randomUUID, sign as cryptoSign, webcrypto, type KeyObject } from 'node:crypto';
import { SigningError } from '../../signing/errors';
import { signEnvelope } from '../../signing/wss/sign-envelope';
import { excC14n } from '../../signing/xml/exc-c14n';
import { walkElements, type XmlElement } from '../../signing/xml/light-dom';
import { parseXml } from '../../signing/xml/parse-xml';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface TestSigner {
  certPem: string;
  certDer: Buffer;
  key: KeyObject;
  publicKey: KeyObject;
  keyPem: string;
}

const cache = new Map<string, Promise<TestSigner>>();

/** A self-signed test certificate; one per (kind, name) per test process, since RSA keygen is slow. */
export function testSigner(kind: 'rsa' | 'ec' = 'rsa', name = 'Test agency'): Promise<TestSigner> {
  const k = `${kind}/${name}`;
  let p = cache.get(k);
  if (!p) cache.set(k, (p = makeSigner(kind, name)));
  return p;
}

async function makeSigner(kind: 'rsa' | 'ec', name: string): Promise<TestSigner> {
  const alg = kind === 'rsa'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
    : { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0' + randomUUID().replace(/-/g, '').slice(0, 15),
    name: `CN=${name} (TEST ONLY), O=court-hub tests`,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000 * 30),
    signingAlgorithm: alg,
    keys,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const certDer = Buffer.from(cert.rawData);
  return {
    certPem: cert.toString('pem'), certDer, key, publicKey: createPublicKey(key),
    keyPem: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** The caller's trust decision in tests: only these exact certificates are trusted. */
export function trustOnly(...signers: TestSigner[]): (der: Buffer) => Promise<KeyObject> {
  return async (der) => {
    const s = signers.find((x) => x.certDer.equals(der));
    if (!s) throw new SigningError('cert-untrusted', 'not a trusted test certificate');
    return s.publicKey;
  };
}

export const HUB_REF_IDS = ['body', 'xrd-client', 'xrd-service', 'xrd-id', 'xrd-userId', 'xrd-issue', 'xrd-protocolVersion'];

export interface EnvelopeSpec {
  id?: string;
  userId?: string;
  /** Extra payload records, to reach realistic sizes (~7 KB with 28). */
  records?: number;
  payload?: string;
}

/** An unsigned EHİS SOAP request (contracts/registries/README.md). */
export function testEnvelope(spec: EnvelopeSpec = {}): string {
  const rec = (i: number) =>
    `<pop:record n="${i}"><pop:fin>5ZK8F3R</pop:fin><pop:surname>Məmmədov</pop:surname>` +
    `<pop:note>line &amp; "quoted" &lt;tag&gt; ${i}</pop:note></pop:record>\n      `;
  const payload = spec.payload ??
    `<pop:getPerson xmlns:pop="http://population.gov.az/xroad/v1"><pop:fin>5ZK8F3R</pop:fin>\n      ` +
    Array.from({ length: spec.records ?? 0 }, (_, i) => rec(i)).join('') + `</pop:getPerson>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers"
    xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
  <SOAP-ENV:Header>
    <xrd:client id:objectType="SUBSYSTEM" wsu:Id="xrd-client">
      <id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass>
      <id:memberCode>1400000001</id:memberCode><id:subsystemCode>court-hub</id:subsystemCode>
    </xrd:client>
    <xrd:service id:objectType="SERVICE" wsu:Id="xrd-service">
      <id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass>
      <id:memberCode>1700000022</id:memberCode><id:subsystemCode>population</id:subsystemCode>
      <id:serviceCode>getPerson</id:serviceCode><id:serviceVersion>v1</id:serviceVersion>
    </xrd:service>
    <xrd:id wsu:Id="xrd-id">${spec.id ?? randomUUID()}</xrd:id>
    <xrd:userId wsu:Id="xrd-userId">${spec.userId ?? 'AZ-FIN-5ZK8F3R'}</xrd:userId>
    <xrd:issue wsu:Id="xrd-issue">2(101)-1234/2026</xrd:issue>
    <xrd:protocolVersion wsu:Id="xrd-protocolVersion">4.0</xrd:protocolVersion>
  </SOAP-ENV:Header>
  <SOAP-ENV:Body wsu:Id="body">
    ${payload}
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>
`;
}

/** The SOAP request of testEnvelope, signed by signEnvelope with the hub's reference list. */
export function signedEnvelope(signer: TestSigner, spec: EnvelopeSpec = {}, now?: Date): string {
  return signEnvelope(testEnvelope(spec), signer, { refIds: HUB_REF_IDS, now });
}

/** Resolves to the SigningError reason, or 'ok' when verification succeeded. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof SigningError) return e.reason;
    throw e;
  }
}

/**
 * An attacker (or a misconfigured peer) who holds a signing key rewrites SignedInfo and signs it
 * again, so that a check under test is the ONLY thing standing between the message and success.
 * `sign` defaults to RSA-SHA256 with the signer's key.
 */
export function resignSignedInfo(
  signed: string, signer: TestSigner, edit: (signedInfo: string) => string,
  sign: (canonical: Buffer) => Buffer = (c) => cryptoSign('sha256', c, signer.key),
): string {
  const start = signed.indexOf('<ds:SignedInfo');
  const end = signed.indexOf('</ds:SignedInfo>') + '</ds:SignedInfo>'.length;
  const signedInfo = edit(signed.slice(start, end));
  const canonical = excC14n(parseXml(signedInfo).root);
  const value = sign(Buffer.from(canonical)).toString('base64');
  const out = signed.slice(0, start) + signedInfo + signed.slice(end);
  return out.replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, `<ds:SignatureValue>${value}</ds:SignatureValue>`);
}

/** The exclusive canonical form of the first element with that wsu:Id in a message. */
export function canonicalById(xml: string, id: string): string {
  let found: XmlElement | undefined;
  walkElements(parseXml(xml).root, (el) => {
    if (!found && el.attrs.some((a) => a.local === 'Id' && a.value === id)) found = el;
  });
  if (!found) throw new Error(`no element with id ${id}`);
  return excC14n(found);
}
