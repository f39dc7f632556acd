/**
 * The allowlist (docs/conventions.md, XML signature rule 4). Each forged message is fully consistent (digests and
 * SignatureValue recomputed by someone holding a key), so only the allowlist can refuse it.
 */
import { createHash, createHmac, sign as cryptoSign } from 'node:crypto';
import { verifyEnvelope } from '../../signing/wss';
import { canonicalById, outcome, resignSignedInfo, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

const SHA1 = 'http://www.w3.org/2000/09/xmldsig#sha1';
const HMAC_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256';

describe('Algorithm allowlist', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('rsa'); });

  test('Provider digests the Body with SHA-1 (value correct, SignedInfo signed). Result: algorithm-not-allowed', async () => {
    const signed = signedEnvelope(s);
    const sha1 = createHash('sha1').update(canonicalById(signed, 'body')).digest('base64');
    const msg = resignSignedInfo(signed, s, (si) => si.replace(
      /(<ds:Reference URI="#body">.*?<ds:DigestMethod Algorithm=")[^"]*("><\/ds:DigestMethod><ds:DigestValue>)[^<]*/,
      `$1${SHA1}$2${sha1}`));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('algorithm-not-allowed');
  });

  test('Attacker signs SignedInfo with HMAC-SHA256 keyed by the public certificate bytes. Result: algorithm-not-allowed', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s,
      (si) => si.replace(/<ds:SignatureMethod Algorithm="[^"]*">/, `<ds:SignatureMethod Algorithm="${HMAC_SHA256}">`),
      (c) => createHmac('sha256', s.certDer).update(c).digest());
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('algorithm-not-allowed');
  });

  test('CanonicalizationMethod #WithComments (re-signed). Result: algorithm-not-allowed', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s, (si) => si.replace(
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#">',
      '<ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#WithComments">'));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('algorithm-not-allowed');
  });

  test('Reference with an XPath transform (re-signed). Result: algorithm-not-allowed', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s, (si) => si.replace(
      '<ds:Reference URI="#body"><ds:Transforms>',
      '<ds:Reference URI="#body"><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>1</ds:XPath></ds:Transform>'));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('algorithm-not-allowed');
  });

  test('RSA-SHA512 from an RSA key is on the list. Result: ok', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s,
      (si) => si.replace(/<ds:SignatureMethod Algorithm="[^"]*">/, '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha512">'),
      (c) => cryptoSign('sha512', c, s.key));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('ok');
  });

  test('SignatureMethod says ECDSA but the trusted certificate holds an RSA key. Result: algorithm-not-allowed', async () => {
    const msg = resignSignedInfo(signedEnvelope(s), s,
      (si) => si.replace(/<ds:SignatureMethod Algorithm="[^"]*">/, '<ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256">'));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('algorithm-not-allowed');
  });
});
