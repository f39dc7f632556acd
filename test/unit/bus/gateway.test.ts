import type { ServiceBroker } from 'moleculer';
import { createBroker } from '../../../bus/broker';
import { createGatewayService } from '../../../bus/gateway.service';
import { createOpsService } from '../../../bus/ops.service';
import { createLookupsService } from '../../../core/lookups/lookups.service';
import { adapterActions } from '../../../adapters';
import { loadCatalog } from '../../../registry';
import { freePort } from '../../support/ports';

describe('HTTP gateway', () => {
  let broker: ServiceBroker;
  let base: string;
  let storeUp = true;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const catalog = loadCatalog({ env: {}, adapters: adapterActions() });
    const hub = createBroker({ transporter: null, nodeId: 'gw-test', logLevel: 'fatal' });
    broker = hub.broker;
    broker.createService(createOpsService(hub.metrics, { store: () => ({ status: storeUp ? 'up' : 'down' }) }));
    broker.createService(createLookupsService({ catalog, defaultDeadlineMs: 1000 }));
    broker.createService(createGatewayService({ port, host: '127.0.0.1', catalog, maxBodyBytes: 4096, requiredActions: ['lookups.run'] }));
    await broker.start();
  });
  afterAll(() => broker.stop());

  test('An operator asks for the catalog. Result: all 26 §11.2 categories with basis, secrecy, protocol and titles', async () => {
    const res = await fetch(`${base}/api/v1/registry`);
    expect(res.status).toBe(200);
    const body: any = await res.json();
    expect(body.categories).toHaveLength(26);
    expect(body.categories.find((c: any) => c.section === '11.2.13')).toMatchObject({ basis: 'decision', secrecy: 'bank', protocol: 'rest', provider: 'banks' });
    expect(body.categories[21].title.az).toMatch(/Əhalinin Dövlət Reyestri/);
    expect(JSON.stringify(body)).not.toMatch(/endpoint/);
    // Connected per catalog entry, from the adapters that exist: every connected entry has its
    // adapter.<provider>.<operation>; a provider is connected when one of its entries is.
    const actions = new Set(adapterActions());
    for (const c of body.categories) expect([c.section, c.connected]).toEqual([c.section, actions.has(`adapter.${c.provider}.${c.operation}`)]);
    for (const p of body.providers) expect([p.id, p.connected]).toEqual([p.id, body.categories.some((c: any) => c.provider === p.id && c.connected)]);
    expect(body.categories.find((c: any) => c.section === '11.2.22').connected).toBe(true);
    expect(body.categories.find((c: any) => c.section === '11.2.7').connected).toBe(false);
  });

  test('An operator checks health while every component is up. Result: 200 with each component', async () => {
    storeUp = true;
    const res = await fetch(`${base}/health`);
    const body: any = await res.json();
    expect(res.status).toBe(200);
    expect(body.components['action:lookups.run'].status).toBe('up');
    expect(body.components['store@gw-test'].status).toBe('up');
  });

  test('The store goes down. Result: /health answers 503 naming the component', async () => {
    storeUp = false;
    const res = await fetch(`${base}/health`);
    const body: any = await res.json();
    expect(res.status).toBe(503);
    expect(body.components['store@gw-test'].status).toBe('down');
    storeUp = true;
  });

  test('Prometheus scrapes /metrics. Result: text exposition with the node label', async () => {
    await fetch(`${base}/api/v1/registry`);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/court_hub_process_cpu_user_seconds_total\{node="gw-test"\}/);
  });

  test('A client tries to reach an internal action as /lookups/run. Result: 404 HUB_ERR_VALIDATION_NOT_FOUND, no lookup runs', async () => {
    for (const url of ['/lookups/run', '/api/lookups/run', '/ops/metrics', '/$node/list']) {
      const res = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status).toBe(404);
      const body: any = await res.json();
      expect(body.error.code).toBe('HUB_ERR_VALIDATION_NOT_FOUND');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js/); // no stack trace
    }
  });
});
