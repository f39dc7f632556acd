/**
 * A registry answers with 1 MiB of markup built to stall an XML parser (about 100,000 attributes on
 * one element, under the 1 MiB answer limit, no key needed) while a judge's other lookup is in
 * flight. The parser refuses it by its caps before any signature work, so the event loop stays free:
 * the other lookup ends normally. Outcomes are asserted, not timings (those are in `npm run bench`,
 * xml.parse.adversarial-1mib).
 */
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import type { LookupResult } from '../../contracts/hub';
import { ADAPTERS, adapterActions } from '../../adapters';
import { BreakerRegistry } from '../../adapters/kit/breaker';
import { createAdapterService } from '../../adapters/kit/service-factory';
import { jwsSign, jwsVerify, wssSign, wssVerify } from '../../adapters/kit/signing-wiring';
import { HubErrorRegenerator } from '../../bus/error-regenerator';
import { createLookupsService } from '../../core/lookups/lookups.service';
import { loadCatalog } from '../../registry';
import { agencySigner, startMocks, type RunningMocks } from '../../mocks';
import { HUB_XROAD, testKeys, testProvider, trust, type Keys } from '../unit/adapters/support/adapter-fixture';

let mocks: RunningMocks;
let keys: Keys;
let broker: ServiceBroker;


beforeAll(async () => {
  keys = await testKeys();
  mocks = await startMocks({ signer: agencySigner(keys.agency) });
  broker = new ServiceBroker({ logger: false, errorRegenerator: new HubErrorRegenerator() });
  const catalog = loadCatalog({ env: {}, endpoints: mocks.urls, adapters: adapterActions() });
  broker.createService(createLookupsService({ catalog, defaultDeadlineMs: 3000 }));
  for (const d of ADAPTERS) {
    broker.createService(createAdapterService(d, {
      // A breaker that neither opens nor sheds load here: every flood must reach the parser.
      provider: testProvider(d.provider, { volumeThreshold: 1000, capacity: 16 }), endpoint: mocks.urls[d.provider],
      hub: { xroad: HUB_XROAD, signSoap: wssSign(keys.hub), signRest: jwsSign(keys.hub) },
      verify: { soap: wssVerify({ trust: trust(keys.agency) }), rest: jwsVerify(trust(keys.agency)) },
      metricsRegistry: new Registry(), breakers: new BreakerRegistry(), categories: catalog.categories,
    }));
  }
  await broker.start();
}, 30_000);
afterAll(async () => {
  await broker?.stop();
  await mocks?.stop();
});

const ask = (categories: string[], deadline: number) => broker.call<LookupResult, unknown>('lookups.run', {
  subject: { fin: '5ZK8F3R' }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M', deadline,
});

describe('An XML flood from one registry while another lookup runs', () => {
  test('Population answers 1 MiB with ~100,000 attributes on one element while a phone lookup waits for its answer. Result: population error HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE; the phone lookup is ok within its deadline', async () => {
    await mocks.setFaults('population', { attributeFloodRate: 1 });
    await mocks.setFaults('phone', { latencyMs: 150 }); // still in flight when the flood arrives
    const deadline = Date.now() + 2500;
    const [phone, population] = await Promise.all([ask(['11.2.3'], deadline), ask(['11.2.22'], deadline)]);
    expect(population.outcomes[0]).toMatchObject({ section: '11.2.22', status: 'error', error: { code: 'HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE' } });
    expect(population.outcomes[0].data).toBeUndefined();
    expect(phone.outcomes[0]).toMatchObject({ section: '11.2.3', status: 'ok', data: { fin: '5ZK8F3R' } });
  });

  test('Five floods in a row against one phone lookup. Result: five refusals, the phone lookup still ok', async () => {
    await mocks.setFaults('population', { attributeFloodRate: 1 });
    await mocks.setFaults('phone', { latencyMs: 300 });
    const deadline = Date.now() + 2500;
    const phone = ask(['11.2.3'], deadline);
    const floods = await Promise.all(Array.from({ length: 5 }, () => ask(['11.2.22'], deadline)));
    expect(floods.map((f) => f.outcomes[0].error?.code)).toEqual(Array(5).fill('HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE'));
    expect((await phone).outcomes[0].status).toBe('ok');
  });
});
