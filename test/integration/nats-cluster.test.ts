import type { ServiceBroker } from 'moleculer';
import { HubError } from '../../contracts/hub';
import { createBroker, startBroker } from '../../bus/broker';
import { HubProcess } from '../support/hub-process';
import { NatsServer } from '../support/nats-server';
import { freePort } from '../support/ports';

/**
 * Distributed for real: a nats-server of the test's own, the gateway + core in one OS process,
 * the adapters (with the mock agencies they call) in another, and this test as a third node.
 */
describe('Hub as a cluster over NATS', () => {
  let nats: NatsServer;
  let adapters: HubProcess;
  let core: HubProcess;
  let client: ServiceBroker;
  let base: string;
  const env = () => ({ TRANSPORTER: nats.url, PKI_DIR: process.env.TEST_PKI_DIR!, DATA_DIR: process.env.TEST_PKI_DIR! });

  beforeAll(async () => {
    nats = await NatsServer.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    [adapters, core] = await Promise.all([
      HubProcess.start('adapters', { ...env(), SERVICES: 'adapters,mocks', NODE_ID: 'adapters-1' }),
      // The core's first start makes its embedded PostgreSQL cluster (initdb): seconds on a busy machine.
      HubProcess.start('core', { ...env(), SERVICES: 'gateway,core', NODE_ID: 'core-1', PORT: String(port), HOST: '127.0.0.1' }, 75_000),
    ]);
    client = createBroker({ transporter: nats.url, nodeId: 'test-client', logLevel: 'fatal' }).broker;
    await startBroker(client, 10_000);
    await client.waitForServices(['lookups', 'adapter.population', 'adapter.phone'], 15_000);
    // The gateway's node must have discovered the adapters node too, not only this one.
    await waitFor(async () => (await fetch(`${base}/health`)).status === 200, 15_000);
  }, 150_000);

  afterAll(async () => {
    await client?.stop();
    await Promise.all([adapters?.stop(), core?.stop()]);
    await nats?.stop();
  });

  const ask = (categories: string[]) => client.call<any, any>('lookups.run', {
    subject: { fin: '5ZK8F3R' }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M',
  }, { timeout: 8000 });

  test('A lookup crosses NATS: test node → core process → adapters process → mock agencies. Result: both categories ok with verified data', async () => {
    const r = await ask(['11.2.22', '11.2.3']);
    expect(r.outcomes.map((o: any) => o.status)).toEqual(['ok', 'ok']);
    expect(r.outcomes[0].data.patronymic).toBe('Vəli oğlu');
  });

  test('Bad input sent over NATS. Result: the caller gets a HubError with its code, rebuilt on this node', async () => {
    let err: unknown;
    try { await client.call('lookups.run', { subject: { fin: 'x' }, categories: ['11.2.22'], caseNumber: '1', requesterId: 'a' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
  });

  test('Operator reads /health and /metrics of the cluster from the gateway. Result: 200; breaker state of each provider from the adapters node', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const h: any = await health.json();
    expect(h.components['action:adapter.population.getPerson'].details.nodes).toEqual(['adapters-1']);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/court_hub_breaker_state\{[^}]*provider="population"[^}]*node="adapters-1"[^}]*\} 0/);
    expect(text).toMatch(/node="core-1"/);
  });

  test('The adapters process crashes. Result: lookups answer unavailable, /health turns 503; once the node is dropped, unavailable at once; a new adapters process restores service', async () => {
    await adapters.stop('SIGKILL');
    // Until the dead node's heartbeat times out, a call to it ends at the deadline: still unavailable, never an error.
    const during = await ask(['11.2.22']);
    expect(during.outcomes[0].status).toBe('unavailable');
    await waitFor(async () => {
      const h: any = await (await fetch(`${base}/health`)).json();
      return h.components['action:adapter.population.getPerson'].status === 'down';
    }, 30_000);
    expect((await fetch(`${base}/health`)).status).toBe(503);
    const r = await ask(['11.2.22']);
    expect(r.outcomes[0]).toMatchObject({ status: 'unavailable', error: { code: 'HUB_ERR_BUS_UNAVAILABLE' } });

    adapters = await HubProcess.start('adapters', { ...env(), SERVICES: 'adapters,mocks', NODE_ID: 'adapters-2' });
    await client.waitForServices(['adapter.population'], 15_000);
    await waitFor(async () => (await fetch(`${base}/health`)).status === 200, 15_000);
    expect((await ask(['11.2.22'])).outcomes[0].status).toBe('ok');
  }, 90_000);

  test('NATS itself restarts. Result: the nodes reconnect and lookups work again', async () => {
    await nats.stop();
    await nats.start();
    await waitFor(async () => {
      try { return (await ask(['11.2.22'])).outcomes[0].status === 'ok'; } catch { return false; }
    }, 30_000);
    expect((await ask(['11.2.22', '11.2.3'])).outcomes.map((o: any) => o.status)).toEqual(['ok', 'ok']);
  }, 60_000);
});

async function waitFor(cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
