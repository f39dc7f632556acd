/**
 * Content changed after signing, and comment tricks (docs/conventions.md, XML signature rule 7; CVE-2025-29774 and
 * CVE-2025-29775 in xml-crypto before 6.0.1).
 */
import { createHash } from 'node:crypto';
import { verifyEnvelope } from '../../signing/wss';
import { canonicalById, outcome, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

describe('Tampering', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('rsa'); });

  test('Someone on the way changes the FIN in the signed Body. Result: digest-mismatch', async () => {
    const msg = signedEnvelope(s).replace('<pop:fin>5ZK8F3R</pop:fin>', '<pop:fin>9XX9X9X</pop:fin>');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('digest-mismatch');
  });

  test('Comment injected inside the signed xrd:userId value. Result: ok (comments are not signed) and the value read is the full text, unchanged', async () => {
    const msg = signedEnvelope(s).replace('>AZ-FIN-5ZK8F3R<', '>AZ-FIN-<!--judge-->5ZK8F3R<');
    const v = await verifyEnvelope(msg, { trust: trustOnly(s) });
    expect(v.headers.userId).toBe('AZ-FIN-5ZK8F3R');
  });

  test('Comment splits a DigestValue. Result: ok, the full text is the signed value', async () => {
    const msg = signedEnvelope(s).replace(/(<ds:DigestValue>)(.{10})/, '$1$2<!-- x -->');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('ok');
  });

  test('Attacker changes the Body and puts its digest into DigestValue before a comment holding the original. Result: refused (bad-signature), never read', async () => {
    const signed = signedEnvelope(s);
    const tampered = signed.replace('<pop:fin>5ZK8F3R</pop:fin>', '<pop:fin>9XX9X9X</pop:fin>');
    const evilDigest = createHash('sha256').update(canonicalById(tampered, 'body')).digest('base64');
    const msg = tampered.replace(/(<ds:Reference URI="#body">.*?<ds:DigestValue>)([^<]*)/, `$1${evilDigest}<!--$2-->`);
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('bad-signature');
  });

  test('Duplicated SignedInfo: a second, attacker-made SignedInfo after the signed one. Result: duplicate-element', async () => {
    const signed = signedEnvelope(s);
    const si = signed.slice(signed.indexOf('<ds:SignedInfo'), signed.indexOf('</ds:SignedInfo>') + 16);
    const msg = signed.replace('<ds:SignatureValue>', si.replace(/<ds:DigestValue>[^<]*/, '<ds:DigestValue>AAAA') + '<ds:SignatureValue>');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('duplicate-element');
  });

  test('SignatureValue altered by one character. Result: bad-signature', async () => {
    const msg = signedEnvelope(s).replace(/<ds:SignatureValue>(.)/, (_m, c: string) => `<ds:SignatureValue>${c === 'A' ? 'B' : 'A'}`);
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('bad-signature');
  });
});
