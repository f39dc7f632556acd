/**
 * Signature wrapping (docs/conventions.md, XML signature rule 5; docs/security-model.md §5): a signature counts only for the element
 * the reference actually points at, and the verifier hands out only those elements.
 */
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { verifyEnvelope } from '../../signing/wss';
import { outcome, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

const ATTACKER_BODY =
  '<SOAP-ENV:Body wsu:Id="evil"><pop:getPerson xmlns:pop="http://population.gov.az/xroad/v1"><pop:fin>ATTACKER</pop:fin></pop:getPerson></SOAP-ENV:Body>';

/** Moves the signed Body into a header wrapper and puts the attacker's Body in its place. */
function wrap(signed: string, attackerBody: string): string {
  const start = signed.indexOf('<SOAP-ENV:Body');
  const end = signed.indexOf('</SOAP-ENV:Body>') + '</SOAP-ENV:Body>'.length;
  const original = signed.slice(start, end);
  const withAttacker = signed.slice(0, start) + attackerBody + signed.slice(end);
  return withAttacker.replace('</SOAP-ENV:Header>', `<w:Wrapper xmlns:w="urn:attacker">${original}</w:Wrapper></SOAP-ENV:Header>`);
}

/** The naive library check: xml-crypto 6.3.2 with a trusted certificate. */
function xmlCryptoAccepts(xml: string, s: TestSigner): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const sigNode = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
  const sx = new SignedXml({ publicCert: s.certPem, getCertFromKeyInfo: () => null, idMode: 'wssecurity' });
  sx.loadSignature(sigNode as never);
  try { return sx.checkSignature(xml); } catch { return false; }
}

describe('Signature wrapping', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('rsa'); });

  test('Provider answers with a wrapped signature (signed Body moved into a header wrapper, attacker Body inserted). Result: wrapping, nothing read; xml-crypto 6.3.2 accepts the same message', async () => {
    const wrapped = wrap(signedEnvelope(s), ATTACKER_BODY);
    expect(xmlCryptoAccepts(wrapped, s)).toBe(true);
    await expect(outcome(verifyEnvelope(wrapped, { trust: trustOnly(s) }))).resolves.toBe('wrapping');
  });

  test('Wrapped signature where the attacker Body carries no id at all. Result: wrapping', async () => {
    const wrapped = wrap(signedEnvelope(s), ATTACKER_BODY.replace(' wsu:Id="evil"', ''));
    await expect(outcome(verifyEnvelope(wrapped, { trust: trustOnly(s) }))).resolves.toBe('wrapping');
  });

  test('Signed Body moved away and replaced, with only one soap Body left in the document (wrapper renamed). Result: the unsigned Body is refused', async () => {
    const signed = signedEnvelope(s);
    const moved = wrap(signed, ATTACKER_BODY).replace(/<w:Wrapper xmlns:w="urn:attacker"><SOAP-ENV:Body/, '<w:Wrapper xmlns:w="urn:attacker"><w:Body')
      .replace('</SOAP-ENV:Body></w:Wrapper>', '</w:Body></w:Wrapper>');
    await expect(outcome(verifyEnvelope(moved, { trust: trustOnly(s) }))).resolves.toBe('missing-element');
  });

  test('Control: the untouched message verifies and the Body read is the signed one', async () => {
    const v = await verifyEnvelope(signedEnvelope(s), { trust: trustOnly(s) });
    expect(v.body.local).toBe('getPerson');
    expect(v.canonicalBody).toContain('<pop:fin>5ZK8F3R</pop:fin>');
  });
});
