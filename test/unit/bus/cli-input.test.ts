/**
 * The court CLI with bad input files and a hostile or broken hub. Every failure is exactly one
 * line on stderr naming the file or the hub and the problem: never parser bytes, OpenSSL codes,
 * a JavaScript TypeError or a stack. The hub here is a real HTTP server scripted per test.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { COURT_COMMANDS } from '../../../bus/api';
import { runCmsCommand, runPkiCommand } from '../../../signing/cli';
import { memIo } from '../../support/mem-io';
import { getPkiFixture, type PkiFixture } from '../../support/pki-fixture';

const run = (name: string, argv: string[], io: ReturnType<typeof memIo>['io']) => COURT_COMMANDS[name]!(argv, io);
/** What no message may show: OpenSSL codes, parser snippets, JavaScript error names, stack frames, control characters. */
// eslint-disable-next-line no-control-regex
const RAW = /error:[0-9A-F]{8}|routines::|Unexpected token|is not valid JSON|TypeError|ReferenceError|Cannot read prop|\bat .+:\d+:\d+|[\u0000-\u0008\u000b-\u001f\u007f]/;

function expectOneLine(err: string[], pattern: RegExp): void {
  expect(err).toHaveLength(1);
  expect(err[0]!.trimEnd()).not.toContain('\n');
  expect(err[0]!.trimEnd()).toMatch(pattern);
  expect(err[0]!.trimEnd()).not.toMatch(RAW);
}

let pki: PkiFixture;
beforeAll(async () => { pki = await getPkiFixture(); });

const order = () => JSON.stringify({ orderId: randomUUID(), caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', issuedAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 600_000).toISOString(), nonce: 'n'.repeat(22) });

describe('--help on every command', () => {
  it.each([
    ['order', ['--help'], /usage: court-hub order create[\s\S]*usage: court-hub order sign/],
    ['order', ['create', '--help'], /^usage: court-hub order create/],
    ['order', ['sign', '-h'], /^usage: court-hub order sign/],
    ['lookup', ['--help'], /^usage: court-hub lookup .*COURT_HUB_URL/],
    ['verify-evidence', ['--help'], /^usage: court-hub verify-evidence/],
    ['access-report', ['-h'], /^usage: court-hub access-report .*COURT_HUB_URL/],
    ['delegate', ['--case', 'X', '--help'], /^usage: court-hub delegate .*COURT_HUB_URL/],
    ['verify-identity', ['--help', '--no-such-option'], /^usage: court-hub verify-identity .*COURT_HUB_URL/],
  ])('court-hub %s %j. Result: the usage on stdout, exit 0, nothing read or sent', async (name, argv, usage) => {
    const m = memIo();
    m.io.fetch = () => { throw new Error('nothing may be sent'); };
    expect(await run(name, argv, m.io)).toBe(0);
    expect(m.out.join('\n')).toMatch(usage);
    expect(m.err).toEqual([]);
  });

  it.each([
    ['cms', ['--help']], ['cms', ['sign', '--help']], ['cms', ['verify', '-h']], ['pki', ['init', '--help']], ['pki', ['-h']],
  ])('court-hub %s %j. Result: the usage on stdout, exit 0', async (name, argv) => {
    let out = '';
    const io = { out: (t: string) => { out += t; }, err: (t: string) => { throw new Error(`stderr: ${t}`); } };
    const code = name === 'cms' ? await runCmsCommand(argv, io) : await runPkiCommand(argv, io, { people: [], providers: [] });
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^usage: court-hub ${name}`));
  });
});

describe('order sign with files that cannot be used', () => {
  const files = () => ({ 'o.json': order(), 'judge.crt': pki.judge.certPem, 'judge.key': pki.judge.keyPem });
  const sign = (m: ReturnType<typeof memIo>, ...extra: string[]) => run('order', ['sign', '--in', 'o.json', '--cert', 'judge.crt', '--key', 'judge.key', '--out', 'o.sig', ...extra], m.io);

  it('The judge\'s own certificate and key. Result: exit 0, the signature written', async () => {
    const m = memIo(files());
    expect(await sign(m)).toBe(0);
    expect(m.fs.get('o.sig')!.length).toBeGreaterThan(100);
  });

  it.each([
    ['another judge\'s key (same curve)', () => pki.staff.keyPem, /^error: judge\.key: this private key does not belong to the certificate in judge\.crt \(CN=TEST Person JDG0001\)$/],
    ['an RSA key for an EC certificate', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }), /^error: judge\.key: this private key does not belong to the certificate in judge\.crt/],
    ['a certificate where the key should be', () => pki.judge.certPem, /^error: judge\.key: not a private key \(PKCS#8, PKCS#1 or SEC1, PEM or DER expected\)$/],
    ['random bytes', () => Buffer.from([0x30, 0x82, 0xff, 0x00, 0x13, 0x37]), /^error: judge\.key: not a private key/],
    ['an encrypted key', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' }), /^error: judge\.key: an encrypted private key: decrypt it first/],
  ])('The key file holds %s. Result: exit 1, one line naming the key file; no signature written', async (_, key, message) => {
    const m = memIo({ ...files(), 'judge.key': key() });
    expect(await sign(m)).toBe(1);
    expectOneLine(m.err, message);
    expect(m.fs.has('o.sig')).toBe(false);
  });

  it.each([
    ['a private key', () => pki.judge.keyPem],
    ['garbage', () => 'hello'],
  ])('The certificate file holds %s. Result: exit 1, one line naming the certificate file', async (_, cert) => {
    const m = memIo({ ...files(), 'judge.crt': cert() });
    expect(await sign(m)).toBe(1);
    expectOneLine(m.err, /^error: judge\.crt: not an X\.509 certificate \(PEM or DER expected\)$/);
  });

  it.each([
    ['an array', '[{"orderId": "x"}]', /^error: o\.json: the document must be a JSON object, not an array$/],
    ['a string', '"order"', /^error: o\.json: the document must be a JSON object, not a string$/],
    ['null', 'null', /^error: o\.json: the document must be a JSON object, not null$/],
    ['a number', '42', /^error: o\.json: the document must be a JSON object, not a number$/],
    ['broken JSON on line 2', '{\n  "caseNumber" "2(101)-1234/2026"\n}', /^error: o\.json: not valid JSON at line 2, column 16$/],
    ['JSON cut short', '{"caseNumber": ', /^error: o\.json: not valid JSON: it ends too early$/],
    ['a string left open', '{"caseNumber": "2(101)', /^error: o\.json: not valid JSON at line 1, column 23$/],
    ['personal data that is not JSON', 'Məmmədov Əli 5ZK8F3R', /^error: o\.json: not valid JSON$/],
    ['nothing', '', /^error: o\.json: is empty; a JSON document was expected$/],
  ])('The document is %s. Result: exit 1, one line naming the file and never its content', async (_, text, message) => {
    const m = memIo({ ...files(), 'o.json': text });
    expect(await sign(m)).toBe(1);
    expectOneLine(m.err, message);
    expect(m.err[0]).not.toMatch(/5ZK8F3R|Məmmədov|caseNumber/);
  });

  it('The document file does not exist. Result: exit 1, "o.json: no such file"', async () => {
    const m = memIo({ 'judge.crt': pki.judge.certPem, 'judge.key': pki.judge.keyPem });
    expect(await sign(m)).toBe(1);
    expectOneLine(m.err, /^error: o\.json: no such file$/);
  });

  it('--as names no signed route. Result: exit 2 with the allowed keys', async () => {
    const m = memIo(files());
    expect(await sign(m, '--as', 'evil')).toBe(2);
    expect(m.err.join()).toMatch(/--as must be one of order, delegation, request, case, roster/);
  });

  it('order create --ttl-minutes abc. Result: exit 2, not a silent default', async () => {
    const m = memIo();
    expect(await run('order', ['create', '--case', '2(101)-1234/2026', '--subject', '5ZK8F3R', '--categories', '11.2.22', '--ttl-minutes', 'abc'], m.io)).toBe(2);
    expect(m.err.join()).toMatch(/--ttl-minutes must be a whole number of minutes from 1 to 1440/);
  });
});

describe('cms sign / cms verify with files that cannot be used', () => {
  const capture = () => { const o = { out: '', err: '' }; return { o, io: { out: (t: string) => { o.out += t; }, err: (t: string) => { o.err += t; } } }; };
  const tmp = mkdtempSync(join(tmpdir(), 'court-hub-cms-input-'));
  const file = (name: string, data: string | Buffer) => { const p = `${tmp}/${name}`; writeFileSync(p, data); return p; };
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('cms sign with another person\'s key. Result: exit 1, one line naming the key file', async () => {
    const c = capture();
    expect(await runCmsCommand(['sign', '--in', file('d.json', '{}'), '--cert', file('j.crt', pki.judge.certPem), '--key', file('s.key', pki.staff.keyPem), '--out', `${tmp}/d.p7s`], c.io)).toBe(1);
    expectOneLine([c.o.err], /^cms failed: .*s\.key: this private key does not belong to the certificate in .*j\.crt/);
  });

  it('cms sign with a key file that is not a key, and with a missing input. Result: exit 1, the file named, no OpenSSL code', async () => {
    const c = capture();
    expect(await runCmsCommand(['sign', '--in', file('d.json', '{}'), '--cert', file('j.crt', pki.judge.certPem), '--key', file('bad.key', 'nope'), '--out', `${tmp}/d.p7s`], c.io)).toBe(1);
    expectOneLine([c.o.err], /bad\.key: not a private key/);
    const d = capture();
    expect(await runCmsCommand(['sign', '--in', `${tmp}/missing.json`, '--cert', `${tmp}/j.crt`, '--key', `${tmp}/bad.key`, '--out', `${tmp}/d.p7s`], d.io)).toBe(1);
    expectOneLine([d.o.err], /^cms failed: .*missing\.json: no such file$/);
  });

  it('cms verify with a trust file that is not a certificate, and a pki.json that is not JSON. Result: exit 1, each named', async () => {
    const c = capture();
    expect(await runCmsCommand(['verify', '--in', file('d.json', '{}'), '--sig', file('d.sig', 'x'), '--trust', file('root.pem', 'not a cert')], c.io)).toBe(1);
    expectOneLine([c.o.err], /root\.pem: not an X\.509 certificate/);
    mkdirSync(`${tmp}/pki`, { recursive: true });
    file('pki/pki.json', '{"trustBundle": ');
    const d = capture();
    expect(await runCmsCommand(['verify', '--in', `${tmp}/d.json`, '--sig', `${tmp}/d.sig`, '--pki-dir', `${tmp}/pki`], d.io)).toBe(1);
    expectOneLine([d.o.err], /pki\.json: not valid JSON: it ends too early$/);
  });
});

describe('verify-evidence with files that cannot be used', () => {
  it.each([
    ['a packet that is not DER', { 'p.p7s': 'hello', 'root.pem': () => pki.root.certPem }, ['p.p7s', '--trust', 'root.pem'], /^HUB_ERR_EVIDENCE_INVALID: .*\(malformed\)$/],
    ['a trust file that is a key', { 'p.p7s': 'hello', 'root.pem': () => pki.judge.keyPem }, ['p.p7s', '--trust', 'root.pem'], /^error: root\.pem: not an X\.509 certificate/],
    ['a pki.json that is not a PKI summary', { 'p.p7s': 'hello', 'd/pki.json': '{"people": []}' }, ['p.p7s', '--pki', 'd'], /^error: d\/pki\.json: not a PKI summary written by `court-hub pki init`$/],
    ['no packet file', {}, ['p.p7s', '--pki', 'd'], /^error: p\.p7s: no such file$/],
  ])('%s. Result: exit 1, one line', async (_, files, argv, message) => {
    const m = memIo(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'function' ? v() : v])));
    expect(await run('verify-evidence', argv, m.io)).toBe(1);
    expectOneLine(m.err, message);
  });
});

describe('A hub that answers what the CLI cannot use', () => {
  let server: http.Server;
  let base: string;
  let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => { seen.push(`${req.method} ${req.url}`); req.resume(); req.on('end', () => answer(req, res)); });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  const reply = (status: number, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => {
    answer = (_req, res) => { res.writeHead(status, headers); res.end(body); };
  };
  const lookup = (m: ReturnType<typeof memIo>, ...extra: string[]) => run('lookup', ['--order', 'o.json', '--sig', 'o.sig', '--url', base, ...extra], m.io);
  const files = () => ({ 'o.json': order(), 'o.sig': 'MIIB' });

  it.each([
    ['200 {}', 200, '{}', /^error: the hub at http:\/\/127\.0\.0\.1:\d+\/api\/v1\/lookups answered without a valid "orderId"$/],
    ['200 with an orderId that is a path', 200, JSON.stringify({ orderId: '../../../tmp/owned', evidence: 'MAA=', outcomes: [] }), /answered without a valid "orderId"$/],
    ['200 without the evidence', 200, JSON.stringify({ orderId: randomUUID(), outcomes: [] }), /answered without a valid "evidence"$/],
    ['200 with a JSON array', 200, '[]', /answered HTTP 200 without a JSON object$/],
    ['200 with an HTML page', 200, '<html>login</html>', /answered HTTP 200 with something that is not JSON$/],
    ['502 {}', 502, '{}', /answered HTTP 502 without an error code$/],
    ['500 with a stack trace', 500, 'TypeError: x is undefined\n    at y (z.js:1:2)', /answered HTTP 500 with something that is not JSON$/],
    ['403 with a known code and a message with terminal escapes and new lines', 403, JSON.stringify({ error: { code: 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE', message: 'Refused\u001b[2J\u001b[31m\nFAKE: all good\r' } }), /^HUB_ERR_AUTHZ_NOT_CASE_JUDGE: Refused \[2J \[31m FAKE: all good$/],
    ['400 with a code this CLI does not know', 400, JSON.stringify({ error: { code: 'HUB_ERR_FUTURE_THING', message: 'Something new' } }), /^error: HUB_ERR_FUTURE_THING: Something new$/],
    ['a redirect to another host', 307, '', /^error: the hub is not reachable at .* \(or it answered with a redirect, which is not followed\)$/],
  ])('The hub answers %s. Result: lookup exits 1 with one line; no evidence file written', async (_, status, body, message) => {
    reply(status, body, status === 307 ? { Location: 'http://203.0.113.1/steal' } : undefined);
    const m = memIo(files());
    expect(await lookup(m)).toBe(1);
    expectOneLine(m.err, message);
    expect([...m.fs.keys()].filter((f) => f.includes('evidence') || f.includes('owned'))).toEqual([]);
  });

  it('No hub listens at the URL. Result: exit 1, "the hub is not reachable at URL (ECONNREFUSED)"', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const m = memIo(files());
    expect(await run('lookup', ['--order', 'o.json', '--sig', 'o.sig', '--url', `http://127.0.0.1:${port}`], m.io)).toBe(1);
    expectOneLine(m.err, new RegExp(`^error: the hub is not reachable at http://127\\.0\\.0\\.1:${port}/api/v1/lookups \\(ECONNREFUSED\\)$`));
  });

  it('COURT_HUB_URL is set. Result: lookup, access-report, delegate and verify-identity all go to it; --url still wins', async () => {
    reply(400, JSON.stringify({ error: { code: 'HUB_ERR_VALIDATION_BAD_REQUEST', message: 'scripted' } }));
    seen.length = 0;
    const keys = { 'me.crt': pki.judge.certPem, 'me.key': pki.judge.keyPem };
    const env = { COURT_HUB_URL: `${base}/` };
    const m = memIo({ ...files(), ...keys }, env);
    await run('lookup', ['--order', 'o.json', '--sig', 'o.sig'], m.io);
    await run('access-report', ['--subject', '5ZK8F3R', '--cert', 'me.crt', '--key', 'me.key'], m.io);
    await run('delegate', ['--case', '2(101)-1234/2026', '--staff', 'STF0001', '--cert', 'me.crt', '--key', 'me.key'], m.io);
    await run('verify-identity', ['--case', '2(101)-1234/2026', '--subject', '5ZK8F3R', '--surname', 'M', '--given-name', 'Ə', '--birth-date', '1985-04-12', '--document', 'AA1234567', '--cert', 'me.crt', '--key', 'me.key'], m.io);
    expect(seen).toEqual(['POST /api/v1/lookups', 'POST /api/v1/access-reports', 'POST /api/v1/delegations', 'POST /api/v1/identity-verifications']);
    expect(m.err.filter((l) => !l.startsWith('warning:')).every((l) => l.startsWith('HUB_ERR_VALIDATION_BAD_REQUEST: scripted'))).toBe(true);
    const other = memIo(files(), { COURT_HUB_URL: 'http://127.0.0.1:1' });
    seen.length = 0;
    await run('lookup', ['--order', 'o.json', '--sig', 'o.sig', '--url', base], other.io);
    expect(seen).toEqual(['POST /api/v1/lookups']);
  });

  it('The README configuration table documents COURT_HUB_URL', () => {
    expect(readFileSync(join(__dirname, '../../../README.md'), 'utf8')).toMatch(/^\| `COURT_HUB_URL` \| .*court-hub.* CLI/m);
  });

  it('COURT_HUB_URL is not an http URL. Result: exit 2 naming COURT_HUB_URL; nothing sent', async () => {
    seen.length = 0;
    const m = memIo(files(), { COURT_HUB_URL: 'file:///etc/passwd' });
    expect(await run('lookup', ['--order', 'o.json', '--sig', 'o.sig'], m.io)).toBe(2);
    expect(m.err.join()).toMatch(/^COURT_HUB_URL "file:\/\/\/etc\/passwd" is not an http:\/\/ or https:\/\/ URL/);
    expect(seen).toEqual([]);
  });
});
