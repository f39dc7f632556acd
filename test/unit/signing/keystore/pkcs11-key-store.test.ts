/**
 * PKCS#11 key store against SoftHSM2 (Debian package softhsm2): a token with a unique label is
 * initialized, a key is generated inside it or imported, CMS signatures made through the token
 * verify, and the token is deleted afterwards. The token lives in SoftHSM2's configured token
 * directory: SOFTHSM2_CONF cannot be pointed elsewhere from inside a jest sandbox (its
 * process.env is a copy that neither child processes nor the native module see).
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDetached, verifyDetached } from '../../../../signing/cms';
import { generatePkcs11EcKey, openPkcs11Signer } from '../../../../signing/keystore';
import { issueEndEntity } from '../../../../signing/test-ca';
import { PkiFixture, getPkiFixture } from '../../../support/pki-fixture';
import { reasonOf } from '../../../support/signing-reason';

const LIB = '/usr/lib/softhsm/libsofthsm2.so';
const TOKEN = `chub-${randomBytes(6).toString('hex')}`;
const PIN = '246810';
let pki: PkiFixture;
let dir: string;

beforeAll(async () => {
  if (!existsSync(LIB)) throw new Error(`SoftHSM2 missing (${LIB}): apt-get install -y softhsm2`);
  pki = await getPkiFixture();
  dir = mkdtempSync(join(tmpdir(), 'court-hub-softhsm-'));
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', TOKEN, '--pin', PIN, '--so-pin', '13579135'], { stdio: 'ignore' });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  execFileSync('softhsm2-util', ['--delete-token', '--token', TOKEN], { stdio: 'ignore' });
});


const packet = Buffer.from('{"evidence":"signed in the HSM"}');

describe('PKCS#11 key store (SoftHSM2)', () => {
  test('Hub key generated inside the token, certified by the agency CA; hub signs through PKCS#11. Result: the CMS signature verifies', async () => {
    const spki = generatePkcs11EcKey(LIB, TOKEN, PIN, 'hub-signing');
    const publicKey = await webcrypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    const cert = await issueEndEntity(pki.agencyCa, { subject: { commonName: 'court-hub (HSM)' }, keyUsage: ['digitalSignature'], publicKey });
    const signer = await openPkcs11Signer({ library: LIB, tokenLabel: TOKEN, pin: PIN, keyLabel: 'hub-signing', certPem: cert.certPem, algorithm: 'ecdsa-sha256' });
    try {
      const sigs = await Promise.all([signDetached(packet, { certPem: cert.certPem, key: signer }), signDetached(packet, { certPem: cert.certPem, key: signer })]);
      for (const sig of sigs) {
        const v = await verifyDetached(packet, sig, pki.validator(), { requireKeyUsage: ['digitalSignature'] });
        expect(v.signer.sha256).toBe(new X509Certificate(cert.certPem).fingerprint256.replace(/:/g, '').toLowerCase());
      }
    } finally {
      await signer.close!();
    }
  });

  test('Hub key imported into the token from a PKCS#8 file. Result: signatures through PKCS#11 verify to the hub certificate', async () => {
    const keyFile = join(dir, 'hub.pk8.pem');
    writeFileSync(keyFile, pki.hub.keyPem);
    execFileSync('softhsm2-util', ['--import', keyFile, '--token', TOKEN, '--label', 'hub-imported', '--id', '02', '--pin', PIN], { stdio: 'ignore' });
    rmSync(keyFile);
    const signer = await openPkcs11Signer({ library: LIB, tokenLabel: TOKEN, pin: PIN, keyLabel: 'hub-imported', certPem: pki.hub.certPem, algorithm: 'ecdsa-sha256' });
    try {
      const sig = await signDetached(packet, { certPem: pki.hub.certPem, key: signer });
      await expect(verifyDetached(packet, sig, pki.validator(), { requireKeyUsage: ['digitalSignature'] })).resolves.toBeDefined();
    } finally {
      await signer.close!();
    }
  });

  test('Operator configures a wrong PIN. Result: key-unavailable', async () => {
    expect(await reasonOf(openPkcs11Signer({ library: LIB, tokenLabel: TOKEN, pin: '000000', keyLabel: 'hub-signing', certPem: pki.hub.certPem, algorithm: 'ecdsa-sha256' }))).toBe('key-unavailable');
  });

  test('Operator names a key label the token does not hold. Result: key-unavailable', async () => {
    expect(await reasonOf(openPkcs11Signer({ library: LIB, tokenLabel: TOKEN, pin: PIN, keyLabel: 'no-such-key', certPem: pki.hub.certPem, algorithm: 'ecdsa-sha256' }))).toBe('key-unavailable');
  });
});
