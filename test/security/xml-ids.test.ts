/**
 * Ids and references (docs/conventions.md, XML signature rules 2 and 5): ids unique in the whole document, every
 * element we read must be referenced, references only `#id`.
 */
import { verifyEnvelope } from '../../signing/wss';
import { outcome, resignSignedInfo, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

describe('Ids and references', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('rsa'); });

  test('Provider signs everything but the xrd:userId header (reference removed, SignedInfo re-signed). Result: missing-element', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s, (si) => si.replace(/<ds:Reference URI="#xrd-userId">.*?<\/ds:Reference>/, ''));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('missing-element');
  });

  test('Control for the above: with requiredRefs not listing userId the same message is accepted', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s, (si) => si.replace(/<ds:Reference URI="#xrd-userId">.*?<\/ds:Reference>/, ''));
    const v = await verifyEnvelope(msg, { trust: trustOnly(s), requiredRefs: ['Body', 'Timestamp', 'client', 'service', 'id', 'issue', 'protocolVersion'] });
    expect(v.headers.issue).toBe('2(101)-1234/2026');
  });

  test('Message carries an extra header element with the same id as the signed xrd:issue. Result: duplicate-element', async () => {
    const msg = signedEnvelope(s).replace('</SOAP-ENV:Header>', '<x:note xmlns:x="urn:x" wsu:Id="xrd-issue">2(999)-1/2026</x:note></SOAP-ENV:Header>');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('duplicate-element');
  });

  test('Reference with an external URI instead of #id (re-signed). Result: algorithm-not-allowed', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s, (si) => si.replace('URI="#xrd-issue"', 'URI="https://attacker.example/issue.xml"'));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('algorithm-not-allowed');
  });

  test('Second xrd:id header (a replay-cache bypass attempt). Result: wrapping', async () => {
    const msg = signedEnvelope(s).replace('</SOAP-ENV:Header>', '<xrd:id>another</xrd:id></SOAP-ENV:Header>');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('wrapping');
  });
});
