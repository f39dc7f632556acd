/**
 * Interop with xmlsec1 (libxmlsec1 + libxml2's own Exclusive C14N, W3C xml-exc-c14n): a message signed
 * by the hub verifies with `xmlsec1 --verify`, and one signed by `xmlsec1 --sign` from a template
 * verifies in the hub. Skipped only on a developer machine without xmlsec1; in CI (process.env.CI)
 * a missing xmlsec1 fails the suite. CI installs it: apt-get install -y xmlsec1.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { signEnvelope, verifyEnvelope } from '../../signing/wss';
import { HUB_REF_IDS, outcome, testEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

const HAVE_XMLSEC = spawnSync('xmlsec1', ['--version']).status === 0;
const suite = HAVE_XMLSEC || process.env.CI ? describe : describe.skip;

const NS_SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const NS_WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const NS_XRD = 'http://x-road.eu/xsd/xroad.xsd';
// xmlsec1 must be told which attributes are ids, per element (it has no WSS profile of its own).
const ID_ATTRS = [`${NS_SOAP}:Body`, `${NS_WSU}:Timestamp`,
  ...['client', 'service', 'id', 'userId', 'issue', 'protocolVersion'].map((h) => `${NS_XRD}:${h}`)]
  .flatMap((n) => ['--id-attr:Id', n]);

let dir: string;
function xmlsec(args: string[]): { status: number | null; out: string } {
  const r = spawnSync('xmlsec1', args, { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Payloads that stress canonicalization: default namespaces, escaping, unused declarations. */
const PAYLOADS: [string, string][] = [
  ['a plain request', `<pop:getPerson xmlns:pop="http://population.gov.az/xroad/v1"><pop:fin>5ZK8F3R</pop:fin></pop:getPerson>`],
  ['default namespaces, xmlns="" and unused prefixes', `<getPerson xmlns="urn:p" xmlns:unused="urn:u" b="2" a="1"><x xmlns=""><y/></x><z>Məmmədov</z></getPerson>`],
  ['escaping, CDATA, comments and character references', `<p:q xmlns:p="urn:p" at="a&amp;b&#9;&lt;&quot;">t &amp; &lt; &gt; &#13; <![CDATA[<cdata> & ]]><!-- gone --></p:q>`],
];

suite('xmlsec1 interop', () => {
  let rsa: TestSigner;
  let ec: TestSigner;
  beforeAll(async () => {
    if (!HAVE_XMLSEC) throw new Error('xmlsec1 is required in CI: apt-get install -y xmlsec1');
    dir = mkdtempSync(join(tmpdir(), 'xmlsec1-wss-'));
    [rsa, ec] = await Promise.all([testSigner('rsa'), testSigner('ec')]);
  });
  afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  test.each(PAYLOADS)('Hub signs a request (RSA-SHA256) with %s. Result: xmlsec1 --verify says OK', (_n, payload) => {
    const signed = signEnvelope(testEnvelope({ payload }), rsa, { refIds: HUB_REF_IDS });
    const r = xmlsec(['--verify', '--pubkey-cert-pem', file('rsa.pem', rsa.certPem), ...ID_ATTRS, file('signed.xml', signed)]);
    expect(r.out).toContain('OK');
    expect(r.status).toBe(0);
  });

  test('Hub signs with ECDSA P-256 (r||s). Result: xmlsec1 --verify says OK', () => {
    const signed = signEnvelope(testEnvelope(), ec, { refIds: HUB_REF_IDS });
    const r = xmlsec(['--verify', '--pubkey-cert-pem', file('ec.pem', ec.certPem), ...ID_ATTRS, file('signed-ec.xml', signed)]);
    expect(r.status).toBe(0);
  });

  test('Control: a hub-signed message altered afterwards fails xmlsec1 --verify', () => {
    const signed = signEnvelope(testEnvelope(), rsa, { refIds: HUB_REF_IDS }).replace('>court-hub<', '>court-hux<');
    const r = xmlsec(['--verify', '--pubkey-cert-pem', file('rsa.pem', rsa.certPem), ...ID_ATTRS, file('bad.xml', signed)]);
    expect(r.status).not.toBe(0);
  });

  test.each([['RSA-SHA256', 'rsa'], ['ECDSA-SHA256', 'ec']] as const)(
    'Agency signs an answer with xmlsec1 --sign from a template (%s). Result: verifyEnvelope accepts it and reads the signed values', async (_n, kind) => {
      const s = kind === 'rsa' ? rsa : ec;
      const tmpl = template(s, kind === 'rsa' ? 'rsa-sha256' : 'ecdsa-sha256');
      const out = join(dir, `xmlsec-signed-${kind}.xml`);
      const r = xmlsec(['--sign', '--privkey-pem', file(`key-${kind}.pem`, s.keyPem), ...ID_ATTRS, '--output', out, file(`tmpl-${kind}.xml`, tmpl)]);
      expect(r.out).toBe('');
      const signed = readFileSync(out, 'utf8');
      const v = await verifyEnvelope(signed, { trust: trustOnly(s) });
      expect(v.headers.userId).toBe('AZ-FIN-5ZK8F3R');
      expect(v.body.local).toBe('getPerson');
      await expect(outcome(verifyEnvelope(signed.replace('>AZ-FIN-5ZK8F3R<', '>AZ-FIN-0000000<'), { trust: trustOnly(s) })))
        .resolves.toBe('digest-mismatch');
    });
});

/** A signature template the way an agency using xmlsec1 would write it (DigestValue/SignatureValue empty). */
function template(s: TestSigner, alg: string): string {
  const now = new Date();
  const ref = (id: string) =>
    `<ds:Reference URI="#${id}"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/></ds:Transforms>` +
    `<ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference>\n`;
  const security = `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" SOAP-ENV:mustUnderstand="1">
  <wsu:Timestamp wsu:Id="TS-1"><wsu:Created>${now.toISOString()}</wsu:Created><wsu:Expires>${new Date(now.getTime() + 300_000).toISOString()}</wsu:Expires></wsu:Timestamp>
  <wsse:BinarySecurityToken wsu:Id="X509-1" ValueType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3" EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${s.certPem.replace(/-----[^-]+-----|\s/g, '')}</wsse:BinarySecurityToken>
  <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo>
<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#${alg}"/>
${[...HUB_REF_IDS, 'TS-1'].map(ref).join('')}</ds:SignedInfo><ds:SignatureValue/>
<ds:KeyInfo><wsse:SecurityTokenReference><wsse:Reference URI="#X509-1" ValueType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3"/></wsse:SecurityTokenReference></ds:KeyInfo>
  </ds:Signature></wsse:Security>
  `;
  return testEnvelope({ id: randomUUID() }).replace('</SOAP-ENV:Header>', security + '</SOAP-ENV:Header>');
}
