/** The document never chooses the key (docs/conventions.md, XML signature rule 3). */
import { verifyEnvelope } from '../../signing/wss';
import { outcome, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

describe('Key choice', () => {
  let agency: TestSigner;
  let attacker: TestSigner;
  beforeAll(async () => { [agency, attacker] = await Promise.all([testSigner('rsa'), testSigner('ec', 'Attacker')]); });

  test('Attacker signs a well-formed answer with its own certificate in the BinarySecurityToken. Result: cert-untrusted (the trust callback refuses it)', async () => {
    const msg = signedEnvelope(attacker);
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(agency) }))).resolves.toBe('cert-untrusted');
  });

  test('Attacker swaps the trusted agency certificate into the token of its own signature. Result: bad-signature', async () => {
    const msg = signedEnvelope(attacker);
    const mine = attacker.certPem.replace(/-----[^-]+-----|\s/g, '');
    const theirs = agency.certPem.replace(/-----[^-]+-----|\s/g, '');
    const swapped = msg.replace(mine, theirs).replace(/ecdsa-sha256/, 'rsa-sha256');
    await expect(outcome(verifyEnvelope(swapped, { trust: trustOnly(agency) }))).resolves.toBe('bad-signature');
  });

  test('Trust callback fails with a plain error (e.g. OCSP down). Result: cert-untrusted, fail closed', async () => {
    const msg = signedEnvelope(agency);
    await expect(outcome(verifyEnvelope(msg, { trust: async () => { throw new Error('ocsp timeout'); } }))).resolves.toBe('cert-untrusted');
  });

  test('Trust callback returns a private key by mistake. Result: cert-untrusted', async () => {
    const msg = signedEnvelope(agency);
    await expect(outcome(verifyEnvelope(msg, { trust: async () => agency.key }))).resolves.toBe('cert-untrusted');
  });
});
