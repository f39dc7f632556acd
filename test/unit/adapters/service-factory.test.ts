import nock from 'nock';
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import { HubError, type AdapterResult } from '../../../contracts/hub';
import { BreakerRegistry } from '../../../adapters/kit/breaker';
import { createAdapterService } from '../../../adapters/kit/service-factory';
import { populationAdapter } from '../../../adapters/population/population.adapter';
import { FAULT, HUB_XROAD, README_PERSON, callParams, personXml, seams, soapAnswerFor, testKeys, testProvider, type Keys } from './support/adapter-fixture';

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
const fault = (code: string) => (req: string): [number, string] => [500, soapAnswerFor(req, FAULT(code), { signer: keys.agency })];

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
  return 'resolved';
}

let n = 0;
const params = (over = {}) => callParams({ messageId: `svc-${++n}`, ...over });

beforeAll(async () => { keys = await testKeys(); nock.disableNetConnect(); });
afterEach(() => { expect(nock.pendingMocks()).toEqual([]); nock.cleanAll(); });
// Un-patch http: jest gives each test file its own module registry, and a stale nock left active breaks the next file in this worker.
afterAll(() => { nock.enableNetConnect(); nock.restore(); });

describe('Adapter service adapter.population (Moleculer)', () => {
  let ctx: Awaited<ReturnType<typeof start>>;
  afterEach(async () => { await ctx?.broker.stop(); });

  test('Core calls adapter.population.getPerson. Result: AdapterResult with data, hashes and the signed answer', async () => {
    ctx = await start();
    register(1, person);
    const r = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', params());
    expect(r).toMatchObject({ outcome: 'ok', section: '11.2.22', provider: 'population', operation: 'getPerson', messageId: `svc-${n}`, data: README_PERSON });
    expect(r.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.signedAnswer).toBeTruthy();
  });

  test('Core sends no messageId. Result: the X-Road id is derived from ctx.requestID, different for each call', async () => {
    ctx = await start();
    const sent = register(2, person);
    const { messageId: _drop, ...noId } = params();
    const a = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', noId, { requestID: 'corr-A' });
    const b = await ctx.broker.call<AdapterResult, unknown>('adapter.population.getPerson', noId, { requestID: 'corr-B' });
    expect([a.messageId, b.messageId]).toEqual(['corr-A-11.2.22', 'corr-B-11.2.22']);
    expect(sent[0]).toContain('<xrd:id wsu:Id="xrd-id">corr-A-11.2.22</xrd:id>');
  });

  test.each([
    ['a malformed FIN', 'HUB_ERR_VALIDATION_BAD_REQUEST', { subject: { fin: '5zk8f3r' } }],
    ['an extra field', 'HUB_ERR_VALIDATION_BAD_REQUEST', { extra: 1 }],
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
    expect(r.messageId).toBe(`svc-${n}.r2`);
    expect(sent[0]).toContain(`<xrd:id wsu:Id="xrd-id">svc-${n}</xrd:id>`);
  });

  test('Register rejects the request (Client.InvalidRequest) with retries on. Result: HUB_ERR_UPSTREAM_REJECTED after one request', async () => {
    ctx = await start({ attempts: 3, baseDelayMs: 1 });
    const sent = register(1, fault('Client.InvalidRequest'));
    expect(await codeOf(ctx.broker.call('adapter.population.getPerson', params()))).toBe('HUB_ERR_UPSTREAM_REJECTED');
    expect(sent).toHaveLength(1);
  });

  test('Service stops. Result: its breaker leaves the /health list', async () => {
    ctx = await start();
    expect(ctx.breakers.states()).toHaveLength(1);
    await ctx.broker.stop();
    expect(ctx.breakers.states()).toHaveLength(0);
  });
});
