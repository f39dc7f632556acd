/** The CLI commands `pki init`, `cms sign`, `cms verify` (docs/security-model.md §2, §3). */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCmsCommand, runPkiCommand } from '../../../../signing/cli';
import type { PkiSummary } from '../../../../signing/test-ca';
import { getPkiFixture } from '../../../support/pki-fixture';

let dir: string;
let summary: PkiSummary;
let pkiExit: number;

function io() {
  const o = { out: '', err: '' };
  return { o, io: { out: (s: string) => void (o.out += s), err: (s: string) => void (o.err += s) } };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'court-hub-cli-'));
  const { o, io: cio } = io();
  pkiExit = await runPkiCommand(['init', '--dir', join(dir, 'pki'), '--key-type', 'ec'], cio, {
    people: [
      { fin: '1AB2C3D', surname: 'Hüseynova', givenName: 'Aynur', patronymic: 'Rəşid qızı', role: 'judge' },
      { fin: '7XY8Z9Q', surname: 'Quliyev', givenName: 'Murad', role: 'staff' },
    ],
    providers: ['tax-service', 'population-register'],
  });
  summary = JSON.parse(o.out) as PkiSummary;
  writeFileSync(join(dir, 'order.json'), '{"case":"2-1(101)-9/2026","nonce":"x1"}');
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('court-hub pki init / cms sign / cms verify', () => {
  test('Operator runs `pki init --key-type ec`. Result: exit 0, a JSON summary whose every path exists; the judge certificate carries the FIN', () => {
    expect(pkiExit).toBe(0);
    const paths = [summary.rootCa, summary.qualifiedCa, summary.agencyCa, summary.hub, ...summary.people, ...summary.providers].flatMap((f) => [f.cert, f.key]);
    paths.push(...Object.values(summary.crls), summary.trustBundle, summary.intermediates, join(summary.dir, 'pki.json'));
    for (const p of paths) expect(existsSync(p)).toBe(true);
    const judge = summary.people.find((p) => p.role === 'judge')!;
    expect(judge.fin).toBe('1AB2C3D');
    expect(new X509Certificate(readFileSync(judge.cert)).subject).toContain('serialNumber=1AB2C3D');
    expect(summary.providers.map((p) => p.id)).toEqual(['tax-service', 'population-register']);
    expect(readFileSync(summary.crls.root, 'utf8')).toContain('-----BEGIN X509 CRL-----');
  });

  test('Judge signs an order with `cms sign` and it is checked with `cms verify` (trust from pki.json). Result: exit 0, verdict valid with FIN and signing time', async () => {
    const judge = summary.people.find((p) => p.role === 'judge')!;
    const s = io();
    expect(await runCmsCommand(['sign', '--in', join(dir, 'order.json'), '--cert', judge.cert, '--key', judge.key, '--out', join(dir, 'order.p7s')], s.io)).toBe(0);
    const v = io();
    const code = await runCmsCommand(['verify', '--in', join(dir, 'order.json'), '--sig', join(dir, 'order.p7s'), '--pki-dir', summary.dir, '--require-key-usage', 'nonRepudiation'], v.io);
    const verdict = JSON.parse(v.o.out);
    expect({ code, valid: verdict.valid, fin: verdict.fin }).toEqual({ code: 0, valid: true, fin: '1AB2C3D' });
    expect(verdict.subject).toContain('Hüseynova');
    expect(Date.parse(verdict.signingTime)).not.toBeNaN();
  });

  test('The signed order file is altered before `cms verify`. Result: exit 1, reason digest-mismatch', async () => {
    writeFileSync(join(dir, 'order2.json'), '{"case":"2-1(101)-9/2026","nonce":"x2"}');
    const v = io();
    const code = await runCmsCommand(['verify', '--in', join(dir, 'order2.json'), '--sig', join(dir, 'order.p7s'), '--pki-dir', summary.dir], v.io);
    expect({ code, verdict: JSON.parse(v.o.out) }).toEqual({ code: 1, verdict: { valid: false, reason: 'digest-mismatch' } });
  });

  test('`cms verify --trust` names another root. Result: exit 1, reason cert-untrusted', async () => {
    const other = await getPkiFixture();
    writeFileSync(join(dir, 'other-root.pem'), other.root.certPem);
    const v = io();
    const code = await runCmsCommand(['verify', '--in', join(dir, 'order.json'), '--sig', join(dir, 'order.p7s'), '--trust', join(dir, 'other-root.pem')], v.io);
    expect({ code, verdict: JSON.parse(v.o.out) }).toEqual({ code: 1, verdict: { valid: false, reason: 'cert-untrusted' } });
  });

  test('`cms verify --trust` with the right root but no revocation source. Result: exit 1, reason revocation-unknown (fail closed)', async () => {
    const v = io();
    const code = await runCmsCommand(['verify', '--in', join(dir, 'order.json'), '--sig', join(dir, 'order.p7s'), '--trust', summary.trustBundle, '--intermediate', summary.intermediates], v.io);
    expect({ code, verdict: JSON.parse(v.o.out) }).toEqual({ code: 1, verdict: { valid: false, reason: 'revocation-unknown' } });
  });

  test('Operator mistypes the commands. Result: exit 2 with a usage message', async () => {
    const a = io();
    expect(await runCmsCommand(['verify', '--in', 'x'], a.io)).toBe(2);
    expect(a.o.err).toMatch(/--sig is required/);
    const b = io();
    expect(await runPkiCommand(['init', '--key-type', 'dsa'], b.io, { people: [], providers: [] })).toBe(2);
    const c = io();
    expect(await runCmsCommand(['frobnicate'], c.io)).toBe(2);
  });
});
