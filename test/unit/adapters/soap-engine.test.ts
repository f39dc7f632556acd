import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import nock from 'nock';
import { HubError } from '../../../contracts/hub';
import { signEnvelope } from '../../../signing/wss';
import { createModelCheck } from '../../../adapters/kit/model-validator';
import { createSoapEngine } from '../../../adapters/kit/soap-engine';
import { upstreamError } from '../../../adapters/kit/upstream-errors';
import type { Engine } from '../../../adapters/kit/engine-types';
import { memoryReplayGuard, replayKey, type ReplayGuard } from '../../../adapters/kit/replay-guard';
import { adapter as populationAdapter } from '../../../adapters/population/population.adapter';
import { FAULT, HUB_XROAD, NOT_FOUND, README_PERSON, callParams, personXml, seams, soapAnswerFor, testKeys, testProvider, type Keys, type Seams } from './support/adapter-fixture';

const HOST = 'http://population.test';
const ENDPOINT = `${HOST}/population`;
let keys: Keys;
let s: Seams;
let n = 0;
const nextId = () => `soap-engine-${++n}`;

function engine(endpoint = ENDPOINT, maxAnswerBytes = 64 * 1024, replay: ReplayGuard = memoryReplayGuard()): Engine {
  return createSoapEngine({
    descriptor: populationAdapter, endpoint, client: HUB_XROAD, provider: testProvider('population').xroad,
    sign: s.signSoap, verify: s.verifySoap, checkModel: createModelCheck(populationAdapter), replay, maxAnswerBytes, maxSockets: 4,
  });
}

async function call(e: Engine, id = nextId(), signal = new AbortController().signal) {
  return e.call('getPerson', { params: callParams(), messageId: id, signal });
}

/** Registers one SOAP exchange; `answer` turns the request the hub sent into the reply. */
function reply(answer: (req: string) => { status?: number; body: string; type?: string }) {
  const sent: string[] = [];
  nock(HOST).post('/population', (b) => { sent.push(typeof b === 'string' ? b : JSON.stringify(b)); return true })
    .reply(() => {
      const a = answer(sent[sent.length - 1]);
      return [a.status ?? 200, a.body, { 'Content-Type': a.type ?? 'text/xml; charset=utf-8' }];
    });
  return sent;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
  return 'resolved';
}

beforeAll(async () => { keys = await testKeys(); s = seams(keys); nock.disableNetConnect(); nock.enableNetConnect('127.0.0.1'); });
afterEach(() => { expect(nock.pendingMocks()).toEqual([]); nock.cleanAll(); });
// Un-patch http: jest gives each test file its own module registry, and a stale nock left active breaks the next file in this worker.
afterAll(() => { nock.enableNetConnect(); nock.restore(); });

describe('SOAP engine (population register, X-Road SOAP 4.0)', () => {
  test('Hub asks for a person who exists. Result: a signed envelope with every X-Road field, answer verified and mapped, hashes of the exact bytes', async () => {
    const e = engine();
    let answerXml = '';
    const sent = reply((req) => ({ body: (answerXml = soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency })) }));
    const r = await call(e, 'msg-ok-1');
    const req = sent[0];
    for (const field of [
      '<xrd:client id:objectType="SUBSYSTEM" wsu:Id="xrd-client"><id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>1400000001</id:memberCode><id:subsystemCode>court-hub</id:subsystemCode></xrd:client>',
      '<id:memberCode>1700000022</id:memberCode><id:subsystemCode>population</id:subsystemCode><id:serviceCode>getPerson</id:serviceCode><id:serviceVersion>v1</id:serviceVersion>',
      '<xrd:id wsu:Id="xrd-id">msg-ok-1</xrd:id>',
      '<xrd:userId wsu:Id="xrd-userId">AZ-FIN-2JD4K7M</xrd:userId>',
      '<xrd:issue wsu:Id="xrd-issue">2(101)-1234/2026</xrd:issue>',
      '<xrd:protocolVersion wsu:Id="xrd-protocolVersion">4.0</xrd:protocolVersion>',
      '<SOAP-ENV:Body wsu:Id="body"><pop:getPerson xmlns:pop="http://population.gov.az/xroad/v1"><pop:fin>5ZK8F3R</pop:fin></pop:getPerson></SOAP-ENV:Body>',
      '<ds:Reference URI="#body">', '<ds:Reference URI="#xrd-issue">', '<wsse:BinarySecurityToken',
    ]) expect(req).toContain(field);
    expect(r.result).toEqual({ outcome: 'ok', data: README_PERSON });
    expect(r.requestHash).toBe(createHash('sha256').update(req, 'utf8').digest('hex'));
    expect(r.responseHash).toBe(createHash('sha256').update(answerXml, 'utf8').digest('hex'));
    expect(Buffer.from(r.signedAnswer, 'base64').toString('utf8')).toBe(answerXml);
    e.close();
  });

  test('Case number with XML markup. Result: escaped in xrd:issue, the envelope stays well-formed', async () => {
    const e = engine();
    const sent = reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }) }));
    const id = nextId();
    await e.call('getPerson', { params: callParams({ caseNumber: '2<b>&"x"' }), messageId: id, signal: new AbortController().signal });
    expect(sent[0]).toContain('<xrd:issue wsu:Id="xrd-issue">2&lt;b&gt;&amp;&quot;x&quot;</xrd:issue>');
    e.close();
  });

  test('Person is not in the register: signed fault Server.NotFound naming the FIN asked. Result: outcome not-found, not an error', async () => {
    const e = engine();
    reply((req) => ({ status: 500, body: soapAnswerFor(req, NOT_FOUND('5ZK8F3R'), { signer: keys.agency }) }));
    expect((await call(e)).result).toEqual({ outcome: 'not-found' });
    e.close();
  });

  test('An UNSIGNED Server.NotFound fault. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID, never a false "nothing found"', async () => {
    const e = engine();
    reply((req) => ({ status: 500, body: soapAnswerFor(req, NOT_FOUND('5ZK8F3R'), { signer: null }) }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    e.close();
  });

  test.each([
    ['Server.Unavailable', 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['Server.InternalError', 'HUB_ERR_UPSTREAM_SERVER_ERROR'],
    ['Client.InvalidRequest', 'HUB_ERR_UPSTREAM_REJECTED'],
    ['Server.ServerProxy.AccessDenied', 'HUB_ERR_UPSTREAM_ACCESS_DENIED'],
    ['Weird.Code', 'HUB_ERR_UPSTREAM_FAULT'],
  ])('Register answers the signed fault %s. Result: %s through the fault table', async (fault, code) => {
    const e = engine();
    reply((req) => ({ status: 500, body: soapAnswerFor(req, FAULT(fault), { signer: keys.agency }) }));
    expect(await codeOf(call(e))).toBe(code);
    e.close();
  });

  test('Security server answers an unsigned Server.Unavailable fault. Result: HUB_ERR_UPSTREAM_UNAVAILABLE (an error keeps its meaning)', async () => {
    const e = engine();
    reply((req) => ({ status: 500, body: soapAnswerFor(req, FAULT('Server.Unavailable'), { signer: null }) }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    e.close();
  });

  test('A proxy answers its HTML error page (502 text/html). Result: HUB_ERR_UPSTREAM_UNAVAILABLE', async () => {
    const e = engine();
    reply(() => ({ status: 502, body: '<html><body>Bad Gateway</body></html>', type: 'text/html' }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    e.close();
  });

  test('A valid signed answer labelled text/html with 200. Result: HUB_ERR_UPSTREAM_BAD_ANSWER (content type)', async () => {
    const e = engine();
    reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }), type: 'text/html' }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Malformed XML with 200 text/xml. Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async () => {
    const e = engine();
    reply(() => ({ body: '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><broken' }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Answer with a DOCTYPE (entity expansion attempt). Result: HUB_ERR_UPSTREAM_BAD_ANSWER, nothing expanded', async () => {
    const e = engine();
    reply(() => ({ body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>' }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Answer signed by a certificate the hub does not trust. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID, no data', async () => {
    const e = engine();
    reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.rogue }) }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    e.close();
  });

  test('Signed answer altered after signing (surname changed). Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID', async () => {
    const e = engine();
    reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }).replace('Məmmədov', 'Əliyev') }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    e.close();
  });

  test('Signed answer to ANOTHER message (echoed xrd:id differs). Result: HUB_ERR_UPSTREAM_NOT_BOUND', async () => {
    const e = engine();
    reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency, id: 'someone-elses-id' }) }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
    e.close();
  });

  test('Signed answer whose person breaks the model (gender "X"). Result: HUB_ERR_UPSTREAM_BAD_ANSWER', async () => {
    const e = engine();
    reply((req) => ({ body: soapAnswerFor(req, personXml({ ...README_PERSON, gender: 'X' as 'M' }), { signer: keys.agency }) }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_BAD_ANSWER');
    e.close();
  });

  test('Answer declares a Content-Length over the limit. Result: HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', async () => {
    const e = engine(ENDPOINT, 1024);
    reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }) + ' '.repeat(2048) }));
    expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE');
    e.close();
  });

  test('Signed answer sent gzip-coded (Content-Encoding: gzip). Result: decoded, verified over the decoded bytes, mapped', async () => {
    const e = engine();
    let answerXml = '';
    let sent = '';
    nock(HOST).post('/population', (b) => { sent = typeof b === 'string' ? b : JSON.stringify(b); return true }).reply(() => {
      answerXml = soapAnswerFor(sent, personXml(README_PERSON), { signer: keys.agency });
      return [200, zlib.gzipSync(Buffer.from(answerXml)), { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Encoding': 'gzip' }];
    });
    const r = await call(e);
    expect(r.result.outcome).toBe('ok');
    expect(r.responseHash).toBe(createHash('sha256').update(answerXml).digest('hex'));
    e.close();
  });

  test('Register does not answer before the call is aborted (breaker timeout). Result: HUB_ERR_UPSTREAM_TIMEOUT', async () => {
    const e = engine();
    nock(HOST).post('/population').delay(400).reply(200, '<x/>', { 'Content-Type': 'text/xml' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(upstreamError('HUB_ERR_UPSTREAM_TIMEOUT', { provider: 'population', operation: 'getPerson' })), 30);
    expect(await codeOf(call(e, nextId(), ac.signal))).toBe('HUB_ERR_UPSTREAM_TIMEOUT');
    e.close();
  });

  describe('answers bound to their request and subject (X-Road 4.0 §2.4.3 requestHash)', () => {
    test.each([
      ['without xrd:requestHash (a profile v1 answer)', null, undefined],
      ['with the digest of another request', createHash('sha256').update('another request').digest('base64'), undefined],
      ['with a digest under an algorithm outside the allowlist (SHA-1)', createHash('sha1').update('x').digest('base64'), 'http://www.w3.org/2000/09/xmldsig#sha1'],
      ['with the right digest in SHA-512 (profile v2 fixes SHA-256)', undefined, 'http://www.w3.org/2001/04/xmlenc#sha512'],
    ])('Signed, fresh answer echoing the current id, %s. Result: HUB_ERR_UPSTREAM_NOT_BOUND, no data', async (_what, requestHash, algorithmId) => {
      const e = engine();
      reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency, requestHash, algorithmId }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
      e.close();
    });

    test('Correctly signed, fresh answer bound to this request, about ANOTHER person (1AB2C3D). Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never data', async () => {
      const e = engine();
      reply((req) => ({ body: soapAnswerFor(req, personXml({ ...README_PERSON, fin: '1AB2C3D' }), { signer: keys.agency }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
      e.close();
    });

    test('Correctly signed, fresh Server.NotFound bound to this request, naming ANOTHER person. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never not-found', async () => {
      const e = engine();
      reply((req) => ({ status: 500, body: soapAnswerFor(req, NOT_FOUND('1AB2C3D'), { signer: keys.agency }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
      e.close();
    });

    test('Signed Server.NotFound naming no subject (no detail). Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never not-found', async () => {
      const e = engine();
      reply((req) => ({ status: 500, body: soapAnswerFor(req, FAULT('Server.NotFound'), { signer: keys.agency }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
      e.close();
    });

    test('The answer\'s message id was already accepted once (replay cache). Result: HUB_ERR_UPSTREAM_REPLAYED, no data', async () => {
      const replay = memoryReplayGuard();
      const e = engine(ENDPOINT, 64 * 1024, replay);
      const id = nextId();
      await replay.firstUse(replayKey('population', id), 60_000);
      reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }) }));
      expect(await codeOf(call(e, id))).toBe('HUB_ERR_UPSTREAM_REPLAYED');
      e.close();
    });

    test('Answers signed by a stranger or for another message id never use up this message\'s id: the replay cache is not touched', async () => {
      const inner = memoryReplayGuard();
      const firstUse = jest.fn(inner.firstUse);
      const e = engine(ENDPOINT, 64 * 1024, { ...inner, firstUse });
      reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency, id: 'someone-elses-id' }) }));
      reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.rogue }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
      expect(firstUse).not.toHaveBeenCalled();
      e.close();
    });

    test('The shared replay cache cannot be reached. Result: HUB_ERR_REPLAY_CACHE_UNAVAILABLE, the answer is not accepted (fail closed)', async () => {
      const e = engine(ENDPOINT, 64 * 1024, { ...memoryReplayGuard(), firstUse: async () => { throw new Error('NATS down'); } });
      reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_REPLAY_CACHE_UNAVAILABLE');
      e.close();
    });

    test('The replay cache of this process is full of live ids. Result: HUB_ERR_REPLAY_CACHE_UNAVAILABLE (try later), not a replay', async () => {
      const replay = memoryReplayGuard(1);
      await replay.firstUse(replayKey('population', 'an-earlier-answer'), 60_000);
      const e = engine(ENDPOINT, 64 * 1024, replay);
      reply((req) => ({ body: soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency }) }));
      expect(await codeOf(call(e))).toBe('HUB_ERR_REPLAY_CACHE_UNAVAILABLE');
      e.close();
    });

    test('Signed answer whose Timestamp is 10 minutes old. Result: HUB_ERR_UPSTREAM_STALE', async () => {
      const e = engine();
      reply((req) => {
        const xml = soapAnswerFor(req, personXml(README_PERSON), { signer: null });
        const refIds = [...xml.matchAll(/wsu:Id="([^"]+)"/g)].map((m) => m[1]);
        return { body: signEnvelope(xml, keys.agency, { refIds, now: new Date(Date.now() - 600_000) }) };
      });
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_STALE');
      e.close();
    });
  });

  describe('over a real socket', () => {
    let server: http.Server;
    let url: string;
    let mode: 'truncated' | 'endless' | 'endless-gzip' = 'truncated';
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        req.resume();
        if (mode === 'truncated') {
          res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': '4000' });
          res.write('<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">');
          setTimeout(() => res.socket?.destroy(), 10);
        } else if (mode === 'endless-gzip') {
          // A few hundred bytes a second on the wire, megabytes once decoded.
          res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' });
          const gz = zlib.createGzip();
          gz.pipe(res);
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = () => { if (!res.destroyed && gz.write(chunk)) setImmediate(pump); else if (!res.destroyed) gz.once('drain', pump); };
          res.on('close', () => gz.destroy());
          pump();
        } else {
          res.writeHead(200, { 'Content-Type': 'text/xml' }); // chunked, no Content-Length
          const chunk = Buffer.alloc(16 * 1024, 0x20);
          const pump = () => { if (!res.destroyed && res.write(chunk)) setImmediate(pump); else if (!res.destroyed) res.once('drain', pump); };
          res.on('close', () => undefined);
          pump();
        }
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/population`;
    });
    afterAll(async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); });

    test('Connection closes after half the announced body. Result: HUB_ERR_UPSTREAM_UNAVAILABLE (truncated), never a parse of half an answer', async () => {
      mode = 'truncated';
      const e = engine(url);
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
      e.close();
    });

    test('Endless chunked body without Content-Length. Result: reading stops at the limit with HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', async () => {
      mode = 'endless';
      const e = engine(url, 100 * 1024);
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE');
      e.close();
    });

    test('Endless gzip stream of spaces (a compression bomb). Result: decoding stops at the limit with HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE', async () => {
      mode = 'endless-gzip';
      const e = engine(url, 100 * 1024);
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE');
      e.close();
    });

    test('Nobody listens on the endpoint. Result: HUB_ERR_UPSTREAM_UNAVAILABLE', async () => {
      const closed = http.createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((r) => closed.close(r));
      const e = engine(`http://127.0.0.1:${port}/population`);
      expect(await codeOf(call(e))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
      e.close();
    });
  });
});
