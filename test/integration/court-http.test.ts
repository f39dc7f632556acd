/**
 * The court over HTTP and through the CLI command functions: a judge creates, signs and sends
 * an order and verifies the evidence offline; bad input of any kind is a 4xx HubError answer
 * with a readable message — never a 500, never a stack trace.
 */
import { randomUUID } from 'node:crypto';
import { runAccessReportCli, runLookupCli, runOrder, runVerifyEvidence, type CliIo } from '../../bus/api';
import { freePort } from '../support/ports';
import { CASE_A, PARTY, startCourt, signed, window, type Court } from './court-harness';

let court: Court;
let url: string;
beforeAll(async () => {
  const port = await freePort();
  court = await startCourt({ httpPort: port });
  url = `http://127.0.0.1:${port}`;
}, 60_000);
afterAll(async () => { await court?.stop(); });

/** An in-memory file system and captured output. */
function memIo(files: Record<string, Buffer | string> = {}) {
  const fs = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t), err: (t) => err.push(t),
    readFile: async (p) => { const b = fs.get(p); if (!b) throw Object.assign(new Error('nope'), { code: 'ENOENT', path: p }); return b; },
    writeFile: async (p, d) => { fs.set(p, Buffer.from(d)); },
    fetch: (...a) => fetch(...a),
    now: () => new Date(),
  };
  return { io, fs, out, err };
}

describe('CLI walk-through', () => {
  it('order create → order sign → lookup → verify-evidence. Result: exit codes 0, "OK" for the packet and each registry signature', async () => {
    const m = memIo({ 'judge.crt': court.s.judge.certPem, 'judge.key': court.s.judge.keyPem, 'root.pem': court.pki.root.certPem,
      'ca.pem': court.pki.qualifiedCa.certPem + court.pki.agencyCa.certPem, 'root.crl': court.pki.crls.root, 'q.crl': court.pki.crls.qualified, 'a.crl': court.pki.crls.agency,
      'agency.pem': court.pki.agency.certPem });
    expect(await runOrder(['create', '--case', CASE_A, '--subject', PARTY, '--categories', '11.2.22,11.2.3'], m.io)).toBe(0);
    m.fs.set('order.json', Buffer.from(m.out.pop()!));
    expect(await runOrder(['sign', '--in', 'order.json', '--cert', 'judge.crt', '--key', 'judge.key', '--out', 'order.sig'], m.io)).toBe(0);
    expect(await runLookupCli(['--order', 'order.json', '--sig', 'order.sig', '--url', url, '--out', 'packet.p7s'], m.io)).toBe(0);
    const result = JSON.parse(m.out.pop()!);
    expect(result.outcomes.map((o: { status: string }) => o.status)).toEqual(['ok', 'ok']);
    expect(m.fs.get('packet.p7s')![0]).toBe(0x30);
    const trust = ['--trust', 'root.pem', '--intermediates', 'ca.pem', '--crl', 'root.crl', '--crl', 'q.crl', '--crl', 'a.crl'];
    const code = await runVerifyEvidence(['packet.p7s', ...trust, '--provider-cert', 'population=agency.pem', '--provider-cert', 'phone=agency.pem'], m.io);
    expect(m.err).toEqual(expect.not.arrayContaining([expect.stringMatching(/HUB_ERR/)]));
    expect(code).toBe(0);
    const report = m.out.pop()!;
    expect(report).toMatch(/^OK: evidence packet signed by .*court-hub/);
    expect(report).toMatch(/11\.2\.22 +registry signature OK \(SOAP, population/);
    expect(report).toMatch(/11\.2\.3 +registry signature OK \(REST, phone/);
    // Without a pinned certificate for a provider the registry signature cannot be checked: refused, not skipped.
    expect(await runVerifyEvidence(['packet.p7s', ...trust, '--provider-cert', 'population=agency.pem'], m.io)).toBe(1);
    expect(m.err.pop()).toMatch(/HUB_ERR_EVIDENCE_PROVIDER_INVALID.*no certificate is pinned for provider phone/);
  });

  it('The judge re-sends the same order files after the order ran (an answer lost in a fault). Result: told it was executed; with --cert/--key the same evidence packet is fetched and saved', async () => {
    const m = memIo({ 'judge.crt': court.s.judge.certPem, 'judge.key': court.s.judge.keyPem });
    expect(await runOrder(['create', '--case', CASE_A, '--subject', PARTY, '--categories', '11.2.22'], m.io)).toBe(0);
    m.fs.set('order.json', Buffer.from(m.out.pop()!));
    expect(await runOrder(['sign', '--in', 'order.json', '--cert', 'judge.crt', '--key', 'judge.key', '--out', 'order.sig'], m.io)).toBe(0);
    expect(await runLookupCli(['--order', 'order.json', '--sig', 'order.sig', '--url', url, '--out', 'first.p7s'], m.io)).toBe(0);
    expect(await runLookupCli(['--order', 'order.json', '--sig', 'order.sig', '--url', url, '--out', 'again.p7s'], m.io)).toBe(1);
    expect(m.err.pop()).toMatch(/already executed.*--cert and --key/);
    expect(await runLookupCli(['--order', 'order.json', '--sig', 'order.sig', '--url', url, '--out', 'again.p7s', '--cert', 'judge.crt', '--key', 'judge.key'], m.io)).toBe(0);
    expect(m.fs.get('again.p7s')!.equals(m.fs.get('first.p7s')!)).toBe(true);
  });

  it('A packet with one byte changed. Result: verify-evidence exits 1 with HUB_ERR_EVIDENCE_INVALID', async () => {
    const body = await signed(court.s.judge.signer, 'order', { orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', ...window() });
    const r = await court.call('court.lookup', body);
    const der = Buffer.from(r.evidence, 'base64');
    der[der.indexOf(Buffer.from('population')) + 1] ^= 1;
    const m = memIo({ 'p.p7s': der, 'root.pem': court.pki.root.certPem, 'ca.pem': court.pki.agencyCa.certPem, 'root.crl': court.pki.crls.root, 'a.crl': court.pki.crls.agency });
    expect(await runVerifyEvidence(['p.p7s', '--trust', 'root.pem', '--intermediates', 'ca.pem', '--crl', 'root.crl', '--crl', 'a.crl'], m.io)).toBe(1);
    expect(m.err.join()).toMatch(/HUB_ERR_EVIDENCE_INVALID/);
  });

  it('The party asks for their access report from the CLI. Result: exit 0 and the lookups above listed', async () => {
    const m = memIo({ 'me.crt': court.s.citizen.certPem, 'me.key': court.s.citizen.keyPem });
    expect(await runAccessReportCli(['--subject', PARTY, '--cert', 'me.crt', '--key', 'me.key', '--url', url], m.io)).toBe(0);
    expect(JSON.parse(m.out.pop()!).accesses.length).toBeGreaterThan(0);
  });

  it('A judge signs with another judge\'s key file. Result: order sign exits 1 naming the key file; no signature is written', async () => {
    const m = memIo({ 'o.json': JSON.stringify({ orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', ...window() }),
      'judge.crt': court.s.judge.certPem, 'other.key': court.s.otherJudge.keyPem });
    expect(await runOrder(['sign', '--in', 'o.json', '--cert', 'judge.crt', '--key', 'other.key', '--out', 'o.sig'], m.io)).toBe(1);
    expect(m.err).toEqual([expect.stringMatching(/^error: other\.key: this private key does not belong to the certificate in judge\.crt/)]);
    expect(m.fs.has('o.sig')).toBe(false);
  });

  it('A signature made with another judge\'s key reaches the hub anyway. Result: lookup exits 1 with HUB_ERR_AUTHZ_SIGNATURE_INVALID', async () => {
    const order = { orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', ...window() };
    const forged = await signed({ certPem: court.s.judge.certPem, key: court.s.otherJudge.key }, 'order', order);
    const m = memIo({ 'o.json': JSON.stringify(order), 'o.sig': String(forged.signature) });
    expect(await runLookupCli(['--order', 'o.json', '--sig', 'o.sig', '--url', url], m.io)).toBe(1);
    expect(m.err.join()).toMatch(/HUB_ERR_AUTHZ_SIGNATURE_INVALID/);
  });

  it('Missing arguments. Result: exit 2 and the usage line', async () => {
    const m = memIo();
    expect(await runOrder(['create', '--case', CASE_A], m.io)).toBe(2);
    expect(m.err.join()).toMatch(/--subject is required/);
  });
});

describe('bad HTTP input', () => {
  const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(`${url}${path}`, { method: 'POST', headers, body });

  it.each([
    ['not JSON', '{"order": ', 'HUB_ERR_VALIDATION_BAD_JSON', 400],
    ['a JSON array', '[1,2]', 'HUB_ERR_VALIDATION_BAD_REQUEST', 400],
    ['an empty object', '{}', 'HUB_ERR_VALIDATION_BAD_REQUEST', 400],
    ['a signature that is not base64', '{"order":{},"signature":"%%%"}', 'HUB_ERR_VALIDATION_BAD_REQUEST', 400],
    ['a signature that is base64 garbage', `{"order":{"orderId":"${randomUUID()}"},"signature":"${Buffer.alloc(64, 0x30).toString('base64')}"}`, 'HUB_ERR_VALIDATION_BAD_REQUEST', 400],
    ['a body over the size limit', JSON.stringify({ order: { purpose: 'x'.repeat(70_000) }, signature: 'MAMCAQE=' }), 'HUB_ERR_VALIDATION_TOO_LARGE', 413],
  ].map(([name, body, code, status]) => [name as string, code as string, status as number, body as string] as const))('POST /api/v1/lookups with %s. Result: %s (HTTP %s)', async (_, code, status, body) => {
    const res = await post('/api/v1/lookups', body);
    const text = await res.text();
    expect(res.status).toBe(status);
    expect(JSON.parse(text).error.code).toBe(code);
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
  });

  it.each(['/api/v1/delegations', '/api/v1/identity-verifications', '/api/v1/access-reports', '/api/v1/cases', '/api/v1/roster'])('POST %s with an unsigned document. Result: 400 with the violations named', async (path) => {
    const res = await post(path, '{"request": {"a": 1}}');
    expect(res.status).toBe(400);
    const e = (await res.json()).error;
    expect(e.code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(e.message).toMatch(/signature is required/);
  });

  it('A well-formed order signed by a judge of another case over HTTP. Result: 403 HUB_ERR_AUTHZ_NOT_CASE_JUDGE with a readable message', async () => {
    const body = await signed(court.s.otherJudge.signer, 'order', { orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', ...window() });
    const res = await post('/api/v1/lookups', JSON.stringify(body));
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({ code: 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE', message: 'The signer is not the judge assigned to this case' });
  });

  it('GET evidence without a signed request, and with one for another order. Result: 400 both times', async () => {
    const id = randomUUID();
    const a = await fetch(`${url}/api/v1/lookups/${id}/evidence`);
    expect(a.status).toBe(400);
    expect((await a.json()).error.message).toMatch(/X-Signed-Request/);
    const signedReq = await signed(court.s.judge.signer, 'request', { orderId: randomUUID(), ...window() });
    const b = await fetch(`${url}/api/v1/lookups/${id}/evidence`, { headers: { 'X-Signed-Request': Buffer.from(JSON.stringify(signedReq)).toString('base64') } });
    expect(b.status).toBe(400);
  });

  it('GET evidence as the order\'s judge with Accept: application/pkcs7-mime. Result: the DER packet', async () => {
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', { orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', ...window() }));
    const req = await signed(court.s.judge.signer, 'request', { orderId: r.orderId, ...window() });
    const res = await fetch(`${url}/api/v1/lookups/${r.orderId}/evidence`, { headers: { Accept: 'application/pkcs7-mime', 'X-Signed-Request': Buffer.from(JSON.stringify(req)).toString('base64') } });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).toString('base64')).toBe(r.evidence);
  });

  it('A lookup over HTTP, then its evidence fetched as JSON. Result: both answers are JSON whose evidence is the same base64 packet, the rest of the lookup answer as the action returned it', async () => {
    const orderId = randomUUID();
    const order = await signed(court.s.judge.signer, 'order', { orderId, caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'x', ...window() });
    const res = await post('/api/v1/lookups', JSON.stringify(order));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const r = await res.json();
    expect(r).toMatchObject({ orderId, caseNumber: CASE_A, outcomes: [{ section: '11.2.22', status: 'ok' }] });
    expect(Buffer.from(r.evidence, 'base64').toString('base64')).toBe(r.evidence);
    const req = await signed(court.s.judge.signer, 'request', { orderId: r.orderId, ...window() });
    const again = await fetch(`${url}/api/v1/lookups/${r.orderId}/evidence`, { headers: { 'X-Signed-Request': Buffer.from(JSON.stringify(req)).toString('base64') } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ orderId: r.orderId, evidence: r.evidence });
  });
});
