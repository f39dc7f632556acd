/** The PEM file key store: load key + certificate, refuse a key that is not the certificate's. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDetached, verifyDetached } from '../../../../signing/cms';
import { loadPemKeyStore } from '../../../../signing/keystore';
import { PkiFixture, getPkiFixture } from '../../../support/pki-fixture';
import { reasonOf } from '../../../support/signing-reason';

let pki: PkiFixture;
let dir: string;

beforeAll(async () => {
  pki = await getPkiFixture();
  dir = mkdtempSync(join(tmpdir(), 'court-hub-pem-ks-'));
  writeFileSync(join(dir, 'hub.crt.pem'), pki.hub.certPem);
  writeFileSync(join(dir, 'hub.key.pem'), pki.hub.keyPem);
  writeFileSync(join(dir, 'judge.key.pem'), pki.judge.keyPem);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('PEM key store', () => {
  test('Hub loads its key and certificate from PEM files and signs an evidence packet. Result: the signature verifies to the hub certificate', async () => {
    const ks = await loadPemKeyStore({ certPath: join(dir, 'hub.crt.pem'), keyPath: join(dir, 'hub.key.pem') });
    expect(ks.algorithm).toBe('ecdsa-sha256');
    const packet = Buffer.from('{"evidence":"packet"}');
    const sig = await signDetached(packet, { certPem: ks.certPem, key: ks });
    const v = await verifyDetached(packet, sig, pki.validator(), { requireKeyUsage: ['digitalSignature'] });
    expect(v.signer.subject).toContain('CN=court-hub');
  });

  test('Operator configures the judge\'s key beside the hub\'s certificate. Result: key-unavailable at load', async () => {
    expect(await reasonOf(loadPemKeyStore({ certPath: join(dir, 'hub.crt.pem'), keyPath: join(dir, 'judge.key.pem') }))).toBe('key-unavailable');
  });

  test('Key file missing. Result: key-unavailable naming the error code, not the path contents', async () => {
    expect(await reasonOf(loadPemKeyStore({ certPath: join(dir, 'hub.crt.pem'), keyPath: join(dir, 'nope.pem') }))).toBe('key-unavailable');
  });
});
