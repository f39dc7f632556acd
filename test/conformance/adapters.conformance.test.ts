/**
 * ONE conformance suite (STYLE.md rule 9, after Airbyte's connector acceptance tests): every adapter
 * listed in adapters/index.ts runs the same scenarios against its real mock agency (mocks/ startMocks:
 * real HTTP servers, signed answers, fault injection), through the Moleculer service the bus would
 * create. A new adapter gets these scenarios by being added to the index; a scenario that cannot apply
 * must be skipped here with a written reason.
 */
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import { HubError, type AdapterResult, type HubErrorCode } from '../../contracts/hub';
import { ADAPTERS } from '../../adapters';
import { BreakerRegistry } from '../../adapters/kit/breaker';
import { createAdapterService } from '../../adapters/kit/service-factory';
import { jwsSign, jwsVerify, wssSign, wssVerify } from '../../adapters/kit/signing-wiring';
import { CATEGORIES } from '../../registry/categories';
import { signDetachedJws, verifyDetachedJws } from '../../signing/jws';
import { verifyEnvelope } from '../../signing/wss';
import { startMocks, type AgencyFaults, type MockProvider, type RunningMocks } from '../../mocks';
import { HUB_XROAD, signSoapAnswer, testKeys, testProvider, trust, type Keys } from '../unit/adapters/support/adapter-fixture';
import type { TestSigner } from '../support/wss-fixture';

const FOUND = '5ZK8F3R'; // the README example: in the population and the phone register
const NOT_FOUND = '1234560'; // mocks/README: a FIN ending in 0 is in no register
const TIMEOUT_MS = 300;

let keys: Keys;
let mocks: RunningMocks;


beforeAll(async () => {
  keys = await testKeys();
  mocks = await startMocks({
    signer: {
      soap: (xml) => signSoapAnswer(xml, keys.agency),
      rest: (body, params) => ({ 'X-Road-Signature': signDetachedJws(body, keys.agency, { header: params }) }),
    },
    // The agencies check the hub's request signature: only the hub's certificate is trusted.
    verifiers: {
      population: async (raw) => { await verifyEnvelope(raw, { trust: trust(keys.hub) }); },
      phone: async (raw, headers) => {
        const jws = headers['x-road-signature'];
        if (typeof jws !== 'string') throw new Error('no signature');
        await verifyDetachedJws(raw, jws, trust(keys.hub));
      },
    },
  });
});
afterAll(async () => { await mocks?.stop(); });

describe.each(ADAPTERS.map((d) => [d.provider, d] as const))('Adapter %s conformance', (provider, d) => {
  const op = d.operations[0];
  const section = CATEGORIES.find((c) => c.provider === provider && c.operation === op.name)!.section;
  const action = `adapter.${provider}.${op.name}`;
  let broker: ServiceBroker;
  let breakers: BreakerRegistry;

  async function start(hubKey: TestSigner = keys.hub, timeoutMs = 5000) {
    broker = new ServiceBroker({ logger: false });
    breakers = new BreakerRegistry();
    broker.createService(createAdapterService(d, {
      provider: testProvider(provider), endpoint: mocks.urls[provider as MockProvider],
      hub: { xroad: HUB_XROAD, signSoap: wssSign(hubKey), signRest: jwsSign(hubKey) },
      verify: { soap: wssVerify({ trust: trust(keys.agency) }), rest: jwsVerify(trust(keys.agency)) },
      metricsRegistry: new Registry(), breakers,
      categories: CATEGORIES.map((c) => (c.provider === provider ? { ...c, timeoutMs } : c)),
    }));
    await broker.start();
  }

  const call = (fin = FOUND) => broker.call<AdapterResult, unknown>(action, {
    section, subject: { fin }, caseNumber: '2(101)-1234/2026', userId: 'AZ-FIN-2JD4K7M', deadline: Date.now() + 5000,
  });
  async function codeOf(p: Promise<unknown>): Promise<string> {
    try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
    return 'resolved';
  }
  const faults = (f: AgencyFaults) => mocks.setFaults(provider as MockProvider, f);

  beforeEach(async () => { await faults({}); });
  afterEach(async () => { await broker?.stop(); await faults({}); });

  test('ok: the register knows the person. Result: outcome ok, canonical model, the id echoed, signed answer kept', async () => {
    await start();
    const r = await call();
    expect(r).toMatchObject({ outcome: 'ok', section, provider, operation: op.name });
    expect(r.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect((r.data as { fin: string }).fin).toBe(FOUND);
    expect(r.signedAnswer && r.responseHash && r.requestHash).toBeTruthy();
  });

  test('not found: the register has no record. Result: outcome not-found (a result, not an error)', async () => {
    await start();
    await expect(call(NOT_FOUND)).resolves.toMatchObject({ outcome: 'not-found', provider });
  });

  const errorScenarios: [string, AgencyFaults, HubErrorCode | Record<'soap' | 'rest', HubErrorCode>][] = [
    ['upstream fault: the register fails', { errorRate: 1 }, 'HUB_ERR_UPSTREAM_SERVER_ERROR'],
    ['upstream unavailable', { unavailableRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['timeout: the register answers after the call timeout', { latencyMs: TIMEOUT_MS * 4 }, 'HUB_ERR_UPSTREAM_TIMEOUT'],
    // SOAP: not well-formed XML is refused by the parser. REST: the JWS covers the exact bytes, and is
    // checked before the body is parsed, so a body broken after signing fails the signature first.
    ['malformed answer', { malformedRate: 1 }, { soap: 'HUB_ERR_UPSTREAM_BAD_ANSWER', rest: 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID' }],
    ['wrong content type', { wrongContentTypeRate: 1 }, 'HUB_ERR_UPSTREAM_BAD_ANSWER'],
    ['HTML error page of a proxy', { htmlErrorRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['truncated body', { truncatedRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
    ['huge body', { hugeBodyRate: 1, hugeBodyBytes: 2 * 1024 * 1024 }, 'HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE'],
    ['bad signature: a signed value altered', { badSignatureRate: 1 }, 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID'],
    ['signature wrapping', { wrappedSignatureRate: 1 }, 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID'],
    ['connection reset', { resetRate: 1 }, 'HUB_ERR_UPSTREAM_UNAVAILABLE'],
  ];
  test.each(errorScenarios)('%s. Result: the typed error, no data', async (_what, f, expected) => {
    // A short call timeout only where the scenario is about it: elsewhere a loaded CI machine must not time out.
    await start(keys.hub, f.latencyMs ? TIMEOUT_MS : 5000);
    await faults(f);
    const code = typeof expected === 'string' ? expected : expected[d.protocol];
    expect(await codeOf(call())).toBe(code);
  });

  // Hostile or broken registries (contracts/registries/README.md, "Binding an answer to its request"):
  // an answer counts only for the message, the subject and the time it was given for.
  describe('answers bound to their request, subject and time', () => {
    const OTHER = '1AB2C3D'; // in both registers

    test('replay of an older answer about the same person (old id, old signature). Result: HUB_ERR_UPSTREAM_NOT_BOUND, no data', async () => {
      await start();
      await expect(call()).resolves.toMatchObject({ outcome: 'ok' });
      await faults({ replayRate: 1 });
      expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
    });

    test('replay of a signed not-found about another person, to a question about a person on file. Result: HUB_ERR_UPSTREAM_NOT_BOUND, never not-found', async () => {
      await start();
      await expect(call(NOT_FOUND)).resolves.toMatchObject({ outcome: 'not-found' });
      await faults({ replayRate: 1 });
      expect(await codeOf(call(FOUND))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
    });

    test('replay of another person\'s signed answer carrying the current message id. Result: refused, no data (REST: the signed id differs; SOAP: the id is signed, its digest breaks)', async () => {
      await start();
      await expect(call(OTHER)).resolves.toMatchObject({ outcome: 'ok' });
      await faults({ replayCurrentIdRate: 1 });
      expect(await codeOf(call(FOUND))).toBe(d.protocol === 'rest' ? 'HUB_ERR_UPSTREAM_NOT_BOUND' : 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    });

    test('an answer correctly signed, fresh and bound to this request, about another person. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never data', async () => {
      await start();
      await faults({ otherSubjectRate: 1, otherSubject: OTHER });
      expect(await codeOf(call(FOUND))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
    });

    test('a not-found correctly signed, fresh and bound to this request, naming another person. Result: HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never not-found', async () => {
      await start();
      await faults({ otherSubjectRate: 1, otherSubject: NOT_FOUND });
      expect(await codeOf(call(FOUND))).toBe('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH');
    });

    test('an answer of 1 MiB whose payload carries about 100,000 attributes. Result: refused (SOAP: by the parser\'s caps; REST: unsigned), no data', async () => {
      await start();
      await faults({ attributeFloodRate: 1 });
      expect(await codeOf(call())).toBe(d.protocol === 'soap' ? 'HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE' : 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID');
    });
  });

  test('unauthorized caller: the hub signs with a key the register does not trust. Result: HUB_ERR_UPSTREAM_REJECTED', async () => {
    await start(keys.rogue);
    expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_REJECTED');
  });

  test('register down (connection refused). Result: after 5 failures the breaker opens and the next call makes no request', async () => {
    await start();
    await faults({ refused: true });
    for (let i = 0; i < 5; i++) expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    await faults({ refused: false });
    const before = mocks.agencies[provider as MockProvider].requests;
    expect(await codeOf(call())).toBe('HUB_ERR_UPSTREAM_BREAKER_OPEN');
    expect(mocks.agencies[provider as MockProvider].requests).toBe(before);
    expect(breakers.states()[0].state).toBe('open');
  });
});
