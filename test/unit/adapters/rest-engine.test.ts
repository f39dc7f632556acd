import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { HubError } from '../../../contracts/hub';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { createRestEngine } from '../../../adapters/kit/rest-engine';
import { upstreamError } from '../../../adapters/kit/upstream-errors';
import type { Engine } from '../../../adapters/kit/engine-types';
import { phoneAdapter } from '../../../adapters/phone/phone.adapter';
import { HUB_XROAD, callParams, restAnswerHeaders, seams, testKeys, type Keys, type Seams } from './support/adapter-fixture';
import { verifyDetachedJws } from '../../../signing/jws';

const HOST = 'http://phone.test';
const PATH = '/v1/persons/5ZK8F3R/phone-numbers';
const NUMBERS = { fin: '5ZK8F3R', numbers: [{ msisdn: '+994501234567', operator: 'Azercell', registeredOn: '2015-07-01', status: 'active' }] };
const PROBLEM = (kind: string, status: number) => ({ type: `https://phone.gov.az/problems/${kind}`, title: kind, status });
let keys: Keys;
let s: Seams;
let n = 0;

function engine(maxAnswerBytes = 64 * 1024): Engine {
  return createRestEngine({
    descriptor: phoneAdapter, endpoint: HOST, client: HUB_XROAD, sign: s.signRest, verify: s.verifyRest,
    checkModel: createModelCheck(phoneAdapter), maxAnswerBytes, maxSockets: 4,
  });
}

function params(id: string) {
  return callParams({ section: '11.2.3', messageId: id });
}

/** One exchange; the reply is built from the X-Road-Id the hub sent. */
function reply(status: number, value: unknown, o: { signer?: 'agency' | 'rogue' | null; type?: string; id?: string; raw?: string } = {}) {
  const seen: Record<string, string>[] = [];
  const h: Record<string, string> = {};
  const keep = (name: string) => (v: string) => { h[name] = v; return true; };
  const names = ['x-road-client', 'x-road-id', 'x-road-userid', 'x-road-issue', 'x-road-signature'];
  nock(HOST, { reqheaders: Object.fromEntries(names.map((x) => [x, keep(x)])) }).get(PATH).reply(() => {
    seen.push({ ...h });
    const body = Buffer.from(o.raw ?? JSON.stringify(value));
    const signer = o.signer === undefined ? keys.agency : o.signer === null ? null : keys[o.signer];
    return [status, body, restAnswerHeaders(body, o.id ?? h['x-road-id'], signer, o.type ?? (status >= 400 ? 'application/problem+json' : 'application/json'))];
  });
  return seen;
}

async function call(e: Engine, signal = new AbortController().signal) {
  const id = `rest-engine-${++n}`;
  return e.call('getPhoneNumbers', { params: params(id), messageId: id, signal });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
  return 'resolved';
}

beforeAll(async () => { keys = await testKeys(); s = seams(keys); nock.disableNetConnect(); });
afterEach(() => { expect(nock.pendingMocks()).toEqual([]); nock.cleanAll(); });
// Un-patch http: jest gives each test file its own module registry, and a stale nock left active breaks the next file in this worker.
afterAll(() => { nock.enableNetConnect(); nock.restore(); });

describe('REST engine (telecom register, X-Road REST)', () => {
  test('Hub asks for the numbers of a person. Result: X-Road headers and a hub-signed JWS sent; signed answer verified and mapped', async () => {
    const e = engine();
    const seen = reply(200, NUMBERS);
    const r = await call(e);
    const h = seen[0];
    expect(h['x-road-client']).toBe('AZ/GOV/1400000001/court-hub');
    expect(h['x-road-id']).toBe(`rest-engine-${n}`);
    expect(h['x-road-userid']).toBe('AZ-FIN-2JD4K7M');
    expect(h['x-road-issue']).toBe('2(101)-1234/2026');
    await expect(verifyDetachedJws(Buffer.alloc(0), h['x-road-signature'], async () => keys.hub.publicKey)).resolves.toBeDefined();
    expect(r.result).toEqual({ outcome: 'ok', data: NUMBERS });
    expect(r.responseHash).toBe(createHash('sha256').update(JSON.stringify(NUMBERS)).digest('hex'));
    expect(Buffer.from(r.signedAnswer, 'base64').toString()).toBe(JSON.stringify(NUMBERS));
    e.close();
  });

  test('Register has no number for the FIN: signed 404 problem not-found. Result: outcome not-found', async () => {
    const e = engine();
    reply(404, PROBLEM('not-found', 404));
    expect((await call(e)).result).toEqual({ outcome: 'not-found' });
    e.close();
  });

  test('A 404 from a wrong route (text/plain, no problem type). Result: HUB_ERR_UPSTREAM_REJECTED, never "nothing found"', async () => {
    const e = engine();
    reply(404, null, { raw: 'Not Found', type: 'text/plain', signer: null });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_REJECTED');
    e.close();
  });

  test('An UNSIGNED 404 problem not-found. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID', async () => {
    const e = engine();
    reply(404, PROBLEM('not-found', 404), { signer: null });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    e.close();
  });

  test.each([
    [503, 'unavailable', 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    [500, 'internal-error', 'HUB_ERR_UPSTREAM_SERVER_ERROR'],
    [400, 'bad-request', 'HUB_ERR_UPSTREAM_REJECTED'],
    [401, 'invalid-signature', 'HUB_ERR_UPSTREAM_REJECTED'],
    [403, 'forbidden', 'HUB_ERR_UPSTREAM_ACCESS_DENIED'],
  ])('Register answers %i problem %s. Result: %s through the fault table', async (status, kind, code) => {
    const e = engine();
    reply(status, PROBLEM(kind, status));
    expect(await codeOf(call(e))).toBe(code);
    e.close();
  });

  test('A proxy answers its HTML error page (502 text/html). Result: HUB_ERR_UPSTREAM_UNAVAILABLE', async () => {
    const e = engine();
    reply(502, null, { raw: '<html>Bad Gateway</html>', type: 'text/html', signer: null });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    e.close();
  });

  test('Signed 200 labelled text/html. Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async () => {
    const e = engine();
    reply(200, NUMBERS, { type: 'text/html' });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Signed but malformed JSON. Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async () => {
    const e = engine();
    reply(200, null, { raw: '{"fin":"5ZK8F3R","numbers":[' });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Answer without X-Road-Signature. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID', async () => {
    const e = engine();
    reply(200, NUMBERS, { signer: null });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    e.close();
  });

  test('Answer signed by an untrusted certificate. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID', async () => {
    const e = engine();
    reply(200, NUMBERS, { signer: 'rogue' });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    e.close();
  });

  test('Signed answer echoing another X-Road-Id. Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async () => {
    const e = engine();
    reply(200, NUMBERS, { id: 'another-message' });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Signed answer breaking the model (msisdn not E.164). Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async () => {
    const e = engine();
    reply(200, { fin: '5ZK8F3R', numbers: [{ ...NUMBERS.numbers[0], msisdn: '0501234567' }] });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Answer larger than the limit. Result: HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', async () => {
    const e = engine(256);
    reply(200, { ...NUMBERS, pad: 'x'.repeat(1024) });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE');
    e.close();
  });

  test('Register does not answer before the call is aborted. Result: HUB_ERR_UPSTREAM_TIMEOUT', async () => {
    const e = engine();
    nock(HOST).get(PATH).delay(400).reply(200, NUMBERS);
    const ac = new AbortController();
    setTimeout(() => ac.abort(upstreamError('HUB_ERR_UPSTREAM_TIMEOUT', { provider: 'phone', operation: 'getPhoneNumbers' })), 30);
    expect(await codeOf(call(e, ac.signal))).toBe('HUB_ERR_UPSTREAM_TIMEOUT');
    e.close();
  });

  test('Nobody listens on the register endpoint. Result: HUB_ERR_UPSTREAM_UNAVAILABLE', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    nock.enableNetConnect('127.0.0.1');
    const e = createRestEngine({
      descriptor: phoneAdapter, endpoint: `http://127.0.0.1:${port}`, client: HUB_XROAD, sign: s.signRest, verify: s.verifyRest,
      checkModel: createModelCheck(phoneAdapter), maxAnswerBytes: 1024, maxSockets: 1,
    });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    e.close();
    nock.disableNetConnect();
  });
});
