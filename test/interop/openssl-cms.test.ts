/**
 * Interop with OpenSSL 3 (RFC 5652): detached CMS made by `openssl cms -sign` verifies in the
 * hub, and the hub's verifies with `openssl cms -verify`. RSA-2048 PKI written by initPki.
 */
import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDetached, verifyDetached } from '../../signing/cms';
import { keyObjectSigner } from '../../signing/keystore/key-object-signer';
import { PathValidator } from '../../signing/pki';
import { PkiSummary, initPki } from '../../signing/test-ca';
import { reasonOf } from '../support/signing-reason';

const OPENSSL = '/usr/bin/openssl';
let dir: string;
let pki: PkiSummary;
let validator: PathValidator;
let store: string;
const content = Buffer.from('{"case":"2-1(101)-7/2026","categories":["11.2.22"],"nonce":"c9"}');
let contentFile: string;

function openssl(args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync(OPENSSL, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString() };
  } catch (e) {
    return { ok: false, out: String((e as { stderr?: Buffer }).stderr ?? e) };
  }
}


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'court-hub-cms-interop-'));
  pki = await initPki(dir, {
    keyType: 'rsa',
    people: [{ fin: '5ZX7QK2', surname: 'Məmmədov', givenName: 'Elçin', patronymic: 'Tofiq oğlu', role: 'judge' }],
    providers: ['population-register'],
  });
  const read = (p: string) => readFileSync(p, 'utf8');
  validator = new PathValidator({
    anchors: [read(pki.trustBundle)],
    intermediates: [read(pki.intermediates)],
    crls: [read(pki.crls.root), read(pki.crls.qualified), read(pki.crls.agency)],
  });
  // OpenSSL takes CRLs from the CAfile store for -crl_check_all.
  store = join(dir, 'store.pem');
  writeFileSync(store, [pki.trustBundle, pki.intermediates, pki.crls.root, pki.crls.qualified, pki.crls.agency].map(read).join(''));
  contentFile = join(dir, 'order.json');
  writeFileSync(contentFile, content);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function opensslSign(extra: string[]): Buffer {
  const judge = pki.people[0]!;
  const out = join(dir, `openssl-${extra.join('')}.p7s`);
  const r = openssl(['cms', '-sign', '-binary', '-outform', 'DER', '-signer', judge.cert, '-inkey', judge.key, '-in', contentFile, '-out', out, ...extra]);
  if (!r.ok) throw new Error(r.out);
  return readFileSync(out);
}

function opensslVerify(sig: Buffer, contentPath = contentFile): { ok: boolean; out: string } {
  const sigFile = join(dir, 'hub.p7s');
  writeFileSync(sigFile, sig);
  return openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', sigFile, '-content', contentPath, '-CAfile', store, '-crl_check_all', '-out', '/dev/null']);
}

describe('OpenSSL interop: CMS detached (RFC 5652, CAdES-BES)', () => {
  test('Judge signs with `openssl cms -sign -cades -md sha256`. Result: the hub verifies it; FIN from the subject serialNumber', async () => {
    const sig = opensslSign(['-md', 'sha256', '-cades']);
    const v = await verifyDetached(content, sig, validator, { requireKeyUsage: ['nonRepudiation'] });
    expect(v.signer.fin).toBe('5ZX7QK2');
    expect(v.signer.subject).toContain('Məmmədov');
  });

  test('Judge signs with `openssl cms -sign` without -cades (no signingCertificateV2). Result: missing-element', async () => {
    const sig = opensslSign(['-md', 'sha256']);
    expect(await reasonOf(verifyDetached(content, sig, validator))).toBe('missing-element');
  });

  test('Judge signs with `openssl cms -sign -md sha1`. Result: algorithm-not-allowed', async () => {
    const sig = opensslSign(['-md', 'sha1', '-cades']);
    expect(await reasonOf(verifyDetached(content, sig, validator))).toBe('algorithm-not-allowed');
  });

  test('Hub signs (RSA PKCS#1 v1.5). Result: `openssl cms -verify` with CRL checks accepts it', async () => {
    const hub = { certPem: readFileSync(pki.hub.cert, 'utf8'), key: createPrivateKey(readFileSync(pki.hub.key)) };
    const r = opensslVerify(await signDetached(content, hub));
    expect(r.out + (r.ok ? 'OK' : '')).toMatch(/OK$/);
  });

  test('Hub signs with RSASSA-PSS. Result: OpenSSL and the hub both accept it', async () => {
    const certPem = readFileSync(pki.hub.cert, 'utf8');
    const signer = keyObjectSigner(certPem, createPrivateKey(readFileSync(pki.hub.key)), 'rsa-pss-sha256');
    const sig = await signDetached(content, { certPem, key: signer });
    expect(opensslVerify(sig).ok).toBe(true);
    await expect(verifyDetached(content, sig, validator, { requireKeyUsage: ['digitalSignature'] })).resolves.toBeDefined();
  });

  test('Hub signs, then the content is altered. Result: `openssl cms -verify` refuses it', async () => {
    const hub = { certPem: readFileSync(pki.hub.cert, 'utf8'), key: createPrivateKey(readFileSync(pki.hub.key)) };
    const sig = await signDetached(content, hub);
    const altered = join(dir, 'altered.json');
    writeFileSync(altered, Buffer.concat([content, Buffer.from(' ')]));
    expect(opensslVerify(sig, altered).ok).toBe(false);
  });
});
