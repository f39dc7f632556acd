/**
 * A hostile client against the embedded hub over real HTTP: every route of
 * contracts/hub/openapi.yaml (read from the file, so a new route is covered when it is added)
 * gets bodies it cannot read, wrong media types and codings, wrong types, deep and huge JSON,
 * unknown members, wrong methods, malformed URLs and oversized headers. Every answer must be a
 * 4xx HubError body with a requestId — never a 5xx, never a stack — and nothing may reach the
 * store that is not exactly what was signed. The hub stays up and serves a valid lookup after.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, deflateSync } from 'node:zlib';
import type { HubErrorCode } from '../../contracts/hub';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';
import { send, sendBytes, type RawAnswer } from '../support/raw-http';

const OPERATOR = '8RW7X3A';
const JUDGE = '2JD4K7M';
const STAFF = '6PR2T5Y';
const CASE = '2(101)-1234/2026';
const PARTY = '5ZK8F3R';

/** The operations of the hub's OpenAPI contract: paths at two spaces, methods at four. */
function contractOperations(): { method: string; path: string }[] {
  const lines = readFileSync(join(__dirname, '../../contracts/hub/openapi.yaml'), 'utf8').split('\n');
  const ops: { method: string; path: string }[] = [];
  let inPaths = false;
  let current: string | null = null;
  for (const line of lines) {
    if (/^paths:/.test(line)) { inPaths = true; continue; }
    if (inPaths && /^\S/.test(line)) break;
    const p = /^ {2}(\/\S+):\s*$/.exec(line);
    if (p) { current = p[1]!; continue; }
    const m = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (m && current) ops.push({ method: m[1]!.toUpperCase(), path: current });
  }
  return ops;
}

const OPERATIONS = contractOperations();
const POSTS = OPERATIONS.filter((o) => o.method === 'POST').map((o) => o.path);
/** The member that carries the signed document on each POST route (contracts/hub/openapi.yaml). */
const DOCUMENT_KEY: Record<string, string> = {
  '/api/v1/lookups': 'order', '/api/v1/delegations': 'delegation', '/api/v1/identity-verifications': 'request',
  '/api/v1/access-reports': 'request', '/api/v1/cases': 'case', '/api/v1/roster': 'roster',
  '/api/v1/decisions': 'decision', '/api/v1/decisions/{decisionId}/legal-force': 'inForce',
  '/api/v1/publication-drafts': 'draft', '/api/v1/publication-reviews': 'review', '/api/v1/publication-approvals': 'approval',
  '/api/v1/ops/publication-deadlines': 'request',
  '/api/v1/ops/outbox/dead-letter/requeue': 'request',
};
/** A signature that passes the wire-form check (base64 of a DER SEQUENCE) and verifies nothing. */
const SIG = Buffer.alloc(64, 0x30).toString('base64');

let h: EmbeddedHub;
beforeAll(async () => { h = await startEmbeddedHub(); }, 120_000);
afterAll(async () => { await h?.stop(); });

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const post = (path: string, body: Buffer | string, headers: Record<string, string> = JSON_HEADERS) => send(h.url, 'POST', path, { headers, body });

function expectRefusal(a: RawAnswer, status: number, code: HubErrorCode): void {
  expect({ status: a.status, code: a.json?.error?.code }).toEqual({ status, code });
  expect(a.headers['content-type']).toMatch(/^application\/json/);
  expect(a.json.error.requestId).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
  expect(a.json.error.category).toBe('validation');
  expect(a.text).not.toMatch(/\bat .+\.(ts|js):\d+|sqlState|constraint|_fkey|_idx\b/);
}

describe('Hostile bodies on every POST route of the contract', () => {
  it('The contract lists the routes the gateway serves. Result: nine POST routes; the evidence, enforcement-status and dead-letter GETs, the catalog, health and metrics', () => {
    expect(POSTS.sort()).toEqual(Object.keys(DOCUMENT_KEY).sort());
    for (const path of ['/api/v1/lookups/{orderId}/evidence', '/api/v1/decisions/{decisionId}/enforcement-status', '/api/v1/ops/outbox/dead-letter', '/api/v1/registry', '/health', '/metrics']) expect(OPERATIONS).toContainEqual({ method: 'GET', path });
  });

  const json = (key: string) => Buffer.from(JSON.stringify({ [key]: { a: 1 }, signature: SIG }));
  const cases: [string, (key: string) => { headers: Record<string, string>; body: Buffer }, number, HubErrorCode][] = [
    ['a body compressed with Content-Encoding: br', (k) => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'br' }, body: json(k) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['an unknown Content-Encoding (x-hostile)', (k) => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'x-hostile' }, body: json(k) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['two stacked codings (gzip, gzip)', (k) => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'gzip, gzip' }, body: gzipSync(gzipSync(json(k))) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['Content-Encoding: gzip over bytes that are not gzip', (k) => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'gzip' }, body: json(k) }), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    ['a gzip body cut short', (k) => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'gzip' }, body: gzipSync(json(k)).subarray(0, 20) }), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    ['Content-Encoding: deflate over garbage', () => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'deflate' }, body: Buffer.from('not deflate at all') }), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    ['a gzip bomb (5 MB of spaces in 5 KB)', () => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'gzip' }, body: gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20)) }), 413, 'HUB_ERR_VALIDATION_TOO_LARGE'],
    ['charset=latin1', (k) => ({ headers: { 'Content-Type': 'application/json; charset=latin1' }, body: json(k) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['charset=utf-16 with a UTF-16 body', (k) => ({ headers: { 'Content-Type': 'application/json; charset=utf-16' }, body: Buffer.from(json(k).toString(), 'utf16le') }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['charset=utf-7', (k) => ({ headers: { 'Content-Type': 'application/json; charset=utf-7' }, body: json(k) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['bytes that are not UTF-8 inside a string', (k) => ({ headers: JSON_HEADERS, body: Buffer.concat([Buffer.from(`{"${k}":{"a":"`), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from(`"},"signature":"${SIG}"}`)]) }), 400, 'HUB_ERR_VALIDATION_UNDECODABLE'],
    ['Content-Type: text/plain', (k) => ({ headers: { 'Content-Type': 'text/plain' }, body: json(k) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['no Content-Type at all', (k) => ({ headers: {}, body: json(k) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['a form (application/x-www-form-urlencoded)', (k) => ({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: Buffer.from(`${k}=1&signature=2`) }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['multipart/form-data', () => ({ headers: { 'Content-Type': 'multipart/form-data; boundary=x' }, body: Buffer.from('--x\r\n\r\n--x--') }), 415, 'HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA'],
    ['text that is not JSON', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(`{"${k}": `) }), 400, 'HUB_ERR_VALIDATION_BAD_JSON'],
    ['a JSON scalar (null)', () => ({ headers: JSON_HEADERS, body: Buffer.from('null') }), 400, 'HUB_ERR_VALIDATION_BAD_JSON'],
    ['a JSON scalar (a string)', () => ({ headers: JSON_HEADERS, body: Buffer.from('"order"') }), 400, 'HUB_ERR_VALIDATION_BAD_JSON'],
    ['a JSON scalar (a number)', () => ({ headers: JSON_HEADERS, body: Buffer.from('42') }), 400, 'HUB_ERR_VALIDATION_BAD_JSON'],
    ['a JSON array', () => ({ headers: JSON_HEADERS, body: Buffer.from('[1,2]') }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['an empty body', () => ({ headers: JSON_HEADERS, body: Buffer.alloc(0) }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['an empty object', () => ({ headers: JSON_HEADERS, body: Buffer.from('{}') }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['a gzip-compressed empty object (a coding the hub accepts)', () => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'gzip' }, body: gzipSync('{}') }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['a deflate-compressed document of the wrong type', (k) => ({ headers: { ...JSON_HEADERS, 'Content-Encoding': 'deflate' }, body: deflateSync(JSON.stringify({ [k]: 1, signature: SIG })) }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['wrong types: the document a number, the signature an object', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(JSON.stringify({ [k]: 42, signature: { a: 1 } })) }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['wrong types: the document an array, the signature null', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(JSON.stringify({ [k]: [], signature: null })) }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['wrong types inside the document (every field a boolean)', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(JSON.stringify({ [k]: Object.fromEntries(['orderId', 'caseNumber', 'subject', 'categories', 'basis', 'purpose', 'issuedAt', 'expiresAt', 'nonce', 'persons', 'case', 'staffFins', 'surname'].map((f) => [f, true])), signature: SIG })) }), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST'],
    ['a body nested 100,000 levels deep', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(`{"${k}":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) }), 413, 'HUB_ERR_VALIDATION_TOO_LARGE'],
    ['a body nested 40 levels deep', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(`{"${k}":${'{"a":'.repeat(40)}1${'}'.repeat(40)},"signature":"${SIG}"}`) }), 413, 'HUB_ERR_VALIDATION_TOO_LARGE'],
    ['250,000 array items in 750 KB', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(`{"${k}":{"persons":[${Array(250_000).fill('1').join(',')}]},"signature":"${SIG}"}`) }), 413, 'HUB_ERR_VALIDATION_TOO_LARGE'],
    ['a body over the size limit (2 MB)', (k) => ({ headers: JSON_HEADERS, body: Buffer.from(JSON.stringify({ [k]: { purpose: 'x'.repeat(2_000_000) }, signature: SIG })) }), 413, 'HUB_ERR_VALIDATION_TOO_LARGE'],
  ];

  it.each(cases.map(([name, make, status, code]) => [name, status, code, make] as const))('Client sends %s to every POST route. Result: HTTP %i %s', async (_name, status, code, make) => {
    for (const path of POSTS) {
      const { headers, body } = make(DOCUMENT_KEY[path]!);
      const a = await post(path, body, headers);
      try {
        expectRefusal(a, status, code);
      } catch (e) {
        throw new Error(`${path}: ${(e as Error).message}`);
      }
    }
  });

  it('A roster of 400 empty persons (2,400 violations). Result: 400 with the first 50 violations and the total, a body of a few KB', async () => {
    const a = await post('/api/v1/roster', JSON.stringify({ roster: { persons: Array(400).fill({}), ...h.window() }, signature: SIG }));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details.violations).toHaveLength(50);
    expect(a.json.error.details.violationCount).toBe(2400);
    expect(a.text.length).toBeLessThan(16 * 1024);
    expect(a.json.error.message).toMatch(/and 2397 more/);
  });

  it('A roster of 3,000 persons (over the 500 allowed). Result: 400 naming the length only, the items not checked one by one', async () => {
    const a = await post('/api/v1/roster', JSON.stringify({ roster: { persons: Array(3000).fill(0), ...h.window() }, signature: SIG }));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details).toEqual({ violations: ['/persons must NOT have more than 500 items'], violationCount: 1 });
  });

  it('500 unknown members with 1,000-character names holding NUL, RLO and quotes. Result: 400; names shortened to 32 characters and escaped; a body of a few KB', async () => {
    const hostile = (i: number) => `${i}"\u0000\u202e<script>${'x'.repeat(1000)}`;
    const top = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [hostile(i), 1]));
    const a = await post('/api/v1/cases', JSON.stringify({ case: { a: 1 }, signature: SIG, ...top }));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    const v: string[] = a.json.error.details.violations;
    expect(v.length).toBeLessThanOrEqual(50);
    expect(a.json.error.details.violationCount).toBe(500);
    expect(v).toContain('/ must not have the member "0\\u0022\\u0000\\u202e<script>xxxxxxxxxxxxxxxxxxxx"…');
    expect(a.text).not.toMatch(/x{40}/);
    expect(a.text.includes('\u0000') || a.text.includes('\u202e')).toBe(false);
    expect(a.text.length).toBeLessThan(16 * 1024);
  });

  it('Unknown members inside a signed document. Result: 400 naming them shortened and escaped, never their full length', async () => {
    const a = await post('/api/v1/lookups', JSON.stringify({ order: { ['k'.repeat(5000)]: 1, ['\u0000']: 2 }, signature: SIG }));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    const v: string[] = a.json.error.details.violations;
    expect(v).toContain(`/ must not have the property "${'k'.repeat(32)}"…`);
    expect(v).toContain('/ must not have the property "\\u0000"');
    expect(a.text).not.toMatch(/k{33}/);
  });
});

describe('Text that cannot be stored as signed is refused by the schemas, before anything is stored', () => {
  const party = (name: string) => ({ case: { number: CASE, courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', judgeFin: JUDGE,
    parties: [{ fin: PARTY, name, role: 'plaintiff' }, { fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı', role: 'defendant' }] }, ...h.window() });
  const partyNames = async () => (await h.sql<{ name: string }>('SELECT name FROM parties WHERE case_number = $1 ORDER BY id', [CASE])).map((r) => r.name);
  const person = (over: Record<string, unknown>) => ({ persons: [{ fin: STAFF, surname: 'Kərimov', givenName: 'Orxan', patronymic: 'Namiq oğlu', role: 'staff', courtId: 'BAKU-NASIMI', active: true, ...over }], ...h.window() });
  const staffRow = async () => (await h.sql('SELECT surname, given_name, patronymic FROM persons WHERE fin = $1', [STAFF]))[0];
  const lastAudit = async () => (await h.sql<{ type: string; outcome: string }>('SELECT type, outcome FROM audit_events ORDER BY seq DESC LIMIT 1'))[0];

  it.each([
    ['a NUL character', 'Məmmədov\u0000Əli'],
    ['an unpaired surrogate', 'Məmmədov \ud800Əli'],
    ['a C1 control character', 'Məmmədov\u0085Əli'],
  ])('An operator signs a case whose party name holds %s. Result: 400 naming /case/parties/0/name; the stored case is unchanged; the refusal is audited', async (_, name) => {
    const before = await partyNames();
    const a = await post('/api/v1/cases', JSON.stringify(await h.signAs(OPERATOR, 'case', party(name))));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details.violations).toContain('/case/parties/0/name must not contain control characters (such as NUL) or unpaired surrogates');
    expect(await partyNames()).toEqual(before);
    expect(await lastAudit()).toEqual({ type: 'case-updated', outcome: 'HUB_ERR_VALIDATION_BAD_REQUEST' });
  });

  it.each([
    ['surname', 'a NUL character', 'Kərimov\u0000'],
    ['givenName', 'an unpaired surrogate', '\udc00Orxan'],
    ['patronymic', 'an escape sequence (ESC)', 'Namiq\u001b[31m oğlu'],
  ])('An operator signs a roster whose %s holds %s. Result: 400 naming the field; the person is unchanged', async (field, _, value) => {
    const before = await staffRow();
    const a = await post('/api/v1/roster', JSON.stringify(await h.signAs(OPERATOR, 'roster', person({ [field]: value }))));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details.violations.join('\n')).toContain(`/persons/0/${field} must not contain control characters`);
    expect(await staffRow()).toEqual(before);
  });

  it('A judge signs an order whose purpose holds a NUL. Result: 400 naming /purpose; no order is stored', async () => {
    const count = async () => Number((await h.sql<{ n: string }>('SELECT count(*) AS n FROM lookup_orders'))[0]!.n);
    const before = await count();
    const order = { orderId: randomUUID(), caseNumber: CASE, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'Identify\u0000 the plaintiff', ...h.window() };
    const a = await post('/api/v1/lookups', JSON.stringify(await h.signAs(JUDGE, 'order', order)));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details.violations).toContain('/purpose must not contain control characters (such as NUL) or unpaired surrogates');
    expect(await count()).toBe(before);
  });

  it('A clerk signs an identity check whose surname holds an unpaired surrogate. Result: 400 naming /surname; no registry is asked', async () => {
    const req = { requestId: `idv-${randomUUID()}`, caseNumber: CASE, subject: { fin: PARTY }, surname: 'Məmmədov\ud83d', givenName: 'Əli', birthDate: '1985-04-12', documentNumber: 'AA1234567', ...h.window() };
    const a = await post('/api/v1/identity-verifications', JSON.stringify(await h.signAs(STAFF, 'request', req)));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details.violations).toContain('/surname must not contain control characters (such as NUL) or unpaired surrogates');
  });

  it('An operator signs the same case with ordinary Azerbaijani names, an emoji and a line of quotes. Result: 200; the stored names are exactly the signed ones', async () => {
    const name = 'Məmmədov Əli Vəli oğlu "Ağ" 👍';
    const a = await post('/api/v1/cases', JSON.stringify(await h.signAs(OPERATOR, 'case', party(name))));
    expect(a.status).toBe(200);
    expect((await partyNames())[0]).toBe(name);
  });

  it('An operator signs a case in a court the hub does not know. Result: 400 naming /case/courtId; no SQLSTATE, constraint or table name in the answer', async () => {
    const doc = party('Məmmədov Əli Vəli oğlu');
    const a = await post('/api/v1/cases', JSON.stringify(await h.signAs(OPERATOR, 'case', { ...doc, case: { ...doc.case, courtId: 'NO-SUCH-COURT' } })));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details).toEqual({ violations: ['/case/courtId must name a court the hub knows'], violationCount: 1 });
  });

  it('An operator signs a case naming the same party twice. Result: 400 naming /case/parties, no database names', async () => {
    const doc = party('Məmmədov Əli Vəli oğlu');
    const twice = { ...doc, case: { ...doc.case, parties: [doc.case.parties[0], doc.case.parties[0]] } };
    const a = await post('/api/v1/cases', JSON.stringify(await h.signAs(OPERATOR, 'case', twice)));
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.details.violations).toEqual(['/case/parties must not name the same FIN twice']);
  });
});

describe('URLs, methods and headers', () => {
  it.each([
    '/api/v1/lookups/%zz/evidence',
    '/api/v1/lookups/%E0%A4%A/evidence',
    '/api/v1/lookups/%C0%AF/evidence',
    '/api/v1/cases%ff',
    '/%',
  ])('Client asks for %s (malformed percent-encoding). Result: 400 HUB_ERR_VALIDATION_BAD_URL with a requestId', async (path) => {
    expectRefusal(await send(h.url, 'GET', path), 400, 'HUB_ERR_VALIDATION_BAD_URL');
  });

  const ROUTES: { path: string; allow: string[] }[] = [
    ...OPERATIONS.map((o) => ({ path: o.path.replace('{orderId}', randomUUID()), allow: [o.method] })),
  ];
  it.each(ROUTES.map((r) => [r.path, r.allow.join(','), r.allow] as const))('Every other method on %s. Result: 405 with Allow: %s', async (path, _, allow) => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'].filter((m) => !allow.includes(m))) {
      const a = await send(h.url, method, path, { headers: JSON_HEADERS, body: '{}' });
      try {
        expectRefusal(a, 405, 'HUB_ERR_VALIDATION_METHOD_NOT_ALLOWED');
        expect(a.headers.allow).toBe(allow.join(', '));
      } catch (e) {
        throw new Error(`${method} ${path}: ${(e as Error).message}`);
      }
    }
    const head = await send(h.url, 'HEAD', path);
    if (!allow.includes('GET')) expect({ status: head.status, allow: head.headers.allow }).toEqual({ status: 405, allow: allow.join(', ') });
  });

  it('A path no route has. Result: 404 HUB_ERR_VALIDATION_NOT_FOUND with a requestId', async () => {
    const a = await send(h.url, 'GET', '/api/v1/nothing-here');
    expect(a.status).toBe(404);
    expect(a.json.error).toMatchObject({ code: 'HUB_ERR_VALIDATION_NOT_FOUND', requestId: expect.any(String) });
  });

  it('A 20 KB header, then a 20 KB URL. Result: 431 HUB_ERR_VALIDATION_HEADERS_TOO_LARGE with a HubError body', async () => {
    expectRefusal(await sendBytes(h.url, `GET /api/v1/registry HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'HUB_ERR_VALIDATION_HEADERS_TOO_LARGE');
    expectRefusal(await sendBytes(h.url, `GET /api/v1/${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 431, 'HUB_ERR_VALIDATION_HEADERS_TOO_LARGE');
  });

  it('Bytes that are not HTTP. Result: 400 HUB_ERR_VALIDATION_BAD_REQUEST with a HubError body', async () => {
    expectRefusal(await sendBytes(h.url, 'HELLO THERE\r\n\r\n'), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expectRefusal(await sendBytes(h.url, 'POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'), 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
  });

  it('A correlation id of 1,000 characters with spaces and quotes. Result: still a 400 for the bad body (not a 5xx from the audit trail); the answer carries a fresh id, not the client\'s', async () => {
    const hostile = `a "b" ${'c'.repeat(1000)}`;
    const a = await post('/api/v1/cases', '{}', { ...JSON_HEADERS, 'X-Request-ID': hostile });
    expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    expect(a.json.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-request-id']).toBe(a.json.error.requestId);
  });

  it('A short correlation id. Result: kept as the requestId of the answer', async () => {
    const a = await post('/api/v1/cases', '{}', { ...JSON_HEADERS, 'X-Request-ID': 'cms-corr-42' });
    expect(a.json.error.requestId).toBe('cms-corr-42');
  });

  it('An X-Signed-Request header holding JSON nested 5,000 levels deep, and one that is not UTF-8. Result: 400 both times', async () => {
    const id = randomUUID();
    for (const bytes of [Buffer.from('['.repeat(5000) + ']'.repeat(5000)), Buffer.from([0x7b, 0xff, 0x7d])]) {
      const a = await send(h.url, 'GET', `/api/v1/lookups/${id}/evidence`, { headers: { 'X-Signed-Request': bytes.toString('base64') } });
      expectRefusal(a, 400, 'HUB_ERR_VALIDATION_BAD_REQUEST');
    }
  });
});

describe('After all of the above', () => {
  it('A judge sends a valid signed lookup order. Result: 200 with the population register\'s answer; /health is up', async () => {
    const order = { orderId: randomUUID(), caseNumber: CASE, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'Identify the plaintiff', ...h.window() };
    const a = await post('/api/v1/lookups', JSON.stringify(await h.signAs(JUDGE, 'order', order)));
    expect(a.status).toBe(200);
    expect(a.json.outcomes).toEqual([expect.objectContaining({ section: '11.2.22', status: 'ok' })]);
    expect((await send(h.url, 'GET', '/health')).status).toBe(200);
  });
});
