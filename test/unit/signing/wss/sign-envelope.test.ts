/** The hub signs its SOAP requests (WSS 1.1 §8, X.509 Token Profile 1.1). */
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { signEnvelope, verifyEnvelope } from '../../../../signing/wss';
import { isSigningError } from '../../../../signing/errors';
import { parseXml } from '../../../../signing/xml/parse-xml';
import { childElements } from '../../../../signing/xml/light-dom';
import { HUB_REF_IDS, testEnvelope, testSigner, trustOnly, type TestSigner } from '../../../support/wss-fixture';

describe('signEnvelope', () => {
  let rsa: TestSigner;
  let ec: TestSigner;
  beforeAll(async () => { [rsa, ec] = await Promise.all([testSigner('rsa'), testSigner('ec')]); });

  test('Hub signs a getPerson request. Result: Security is the last header with Timestamp, token, Signature over eight references', () => {
    const signed = signEnvelope(testEnvelope(), rsa, { refIds: HUB_REF_IDS });
    const header = childElements(parseXml(signed).root)[0];
    const security = childElements(header).pop()!;
    expect(security.name).toBe('wsse:Security');
    expect(security.attrs.find((a) => a.local === 'mustUnderstand')?.value).toBe('1');
    expect(childElements(security).map((e) => e.local)).toEqual(['Timestamp', 'BinarySecurityToken', 'Signature']);
    expect(signed.match(/<ds:Reference /g)).toHaveLength(8);
    expect(signed).toContain('Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"');
  });

  test('The source outside the inserted header is kept byte for byte (no reserialization)', () => {
    const xml = testEnvelope();
    const signed = signEnvelope(xml, rsa, { refIds: HUB_REF_IDS });
    const at = xml.indexOf('</SOAP-ENV:Header>');
    expect(signed.startsWith(xml.slice(0, at))).toBe(true);
    expect(signed.endsWith(xml.slice(at))).toBe(true);
  });

  test('Timestamp lifetime follows timestampTtlSec', () => {
    const now = new Date('2026-03-01T10:00:00.000Z');
    const signed = signEnvelope(testEnvelope(), rsa, { refIds: HUB_REF_IDS, now, timestampTtlSec: 60 });
    expect(signed).toContain('<wsu:Created>2026-03-01T10:00:00.000Z</wsu:Created><wsu:Expires>2026-03-01T10:01:00.000Z</wsu:Expires>');
  });

  test('ECDSA P-256 key: ecdsa-sha256 with a 64-byte r||s SignatureValue (XML-DSig 1.1 §6.4.3)', async () => {
    const signed = signEnvelope(testEnvelope(), ec, { refIds: HUB_REF_IDS });
    expect(signed).toContain('xmldsig-more#ecdsa-sha256');
    const value = /<ds:SignatureValue>([^<]+)</.exec(signed)![1];
    expect(Buffer.from(value, 'base64').length).toBe(64);
    await expect(verifyEnvelope(signed, { trust: trustOnly(ec) })).resolves.toBeDefined();
  });

  test('A hub-signed request verifies with xml-crypto as well (what a node-soap based agency runs)', () => {
    const signed = signEnvelope(testEnvelope(), rsa, { refIds: HUB_REF_IDS });
    const doc = new DOMParser().parseFromString(signed, 'text/xml');
    const sx = new SignedXml({ publicCert: rsa.certPem, getCertFromKeyInfo: () => null, idMode: 'wssecurity' });
    sx.loadSignature(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0] as never);
    expect(sx.checkSignature(signed)).toBe(true);
  });

  test('Envelope with a default-namespace SOAP prefix and a self-closing Header still gets a valid Security header', async () => {
    const xml = testEnvelope().replace(/SOAP-ENV:/g, '').replace('xmlns:SOAP-ENV=', 'xmlns=')
      .replace(/<Header>[\s\S]*<\/Header>/, '<Header/>');
    const signed = signEnvelope(xml, rsa, { refIds: ['body'] });
    expect(signed).toContain('soapenv:mustUnderstand="1"');
    expect(() => parseXml(signed)).not.toThrow();
  });

  test.each([
    ['an id that is not in the message', ['body', 'nope'], 'missing-element'],
    ['an id that is not an NCName', ['body"/><x y="'], 'malformed'],
  ])('Caller asks to sign %s. Result: refused before signing', (_n, refIds, reason) => {
    let err: unknown;
    try { signEnvelope(testEnvelope(), rsa, { refIds }); } catch (e) { err = e; }
    expect(isSigningError(err, reason as never)).toBe(true);
  });

  test('Message already carrying a wsse:Security header. Result: duplicate-element', () => {
    const once = signEnvelope(testEnvelope(), rsa, { refIds: HUB_REF_IDS });
    expect(() => signEnvelope(once, rsa, { refIds: HUB_REF_IDS })).toThrow(expect.objectContaining({ reason: 'duplicate-element' }));
  });
});
