import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { verifyEvidence } from '../../core/evidence';
import { canonicalBytes, cmsVerifier, createOrder } from '../../core/orders';
import { signDetached } from '../../signing/cms';
import { verifyDetachedJws, signDetachedJws } from '../../signing/jws';
import type { Pkcs11Signer } from '../../signing/keystore';
import { MemoryReplayCache, signEnvelope, verifyEnvelope } from '../../signing/wss';
import { freshDatabase } from '../support/db';
import { freePort } from '../support/ports';
import { HUB_REF_IDS, testEnvelope } from '../support/wss-fixture';

/**
 * docs/security-model.md §2: the hub's key in an HSM (SoftHSM2 from Debian's packages). The hub key of the test
 * PKI is imported into a fresh token and its PEM file is deleted from the hub's copy of the PKI:
 * every signature the hub makes must then come from the token.
 */
const LIB = '/usr/lib/softhsm/libsofthsm2.so';
const TOKEN = `chub-hub-${randomBytes(5).toString('hex')}`;
const PIN = '975310';

describe('Hub key in an HSM (PKCS#11, SoftHSM2)', () => {
  let pkiDir: string;
  let hub: RunningHub;
  let db: { url: string; drop(): Promise<void> };
  let signer: Pkcs11Signer;
  let hubCertPem: string;

  beforeAll(async () => {
    if (!fs.existsSync(LIB)) throw new Error(`SoftHSM2 missing (${LIB}): apt-get install -y softhsm2 (.ci/run does)`);
    // The hub's own copy of the PKI, paths rewritten to it, and the hub key moved into the token.
    const src = process.env.TEST_PKI_DIR!;
    pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-hsm-pki-'));
    fs.cpSync(src, pkiDir, { recursive: true });
    const summaryFile = path.join(pkiDir, 'pki.json');
    fs.writeFileSync(summaryFile, fs.readFileSync(summaryFile, 'utf8').split(src).join(pkiDir));
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    hubCertPem = fs.readFileSync(summary.hub.cert, 'utf8');
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', TOKEN, '--pin', PIN, '--so-pin', '86420864'], { stdio: 'ignore' });
    execFileSync('softhsm2-util', ['--import', summary.hub.key, '--token', TOKEN, '--label', 'hub', '--id', '0a', '--pin', PIN], { stdio: 'ignore' });
    fs.rmSync(summary.hub.key);

    db = await freshDatabase();
    hub = await startHub(loadConfig({
      DATABASE_URL: db.url, AUDIT_HMAC_KEY: 'test key of the HSM suite', SEED_DEMO: '1', PKI_DIR: pkiDir, DATA_DIR: pkiDir,
      PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'fatal',
      HUB_KEY_PKCS11_LIBRARY: LIB, HUB_KEY_PKCS11_TOKEN: TOKEN, HUB_KEY_PKCS11_PIN: PIN, HUB_KEY_PKCS11_LABEL: 'hub',
    }));
    // One PKCS#11 module per process is initialized once: the test signs with the hub's own signer.
    expect('signRaw' in hub.pki.hub).toBe(true);
    signer = hub.pki.hub as Pkcs11Signer;
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await db?.drop();
    fs.rmSync(pkiDir, { recursive: true, force: true });
    execFileSync('softhsm2-util', ['--delete-token', '--token', TOKEN], { stdio: 'ignore' });
  });

  test('The hub signs a SOAP message and a REST body through PKCS#11. Result: both verify with the hub certificate', async () => {
    const signed = signEnvelope(testEnvelope(), signer, { refIds: HUB_REF_IDS });
    const hubKey = new X509Certificate(hubCertPem).publicKey;
    const v = await verifyEnvelope(signed, { trust: async () => hubKey, replayCache: new MemoryReplayCache() });
    expect(v.body.local).toBe('getPerson');
    expect(v.signerCertDer.equals(new X509Certificate(hubCertPem).raw)).toBe(true);
    const body = Buffer.from('{"fin":"5ZK8F3R"}');
    await expect(verifyDetachedJws(body, signDetachedJws(body, signer), async () => hubKey)).resolves.toBeDefined();
  });

  test('A judge\'s signed lookup through a hub whose key file is gone. Result: ok outcomes, and the evidence packet verifies to the hub certificate — signed in the HSM', async () => {
    const summary = JSON.parse(fs.readFileSync(path.join(pkiDir, 'pki.json'), 'utf8'));
    expect(fs.existsSync(summary.hub.key)).toBe(false);
    const judgeFiles = summary.people.find((p: any) => p.fin === '2JD4K7M');
    const judge = { certPem: fs.readFileSync(judgeFiles.cert, 'utf8'), key: createPrivateKey(fs.readFileSync(judgeFiles.key)) };
    const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22', '11.2.3'] });
    const signature = (await signDetached(canonicalBytes(order), judge)).toString('base64');
    const r = await hub.broker.call<any, any>('court.lookup', { order, signature });
    expect(r.outcomes.map((o: any) => o.status)).toEqual(['ok', 'ok']);

    const verdict = await verifyEvidence(Buffer.from(r.evidence, 'base64'), cmsVerifier(hub.pki.validator));
    expect(verdict.packet.orderId).toBe(order.orderId);
    expect(verdict.signer.certSha256).toBe(new X509Certificate(hubCertPem).fingerprint256.replace(/:/g, '').toLowerCase());
  });
});
