import nock from 'nock';
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import { HubError, type AdapterResult } from '../../../contracts/hub';
import { BreakerRegistry } from '../../../adapters/kit/breaker';
import { createAdapterService } from '../../../adapters/kit/service-factory';
import { adapter as populationAdapter } from '../../../adapters/population/population.adapter';
import { FAULT, HUB_XROAD, NOT_FOUND, README_PERSON, callParams, personXml, seams, soapAnswerFor, testKeys, testProvider, type Keys } from './support/adapter-fixture';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const HOST = 'http://population.test';
const ENDPOINT = `${HOST}/population`;
let keys: Keys;

async function start(retry = { attempts: 1, baseDelayMs: 1 }) {
  const broker = new ServiceBroker({ logger: false });
  const registry = new Registry();
  const breakers = new BreakerRegistry();
  const s = seams(keys);
  broker.createService(createAdapterService(populationAdapter, {
    provider: testProvider('population', {}, retry), endpoint: ENDPOINT,
    hub: { xroad: HUB_XROAD, signSoap: s.signSoap }, verify: { soap: s.verifySoap },
    metricsRegistry: registry, breakers,
  }));
  await broker.start();
  return { broker, registry, breakers };
}

/** Counts requests that reach the register; each answer is built from the request. */
function register(times: number, answer: (req: string) => [number, string]) {
  const sent: string[] = [];
  nock(HOST).post('/population', (b) => { sent.push(String(b)); return true }).times(times)
    .reply(() => { const [status, body] = answer(sent[sent.length - 1]); return [status, body, { 'Content-Type': 'text/xml' }]; });
  return sent;
}

const person = (req: string): [number, string] => [200, soapAnswerFor(req, personXml(README_PERSON), { signer: keys.agency })];
const fault = (code: string) => (req: string): [number, string] => [500, soapAnswerFor(req, code === 'Server.NotFound' ? NOT_FOUND() : FAULT(code), { signer: keys.agency })];
const sentId = (req: string) => /<xrd:id wsu:Id="xrd-id">([^<]*)</.exec(req)?.[1];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
  return 'resolved';
}

const params = (over = {}) => callParams(over);

beforeAll(async () => { keys = await testKeys(); nock.disableNetConnect(); });
afterEach(() => { expect(nock.pendingMocks()).toEqual([]); nock.cleanAll(); });
// Un-patch http: jest gives each test file its own module registry, and a stale nock left active breaks the next file in this worker.
afterAll(() => { nock.enableNetConnect(); nock.restore(); });

describe('Adapter service adapter.population (Moleculer)', () => {
  let ctx: Awaited<ReturnType<typeof start>>;
  afterEach(async () => { await ctx?.broker.stop(); });

  test('Core calls adapter.population.getPerson. Result: AdapterResult with data, hashes, the signed answer and the X-Road id the hub made', async () => {
    ctx = await start();
    const sent = register(1, person);
    const r = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', params());
    expect(r).toMatchObject({ outcome: 'ok', section: '11.2.22', provider: 'population', operation: 'getPerson', data: README_PERSON });
    expect(r.messageId).toMatch(UUID);
    expect(sentId(sent[0])).toBe(r.messageId);
    expect(r.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.signedAnswer).toBeTruthy();
  });

  test('Two calls carry the same client request id (X-Request-ID). Result: each message gets its own random X-Road id; the request id is never sent upstream', async () => {
    ctx = await start();
    const sent = register(2, person);
    const a = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', params(), { requestID: 'corr-A' });
    const b = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', params(), { requestID: 'corr-A' });
    expect(a.messageId).toMatch(UUID);
    expect(b.messageId).toMatch(UUID);
    expect(a.messageId).not.toBe(b.messageId);
    expect(sent.join('\n')).not.toContain('corr-A');
  });

  test.each([
    ['a malformed FIN', 'HUB_ERR_VALIDATION_BAD_REQUEST', { subject: { fin: '5zk8f3r' } }],
    ['an extra field', 'HUB_ERR_VALIDATION_BAD_REQUEST', { extra: 1 }],
    ['a message id of its own choosing', 'HUB_ERR_VALIDATION_BAD_REQUEST', { messageId: 'chosen-by-the-caller' }],
    ['no deadline', 'HUB_ERR_VALIDATION_BAD_REQUEST', { deadline: undefined }],
    ['a VÖEN (population knows persons only)', 'HUB_ERR_VALIDATION_SUBJECT_KIND', { subject: { voen: '1401234561' } }],
    ['a section of another registry', 'HUB_ERR_VALIDATION_UNKNOWN_CATEGORY', { section: '11.2.3' }],
    ['a deadline already passed', 'HUB_ERR_DEADLINE_EXCEEDED', { deadline: Date.now() - 1 }],
  ])('Core sends %s. Result: %s, no request to the register', async (_what, code, over) => {
    ctx = await start();
    const p = JSON.parse(JSON.stringify(params(over)));
    expect(await codeOf(ctx.broker.call('adapter.population.getPerson', p))).toBe(code);
  });

  test('Population register is down. Result: after 5 failures the breaker opens; the next call fails fast with HUB_ERR_UPSTREAM_BREAKER_OPEN and no HTTP request is made', async () => {
    ctx = await start();
    const sent = register(5, fault('Server.Unavailable'));
    for (let i = 0; i < 5; i++) expect(await codeOf(ctx.broker.call('adapter.population.getPerson', params()))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    expect(await codeOf(ctx.broker.call('adapter.population.getPerson', params()))).toBe('HUB_ERR_UPSTREAM_BREAKER_OPEN');
    expect(sent).toHaveLength(5);
    expect(ctx.breakers.states()[0].state).toBe('open');
    expect(await ctx.broker.call('adapter.population.breakerState')).toMatchObject({ provider: 'population', state: 'open' });
    expect(await ctx.registry.metrics()).toContain('court_hub_breaker_state{provider="population"} 2');

    // Recovery: after resetTimeout (200 ms) one probe goes through and closes the breaker.
    await new Promise((r) => setTimeout(r, 260));
    register(1, person);
    await expect(ctx.broker.call('adapter.population.getPerson', params())).resolves.toMatchObject({ outcome: 'ok' });
    expect(ctx.breakers.states()[0].state).toBe('closed');
  });

  test('Ten people are not in the register. Result: ten not-found outcomes, the breaker stays closed', async () => {
    ctx = await start();
    register(10, fault('Server.NotFound'));
    for (let i = 0; i < 10; i++) await expect(ctx.broker.call('adapter.population.getPerson', params())).resolves.toMatchObject({ outcome: 'not-found' });
    expect(ctx.breakers.states()[0].state).toBe('closed');
  });

  test('Register unavailable once, then answers (retry 2 attempts). Result: ok; the retry is a new message with its own X-Road id', async () => {
    ctx = await start({ attempts: 2, baseDelayMs: 1 });
    const sent = register(1, fault('Server.Unavailable'));
    register(1, person);
    const r = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', params());
    expect(r.outcome).toBe('ok');
    expect(r.messageId).toMatch(UUID);
    expect(sentId(sent[0])).toMatch(UUID);
    expect(sentId(sent[0])).not.toBe(r.messageId);
  });

  test('Register rejects the request (Client.InvalidRequest) with retries on. Result: HUB_ERR_UPSTREAM_REJECTED after one request', async () => {
    ctx = await start({ attempts: 3, baseDelayMs: 1 });
    const sent = register(1, fault('Client.InvalidRequest'));
    expect(await codeOf(ctx.broker.call('adapter.population.getPerson', params()))).toBe('HUB_ERR_UPSTREAM_REJECTED');
    expect(sent).toHaveLength(1);
  });

  test('A registry author forgets where not-found answers name the subject. Result: HUB_ERR_CONFIG_INVALID naming the operation, no service', () => {
    const op = { ...populationAdapter.operations[0], answerSubject: { data: { fin: ['person', 'fin'] }, notFound: {} } };
    const s = seams(keys);
    let err: unknown;
    try {
      createAdapterService({ ...populationAdapter, operations: [op] }, {
        provider: testProvider('population'), endpoint: ENDPOINT, hub: { xroad: HUB_XROAD, signSoap: s.signSoap }, verify: { soap: s.verifySoap },
        metricsRegistry: new Registry(), breakers: new BreakerRegistry(),
      });
    } catch (e) { err = e; }
    expect(HubError.is(err) && err.code).toBe('HUB_ERR_CONFIG_INVALID');
    expect((err as HubError).details).toMatchObject({ missing: ['getPerson: answerSubject.notFound.fin'] });
  });

  test('Service stops. Result: its breaker leaves the /health list', async () => {
    ctx = await start();
    expect(ctx.breakers.states()).toHaveLength(1);
    await ctx.broker.stop();
    expect(ctx.breakers.states()).toHaveLength(0);
  });
});
