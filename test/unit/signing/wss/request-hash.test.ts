/**
 * X-Road message protocol 4.0 §2.4.3: a provider's answer carries xrd:requestHash, the digest of the
 * request it answers. The verifier hands it out only when it was signed.
 */
import { signEnvelope, verifyEnvelope } from '../../../../signing/wss';
import { HUB_REF_IDS, outcome, testEnvelope, testSigner, trustOnly, type TestSigner } from '../../../support/wss-fixture';

const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const HASH = 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=';

function answer(requestHash = `<xrd:requestHash wsu:Id="xrd-requestHash" algorithmId="${SHA256}">${HASH}</xrd:requestHash>`): string {
  return testEnvelope().replace('</xrd:protocolVersion>', `</xrd:protocolVersion>\n    ${requestHash}`);
}

describe('xrd:requestHash in a provider answer', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('ec'); });

  test('Answer signs its requestHash. Result: the hash and its algorithm are handed out', async () => {
    const msg = signEnvelope(answer(), s, { refIds: [...HUB_REF_IDS, 'xrd-requestHash'] });
    const v = await verifyEnvelope(msg, { trust: trustOnly(s), requiredRefs: ['Body', 'Timestamp', 'id', 'requestHash'] });
    expect(v.headers.requestHash).toEqual({ algorithmId: SHA256, value: HASH });
  });

  test('Answer carries a requestHash its signature does not cover. Result: missing-element, never handed out unsigned', async () => {
    const msg = signEnvelope(answer(), s, { refIds: HUB_REF_IDS });
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('missing-element');
  });

  test('The hub requires a requestHash and the answer has none. Result: missing-element', async () => {
    const msg = signEnvelope(testEnvelope(), s, { refIds: HUB_REF_IDS });
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s), requiredRefs: ['Body', 'requestHash'] }))).resolves.toBe('missing-element');
  });

  test('A second requestHash (a signed one moved aside, an attacker one in its place). Result: wrapping', async () => {
    const two = answer(`<xrd:requestHash wsu:Id="xrd-requestHash" algorithmId="${SHA256}">${HASH}</xrd:requestHash><xrd:requestHash algorithmId="${SHA256}">${HASH}</xrd:requestHash>`);
    const msg = signEnvelope(two, s, { refIds: [...HUB_REF_IDS, 'xrd-requestHash'] });
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('wrapping');
  });

  test('requestHash altered after signing. Result: digest-mismatch', async () => {
    const msg = signEnvelope(answer(), s, { refIds: [...HUB_REF_IDS, 'xrd-requestHash'] }).replace(HASH, HASH.replace('q83', 'r83'));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('digest-mismatch');
  });

  test('requestHash without algorithmId. Result: malformed', async () => {
    const msg = signEnvelope(answer(`<xrd:requestHash wsu:Id="xrd-requestHash">${HASH}</xrd:requestHash>`), s, { refIds: [...HUB_REF_IDS, 'xrd-requestHash'] });
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('malformed');
  });
});
