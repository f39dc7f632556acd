import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import nock from 'nock';
import { HubError } from '../../../contracts/hub';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { createRestEngine } from '../../../adapters/kit/rest-engine';
import { upstreamError } from '../../../adapters/kit/upstream-errors';
import type { Engine } from '../../../adapters/kit/engine-types';
import { memoryReplayGuard, replayKey, type ReplayGuard } from '../../../adapters/kit/replay-guard';
import { adapter as phoneAdapter } from '../../../adapters/phone/phone.adapter';
import { restRequestHash } from '../../../contracts/registries/xroad-profile';
import { HUB_XROAD, callParams, restAnswerHeaders, seams, testKeys, type Keys, type Seams } from './support/adapter-fixture';
import { verifyDetachedJws } from '../../../signing/jws';

const HOST = 'http://phone.test';
const PATH = '/v1/persons/5ZK8F3R/phone-numbers';
const NUMBERS = { fin: '5ZK8F3R', numbers: [{ msisdn: '+994501234567', operator: 'Azercell', registeredOn: '2015-07-01', status: 'active' }] };
const PROBLEM = (kind: string, status: number) => ({ type: `https://phone.gov.az/problems/${kind}`, title: kind, status });
/** Profile v2 not-found: names the subject and the X-Road-Id it answers. */
const NOT_FOUND = (id: string, fin = '5ZK8F3R') => ({ ...PROBLEM('not-found', 404), subject: { fin }, xRoadId: id });
let keys: Keys;
let s: Seams;
let n = 0;

function engine(maxAnswerBytes = 64 * 1024, replay: ReplayGuard = memoryReplayGuard(), now?: () => number): Engine {
  return createRestEngine({
    descriptor: phoneAdapter, endpoint: HOST, client: HUB_XROAD, sign: s.signRest, verify: s.verifyRest,
    checkModel: createModelCheck(phoneAdapter), replay, maxAnswerBytes, maxSockets: 4, now,
  });
}

function params() {
  return callParams({ section: '11.2.3' });
}

interface ReplyOptions {
  signer?: 'agency' | 'rogue' | null;
  type?: string;
  /** The X-Road-Id HTTP header of the answer (unsigned); default: the request's. */
  id?: string;
  raw?: string;
  /** The subject the signed `sub` names (default the one asked). */
  subject?: string;
  /** Signed parameters overridden or removed (undefined). */
  params?: Record<string, unknown>;
  /** Content coding applied after signing (the JWS covers the decoded bytes, RFC 9110 §8.4). */
  encoding?: 'gzip' | 'deflate' | 'br' | 'compress';
}

/** One exchange; the reply is built from the X-Road headers and the signature the hub sent. */
function reply(status: number, value: unknown | ((id: string) => unknown), o: ReplyOptions = {}) {
  const seen: Record<string, string>[] = [];
  const h: Record<string, string> = {};
  const keep = (name: string) => (v: string) => { h[name] = v; return true; };
  const names = ['x-road-client', 'x-road-id', 'x-road-userid', 'x-road-issue', 'x-road-signature'];
  nock(HOST, { reqheaders: Object.fromEntries(names.map((x) => [x, keep(x)])) }).get(PATH).reply(() => {
    seen.push({ ...h });
    const body = Buffer.from(o.raw ?? JSON.stringify(typeof value === 'function' ? (value as (id: string) => unknown)(h['x-road-id']) : value));
    const signer = o.signer === undefined ? keys.agency : o.signer === null ? null : keys[o.signer];
    const headers = restAnswerHeaders(body, { id: h['x-road-id'], signature: h['x-road-signature'] }, signer, {
      contentType: o.type ?? (status >= 400 ? 'application/problem+json' : 'application/json'), subject: o.subject, params: o.params,
    });
    if (o.id !== undefined) headers['X-Road-Id'] = o.id;
    if (o.encoding) {
      headers['Content-Encoding'] = o.encoding;
      const coded = o.encoding === 'gzip' ? zlib.gzipSync(body) : o.encoding === 'deflate' ? zlib.deflateSync(body) : o.encoding === 'br' ? zlib.brotliCompressSync(body) : body;
      return [status, coded, headers];
    }
    return [status, body, headers];
  });
  return seen;
}

async function call(e: Engine, signal = new AbortController().signal, id = `rest-engine-${++n}`) {
  return e.call('getPhoneNumbers', { params: params(), messageId: id, signal });
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
  test('Hub asks for the numbers of a person. Result: X-Road headers and a hub-signed JWS binding method, target, headers and time; signed answer verified and mapped', async () => {
    const e = engine();
    const seen = reply(200, NUMBERS);
    const r = await call(e);
    const h = seen[0];
    expect(h['x-road-client']).toBe('AZ/GOV/1400000001/court-hub');
    expect(h['x-road-id']).toBe(`rest-engine-${n}`);
    expect(h['x-road-userid']).toBe('AZ-FIN-2JD4K7M');
    expect(h['x-road-issue']).toBe('2(101)-1234/2026');
    const { header } = await verifyDetachedJws(Buffer.alloc(0), h['x-road-signature'], async () => keys.hub.publicKey);
    expect(header).toMatchObject({
      htm: 'GET', htu: PATH, 'x-road-client': 'AZ/GOV/1400000001/court-hub', 'x-road-id': `rest-engine-${n}`,
      'x-road-userid': 'AZ-FIN-2JD4K7M', 'x-road-issue': '2(101)-1234/2026',
    });
    expect(Math.abs((header.iat as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(r.result).toEqual({ outcome: 'ok', data: NUMBERS });
    expect(r.requestHash).toBe(Buffer.from(restRequestHash(h['x-road-signature'], Buffer.alloc(0))!, 'base64').toString('hex'));
    expect(r.responseHash).toBe(createHash('sha256').update(JSON.stringify(NUMBERS)).digest('hex'));
    expect(Buffer.from(r.signedAnswer, 'base64').toString()).toBe(JSON.stringify(NUMBERS));
    await expect(verifyDetachedJws(Buffer.from(r.signedAnswer, 'base64'), r.answerSignature!, async () => keys.agency.publicKey)).resolves.toBeDefined();
    e.close();
  });

  test('Register has no number for the FIN: signed 404 problem not-found naming the FIN and the id. Result: outcome not-found', async () => {
    const e = engine();
    reply(404, (id: string) => NOT_FOUND(id));
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
    reply(404, (id: string) => NOT_FOUND(id), { signer: null });
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

  test('Signed answer to another message (signed x-road-id differs). Result: HUB_ERR_UPSTREAM_NOT_BOUND', async () => {
    const e = engine();
    reply(200, NUMBERS, { params: { 'x-road-id': 'another-message' } });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
    e.close();
  });

  test('Signed answer whose unsigned X-Road-Id header says another id, signed id right. Result: ok (only the signed id counts)', async () => {
    const e = engine();
    reply(200, NUMBERS, { id: 'another-message' });
    expect((await call(e)).result.outcome).toBe('ok');
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

  test.each(['gzip', 'deflate', 'br'] as const)('A signed answer sent with Content-Encoding %s. Result: decoded, its JWS verified over the decoded bytes, mapped', async (encoding) => {
    const e = engine();
    reply(200, NUMBERS, { encoding });
    const r = await call(e);
    expect(r.result).toEqual({ outcome: 'ok', data: NUMBERS });
    expect(r.responseHash).toBe(createHash('sha256').update(JSON.stringify(NUMBERS)).digest('hex'));
    e.close();
  });

  test('A gzip bomb: 300 bytes on the wire, 1 MiB decoded, limit 64 KiB. Result: HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE, decoding stopped at the limit', async () => {
    const e = engine();
    reply(200, null, { raw: JSON.stringify({ ...NUMBERS, pad: ' '.repeat(1 << 20) }), encoding: 'gzip' });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE');
    e.close();
  });

  test.each([
    ['An answer in a content coding the hub did not offer (compress)', () => { reply(200, NUMBERS, { encoding: 'compress' }); }],
    ['A body that says gzip but is not', () => { nock(HOST).get(PATH).reply(200, 'not gzip at all', { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }); }],
    ['A redirect to another host (never followed)', () => { nock(HOST).get(PATH).reply(302, '', { Location: 'http://elsewhere.test/x' }); }],
  ])('%s. Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async (_name, answer) => {
    const e = engine();
    answer();
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
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
      checkModel: createModelCheck(phoneAdapter), replay: memoryReplayGuard(), maxAnswerBytes: 1024, maxSockets: 1,
    });
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    e.close();
    nock.disableNetConnect();
  });

  describe('profile v2: answers bound to their request, subject and time', () => {
    test.each([
      ['no x-road-id', { 'x-road-id': undefined }],
      ['no x-road-request-hash (a profile v1 answer)', { 'x-road-request-hash': undefined }],
      ['the request hash of another request', { 'x-road-request-hash': createHash('sha256').update('another request').digest('base64') }],
    ])('Signed, fresh answer about the person asked with %s. Result: HUB_ERR_UPSTREAM_NOT_BOUND, no data', async (_what, params) => {
      const e = engine();
      reply(200, NUMBERS, { params });
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
      e.close();
    });

    test('Correctly signed, fresh answer bound to this request, about ANOTHER person in body and `sub`. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', async () => {
      const e = engine();
      reply(200, { ...NUMBERS, fin: '1AB2C3D' }, { subject: '1AB2C3D' });
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
      e.close();
    });

    test('Bound answer whose signed `sub` names the person asked but whose body is about ANOTHER person. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH (the kit reads the body, not the mapper)', async () => {
      const e = engine();
      reply(200, { ...NUMBERS, fin: '1AB2C3D' });
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
      e.close();
    });

    test('Bound answer about the person asked, without `sub`. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', async () => {
      const e = engine();
      reply(200, NUMBERS, { params: { sub: undefined } });
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
      e.close();
    });

    test.each([
      ['naming ANOTHER person', 'HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', (id: string) => NOT_FOUND(id, '1AB2C3D')],
      ['naming no subject (a profile v1 problem)', 'HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', (id: string) => ({ ...PROBLEM('not-found', 404), xRoadId: id })],
      ['naming another X-Road-Id in the body', 'HUB_ERR_UPSTREAM_NOT_BOUND', () => NOT_FOUND('another-message')],
    ])('Signed, bound, fresh 404 not-found %s. Result: %s, never not-found', async (_what, code, body) => {
      const e = engine();
      reply(404, body);
      expect(await codeOf(call(e))).toBe(code);
      e.close();
    });

    test.each([
      ['signed 10 minutes ago', -600],
      ['dated 5 minutes ahead', 300],
      ['without iat', undefined],
    ])('Signed, bound answer %s. Result: HUB_ERR_UPSTREAM_STALE', async (_what, offsetSec) => {
      const e = engine();
      reply(200, NUMBERS, { params: { iat: offsetSec === undefined ? undefined : Math.floor(Date.now() / 1000) + offsetSec } });
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_STALE');
      e.close();
    });

    test('Answer signed 30 s ahead of the hub clock (within the 60 s skew). Result: ok', async () => {
      const e = engine();
      reply(200, NUMBERS, { params: { iat: Math.floor(Date.now() / 1000) + 30 } });
      expect((await call(e)).result.outcome).toBe('ok');
      e.close();
    });

    test('The answer\'s message id was already accepted once (replay cache). Result: HUB_ERR_UPSTREAM_REPLAYED', async () => {
      const replay = memoryReplayGuard();
      const e = engine(64 * 1024, replay);
      await replay.firstUse(replayKey('phone', 'seen-before'), 60_000);
      reply(200, NUMBERS);
      expect(await codeOf(call(e, new AbortController().signal, 'seen-before'))).toBe('HUB_ERR_UPSTREAM_REPLAYED');
      e.close();
    });

    test('Answers that are unsigned, signed by a stranger or signed for another message id never use up this message\'s id', async () => {
      const inner = memoryReplayGuard();
      const firstUse = jest.fn(inner.firstUse);
      const e = engine(64 * 1024, { ...inner, firstUse });
      reply(200, NUMBERS, { signer: null });
      reply(200, NUMBERS, { signer: 'rogue' });
      reply(200, NUMBERS, { params: { 'x-road-id': 'x' } });
      for (let i = 0; i < 3; i++) expect(await codeOf(call(e))).not.toBe('resolved');
      expect(firstUse).not.toHaveBeenCalled();
      e.close();
    });
  });
});
