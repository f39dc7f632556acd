/**
 * Interop: `openssl ocsp` acting as the OCSP responder (RFC 6960) for the qualified
 * CA, with a delegated responder certificate; the hub's PathValidator asks it. The root's CRL
 * covers the intermediate.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PkiFixture, getPkiFixture } from '../support/pki-fixture';
import { freePort } from '../support/ports';
import { reasonOf } from '../support/signing-reason';

let pki: PkiFixture;
let dir: string;
let responder: ChildProcess | undefined;
let url: string;
const NR = { requireKeyUsage: ['nonRepudiation' as const] };

function opensslTime(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
}

beforeAll(async () => {
  pki = await getPkiFixture();
  dir = mkdtempSync(join(tmpdir(), 'court-hub-ocsp-interop-'));
  const far = opensslTime(new Date(Date.now() + 365 * 86_400_000));
  const revokedAt = opensslTime(new Date(Date.now() - 3_600_000));
  // index.txt (the `openssl ca` database): status, expiry, revocation time, serial, file, subject
  const line = (s: string, serial: string, rev = '') => [s, far, rev, serial.toUpperCase(), 'unknown', '/CN=x'].join('\t');
  writeFileSync(join(dir, 'index.txt'), [line('V', pki.judge.serialHex), line('R', pki.revokedJudge.serialHex, revokedAt)].join('\n') + '\n');
  writeFileSync(join(dir, 'ca.pem'), pki.qualifiedCa.certPem);
  writeFileSync(join(dir, 'rsigner.pem'), pki.ocspResponders.qualified.certPem);
  writeFileSync(join(dir, 'rkey.pem'), pki.ocspResponders.qualified.keyPem);
  const port = await freePort();
  responder = spawn('/usr/bin/openssl', ['ocsp', '-index', 'index.txt', '-CA', 'ca.pem', '-rsigner', 'rsigner.pem', '-rkey', 'rkey.pem',
    '-port', String(port), '-nmin', '10', '-ignore_err'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // Wait for its banner, not by connecting: an empty probe connection wedges `openssl ocsp`
  // 3.0 in a busy loop that never answers again.
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('waiting for OCSP client connections')) resolve();
    };
    responder!.stdout!.on('data', onData);
    responder!.stderr!.on('data', onData);
    responder!.once('exit', (code) => reject(new Error(`openssl ocsp exited (${code}): ${seen}`)));
  });
  url = `http://127.0.0.1:${port}/`;
}, 30_000);

afterAll(() => {
  responder?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});


describe('OpenSSL interop: `openssl ocsp` as the responder', () => {
  test('Judge certificate marked valid in the responder\'s index. Result: valid (good from openssl ocsp, root CRL for the CA)', async () => {
    const v = pki.validator({}, { ocspUrl: url, crls: [pki.crls.root] });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('valid');
  });

  test('Judge certificate marked revoked in the responder\'s index (and no CRL for its CA). Result: cert-revoked', async () => {
    const v = pki.validator({}, { ocspUrl: url, crls: [pki.crls.root] });
    expect(await reasonOf(v.validate(pki.revokedJudge.certPem, NR))).toBe('cert-revoked');
  });

  test('Certificate absent from the responder\'s index (status unknown) and no CRL. Result: revocation-unknown', async () => {
    const v = pki.validator({}, { ocspUrl: url, crls: [pki.crls.root] });
    expect(await reasonOf(v.validate(pki.staff.certPem, NR))).toBe('revocation-unknown');
  });
});
