/**
 * The replay cache is shared by every adapter node (a JetStream bucket on the bus): an answer the
 * hub accepted on one node is refused as a replay on another. Two adapter nodes on a nats-server of
 * the test's own, the real mock agencies (signed answers, fault `replayRate`), SOAP and REST.
 *
 * For the replay to reach the replay cache at all it must carry the message id the second node
 * sent: the nodes here draw ids from a source that repeats (two nodes cloned from one VM snapshot
 * can repeat a random generator's state). Every other check is the real one.
 */
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import { HubError, type AdapterResult } from '../../contracts/hub';
import { ADAPTERS } from '../../adapters';
import { BreakerRegistry } from '../../adapters/kit/breaker';
import { jetStreamReplayGuard } from '../../adapters/kit/jetstream-replay-guard';
import { memoryReplayGuard, type ReplayGuard } from '../../adapters/kit/replay-guard';
import { createAdapterService } from '../../adapters/kit/service-factory';
import { jwsSign, jwsVerify, wssSign, wssVerify } from '../../adapters/kit/signing-wiring';
import { CATEGORIES } from '../../registry/categories';
import { agencySigner, startMocks, type RunningMocks } from '../../mocks';
import { HUB_XROAD, testKeys, testProvider, trust, type Keys } from '../unit/adapters/support/adapter-fixture';
import { NatsServer } from '../support/nats-server';
import { conformanceSubjects } from '../../contracts/registries/samples';

let nats: NatsServer;
let mocks: RunningMocks;
let keys: Keys;
const brokers: ServiceBroker[] = [];
const guards: ReplayGuard[] = [];


/** X-Road ids from a source that repeats: every node built with the same `run` draws the same sequence. */
function repeatingIds(run: string): () => string {
  let i = 0;
  return () => `${run}-${++i}`;
}

/** An adapter node: every adapter of the hub on its own broker on the bus, with the given replay cache. */
async function adapterNode(nodeID: string, replay: ReplayGuard, ids: () => string): Promise<ServiceBroker> {
  const broker = new ServiceBroker({ nodeID, transporter: nats.url, logger: false });
  for (const d of ADAPTERS) {
    broker.createService(createAdapterService(d, {
      provider: testProvider(d.provider), endpoint: mocks.urls[d.provider],
      hub: { xroad: HUB_XROAD, signSoap: wssSign(keys.hub), signRest: jwsSign(keys.hub) },
      verify: { soap: wssVerify({ trust: trust(keys.agency) }), rest: jwsVerify(trust(keys.agency)) },
      metricsRegistry: new Registry(), breakers: new BreakerRegistry(), replay, newMessageId: ids,
    }));
  }
  await broker.start();
  brokers.push(broker);
  return broker;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
  return 'resolved';
}

beforeAll(async () => {
  [nats, keys] = await Promise.all([NatsServer.start(), testKeys()]);
  mocks = await startMocks({ signer: agencySigner(keys.agency) });
}, 30_000);
afterAll(async () => {
  await Promise.all(brokers.map((b) => b.stop()));
  await Promise.all(guards.map((g) => g.close()));
  await mocks?.stop();
  await nats?.stop();
});

describe.each(ADAPTERS.map((d) => [d.provider, d] as const))('%s: an answer replayed to a second adapter node', (provider, d) => {
  const op = d.operations[0];
  const action = `adapter.${provider}.${op.name}`;
  const section = CATEGORIES.find((c) => c.provider === provider && c.operation === op.name)!.section;
  // A subject the register holds: the module's golden ok sample (contracts/registries/<id>/samples).
  const { found } = conformanceSubjects(provider, op.name);
  const params = () => ({ section, subject: found, caseNumber: '2(101)-1234/2026', userId: 'AZ-FIN-2JD4K7M', deadline: Date.now() + 5000 });

  afterEach(() => mocks.setFaults(provider, {}));

  test('Node A accepts an answer; the registry sends it again to node B for B\'s message with the same id. Result: HUB_ERR_UPSTREAM_REPLAYED on node B, no data', async () => {
    const shared = () => { const g = jetStreamReplayGuard({ url: nats.url }); guards.push(g); return g; };
    const run = `shared-${provider}`;
    const a = await adapterNode(`${provider}-a`, shared(), repeatingIds(run));
    const b = await adapterNode(`${provider}-b`, shared(), repeatingIds(run));
    const first = await a.call<AdapterResult, unknown>(action, params());
    expect(first).toMatchObject({ outcome: 'ok', messageId: `${run}-1` });
    await mocks.setFaults(provider, { replayRate: 1 });
    expect(await codeOf(b.call(action, params()))).toBe('HUB_ERR_UPSTREAM_REPLAYED');
  });

  test('The same replay with a replay cache per node (memory). Result: node B does not know the id; only the request hash refuses it (HUB_ERR_UPSTREAM_NOT_BOUND)', async () => {
    const run = `local-${provider}`;
    const a = await adapterNode(`${provider}-c`, memoryReplayGuard(), repeatingIds(run));
    const b = await adapterNode(`${provider}-d`, memoryReplayGuard(), repeatingIds(run));
    await expect(a.call<AdapterResult, unknown>(action, params())).resolves.toMatchObject({ outcome: 'ok' });
    await mocks.setFaults(provider, { replayRate: 1 });
    expect(await codeOf(b.call(action, params()))).toBe('HUB_ERR_UPSTREAM_NOT_BOUND');
  });
});
