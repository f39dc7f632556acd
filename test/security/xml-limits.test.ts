/** Hostile documents (docs/conventions.md, XML signature rule 1): DTDs and entity expansion, size. */
import { verifyEnvelope } from '../../signing/wss';
import { outcome, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

describe('Hostile documents', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('rsa'); });

  test('Signed message prefixed with a billion-laughs DOCTYPE. Result: doctype, trust never asked', async () => {
    const lol = '<!DOCTYPE SOAP-ENV:Envelope [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const msg = signedEnvelope(s).replace('<SOAP-ENV:Envelope', lol + '<SOAP-ENV:Envelope').replace('>AZ-FIN-5ZK8F3R<', '>&c;<');
    const trust = jest.fn(trustOnly(s));
    await expect(outcome(verifyEnvelope(msg, { trust }))).resolves.toBe('doctype');
    expect(trust).not.toHaveBeenCalled();
  });

  test('External entity (XXE) pointing at a local file. Result: doctype', async () => {
    const msg = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('doctype');
  });

  test('Validly signed message larger than maxBytes. Result: too-large, trust never asked', async () => {
    const msg = signedEnvelope(s, { records: 60 });
    const trust = jest.fn(trustOnly(s));
    await expect(outcome(verifyEnvelope(msg, { trust, maxBytes: 8 * 1024 }))).resolves.toBe('too-large');
    expect(trust).not.toHaveBeenCalled();
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('ok');
  });

  test('Truncated message. Result: malformed', async () => {
    const msg = signedEnvelope(s);
    await expect(outcome(verifyEnvelope(msg.slice(0, msg.length - 40), { trust: trustOnly(s) }))).resolves.toBe('malformed');
  });
});
