/**
 * ONE conformance suite (docs/adding-a-registry.md, after Airbyte's connector acceptance tests):
 * every operation of every adapter of the registry modules (contracts/registries/modules.ts) runs
 * the same scenarios against its real mock agency (mocks/ startMocks: real HTTP servers, signed
 * answers, fault injection), through the Moleculer service the bus would create. The subjects come
 * from each module's golden samples (or its conformance.json); a scenario that cannot apply to a
 * module is skipped in its conformance.json with a written reason.
 */
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import { HubError, type AdapterResult, type HubErrorCode } from '../../contracts/hub';
import { ADAPTERS } from '../../adapters';
import { BreakerRegistry } from '../../adapters/kit/breaker';
import { createAdapterService } from '../../adapters/kit/service-factory';
import { jwsSign, jwsVerify, wssSign, wssVerify } from '../../adapters/kit/signing-wiring';
import { conformanceSubjects, loadConformance, loadSamples } from '../../contracts/registries/samples';
import { CATEGORIES } from '../../registry/categories';
import { signDetachedJws, verifyDetachedJws } from '../../signing/jws';
import { verifyEnvelope } from '../../signing/wss';
import { startMocks, type AgencyFaults, type RequestVerifier, type RunningMocks } from '../../mocks';
import { HUB_XROAD, signSoapAnswer, testKeys, testProvider, trust, type Keys } from '../unit/adapters/support/adapter-fixture';
import type { TestSigner } from '../support/wss-fixture';

type Subject = { fin: string } | { voen: string };
const TIMEOUT_MS = 300;
const valueOf = (s: Subject): string => ('fin' in s ? s.fin : s.voen);

let keys: Keys;
let mocks: RunningMocks;

beforeAll(async () => {
  keys = await testKeys();
  // The agencies check the hub's request signature: only the hub's certificate is trusted.
  const verifySoap: RequestVerifier = async (raw) => { await verifyEnvelope(raw, { trust: trust(keys.hub) }); };
  const verifyRest: RequestVerifier = async (raw, headers) => {
    const jws = headers['x-road-signature'];
    if (typeof jws !== 'string') throw new Error('no signature');
    await verifyDetachedJws(raw, jws, trust(keys.hub));
  };
  mocks = await startMocks({
    signer: {
      soap: (xml) => signSoapAnswer(xml, keys.agency),
      rest: (body, params) => ({ 'X-Road-Signature': signDetachedJws(body, keys.agency, { header: params }) }),
    },
    verifiers: Object.fromEntries(ADAPTERS.map((d) => [d.provider, d.protocol === 'soap' ? verifySoap : verifyRest])),
  });
});
afterAll(async () => { await mocks?.stop(); });

/** Every scenario of the suite, by the name a module's conformance.json skips it with. */
const SCENARIOS = [
  'ok', 'not-found', 'upstream-fault', 'upstream-unavailable', 'timeout', 'malformed-answer', 'wrong-content-type', 'html-error-page',
  'truncated-body', 'huge-body', 'bad-signature', 'signature-wrapping', 'connection-reset', 'replay', 'replay-not-found',
  'replay-current-id', 'other-subject', 'other-subject-not-found', 'attribute-flood', 'unauthorized-caller', 'breaker',
] as const;
type Scenario = (typeof SCENARIOS)[number];

describe('conformance.json of every module', () => {
  test.each(ADAPTERS.map((d) => [d.provider] as const))('%s: every skip names a known scenario and gives a written reason', (id) => {
    for (const skip of loadConformance(id).skip ?? []) {
      expect(SCENARIOS).toContain(skip.scenario);
      expect(typeof skip.reason === 'string' && skip.reason.trim().length >= 10).toBe(true);
    }
  });
});

const OPERATIONS = ADAPTERS.flatMap((d) => d.operations.map((op) => [`${d.provider}.${op.name}`, d, op] as const));

describe.each(OPERATIONS)('Adapter %s conformance', (_name, d, op) => {
  const provider = d.provider;
  const { found: FOUND, notFound: NOT_FOUND, other: OTHER } = conformanceSubjects(provider, op.name);
  const okSample = loadSamples(provider).find((x) => x.meta.operation === op.name && JSON.stringify(x.meta.subject) === JSON.stringify(FOUND) && x.meta.outcome === 'ok');
  const skips = loadConformance(provider).skip ?? [];
  const skipped = (scenario: Scenario) => skips.some((x) => x.scenario === scenario && (x.operation === undefined || x.operation === op.name));
  const t = (scenario: Scenario) => (skipped(scenario) ? test.skip : test);
  const section = CATEGORIES.find((c) => c.provider === provider && c.operation === op.name)!.section;
  const action = `adapter.${provider}.${op.name}`;
  let broker: ServiceBroker;
  let breakers: BreakerRegistry;

  async function start(hubKey: TestSigner = keys.hub, timeoutMs = 5000) {
    broker = new ServiceBroker({ logger: false });
    breakers = new BreakerRegistry();
    broker.createService(createAdapterService(d, {
      provider: testProvider(provider), endpoint: mocks.urls[provider],
      hub: { xroad: HUB_XROAD, signSoap: wssSign(hubKey), signRest: jwsSign(hubKey) },
      verify: { soap: wssVerify({ trust: trust(keys.agency) }), rest: jwsVerify(trust(keys.agency)) },
      metricsRegistry: new Registry(), breakers,
      categories: CATEGORIES.map((c) => (c.provider === provider ? { ...c, timeoutMs } : c)),
    }));
    await broker.start();
  }

  const call = (subject: Subject = FOUND) => broker.call<AdapterResult, unknown>(action, {
    section, subject, caseNumber: '2(101)-1234/2026', userId: 'AZ-FIN-2JD4K7M', deadline: Date.now() + 5000,
  });
  async function codeOf(p: Promise<unknown>): Promise<string> {
    try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
    return 'resolved';
  }
  const faults = (f: AgencyFaults) => mocks.setFaults(provider, f);

  beforeEach(async () => { await faults({}); });
  afterEach(async () => { await broker?.stop(); await faults({}); });

  t('ok')('ok: the register knows the subject. Result: outcome ok, the canonical model of the golden sample, the id echoed, signed answer kept', async () => {
    await start();
    const r = await call();
    expect(r).toMatchObject({ outcome: 'ok', section, provider, operation: op.name });
    expect(r.messageId).toMatch(/^[0-9a-f-]{36}$/);
    if (okSample) expect(r.data).toEqual(okSample.meta.expected);
    expect(r.signedAnswer && r.responseHash && r.requestHash).toBeTruthy();
  });

  t('not-found')('not found: the register has no record. Result: outcome not-found (a result, not an error)', async () => {
    await start();
    await expect(call(NOT_FOUND)).resolves.toMatchObject({ outcome: 'not-found', provider });
  });

  const errorScenarios: [string, Scenario, AgencyFaults, HubErrorCode | Record<'soap' | 'rest', HubErrorCode>][] = [
    ['upstream fault: the register fails', 'upstream-fault', { errorRate: 1 }, 'HUB_ERR_UPSTREAM_SERVER_ERROR'],
    ['upstream unavailable', 'upstream-unavailable', { unavailableRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['timeout: the register answers after the call timeout', 'timeout', { latencyMs: TIMEOUT_MS * 4 }, 'HUB_ERR_UPSTREAM_TIMEOUT'],
    // SOAP: not well-formed XML is refused by the parser. REST: the JWS covers the exact bytes, and is
    // checked before the body is parsed, so a body broken after signing fails the signature first.
    ['malformed answer', 'malformed-answer', { malformedRate: 1 }, { soap: 'HUB_ERR_UPSTREAM_BAD_ANSWER', rest: 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID' }],
    ['wrong content type', 'wrong-content-type', { wrongContentTypeRate: 1 }, 'HUB_ERR_UPSTREAM_BAD_ANSWER'],
    ['HTML error page of a proxy', 'html-error-page', { htmlErrorRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['truncated body', 'truncated-body', { truncatedRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['huge body', 'huge-body', { hugeBodyRate: 1, hugeBodyBytes: 2 * 1024 * 1024 }, 'HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE'],
    ['bad signature: a signed value altered', 'bad-signature', { badSignatureRate: 1 }, 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID'],
    ['signature wrapping', 'signature-wrapping', { wrappedSignatureRate: 1 }, 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID'],
    ['connection reset', 'connection-reset', { resetRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
  ];
  test.each(errorScenarios.filter(([, scenario]) => !skipped(scenario)))('%s. Result: the typed error, no data', async (_what, _scenario, f, expected) => {
    // A short call timeout only where the scenario is about it: elsewhere a loaded CI machine must not time out.
    await start(keys.hub, f.latencyMs ? TIMEOUT_MS : 5000);
    await faults(f);
    const code = typeof expected === 'string' ? expected : expected[d.protocol];
    expect(await codeOf(call())).toBe(code);
  });

  // Hostile or broken registries (contracts/registries/README.md, "Binding an answer to its request"):
  // an answer counts only for the message, the subject and the time it was given for.
  describe('answers bound to their request, subject and time', () => {
    t('replay')('replay of an older answer about the same person (old id, old signature). Result: HUB_ERR_UPSTREAM_NOT_BOUND, no data', async () => {
      await start();
      await expect(call()).resolves.toMatchObject({ outcome: 'ok' });
      await faults({ replayRate: 1 });
      expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
    });

    t('replay-not-found')('replay of a signed not-found about another person, to a question about a person on file. Result: HUB_ERR_UPSTREAM_NOT_BOUND, never not-found', async () => {
      await start();
      await expect(call(NOT_FOUND)).resolves.toMatchObject({ outcome: 'not-found' });
      await faults({ replayRate: 1 });
      expect(await codeOf(call(FOUND))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
    });

    t('replay-current-id')('replay of another person\'s signed answer carrying the current message id. Result: refused, no data (REST: the signed id differs; SOAP: the id is signed, its digest breaks)', async () => {
      await start();
      await expect(call(OTHER)).resolves.toMatchObject({ outcome: 'ok' });
      await faults({ replayCurrentIdRate: 1 });
      expect(await codeOf(call(FOUND))).toBe(d.protocol === 'rest' ? 'HUB_ERR_UPSTREAM_NOT_BOUND' : 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    });

    t('other-subject')('an answer correctly signed, fresh and bound to this request, about another person. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never data', async () => {
      await start();
      await faults({ otherSubjectRate: 1, otherSubject: valueOf(OTHER) });
      expect(await codeOf(call(FOUND))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
    });

    t('other-subject-not-found')('a not-found correctly signed, fresh and bound to this request, naming another person. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never not-found', async () => {
      await start();
      await faults({ otherSubjectRate: 1, otherSubject: valueOf(NOT_FOUND) });
      expect(await codeOf(call(FOUND))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
    });

    t('attribute-flood')('an answer of 1 MiB whose payload carries about 100,000 attributes. Result: refused (SOAP: by the parser\'s caps; REST: unsigned), no data', async () => {
      await start();
      await faults({ attributeFloodRate: 1 });
      expect(await codeOf(call())).toBe(d.protocol === 'soap' ? 'HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE' : 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    });
  });

  t('unauthorized-caller')('unauthorized caller: the hub signs with a key the register does not trust. Result: HUB_ERR_UPSTREAM_REJECTED', async () => {
    await start(keys.rogue);
    expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_REJECTED');
  });

  t('breaker')('register down (connection refused). Result: after 5 failures the breaker opens and the next call makes no request', async () => {
    await start();
    await faults({ refused: true });
    for (let i = 0; i < 5; i++) expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    await faults({ refused: false });
    const before = mocks.agencies[provider].requests;
    expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_BREAKER_OPEN');
    expect(mocks.agencies[provider].requests).toBe(before);
    expect(breakers.states()[0].state).toBe('open');
  });
});
