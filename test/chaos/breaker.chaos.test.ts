import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { PROVIDERS } from '../../registry';
import { freshDatabase } from '../support/db';
import { freePort } from '../support/ports';

/**
 * Provider failures through the whole hub (embedded: real adapters, real breakers, mock agencies
 * over HTTP). Breaker settings are shortened so the scenarios run in seconds.
 */
describe('Chaos: a registry fails and recovers', () => {
  let hub: RunningHub;
  let db: { url: string; drop(): Promise<void> };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-chaos-'));
  const providers = PROVIDERS.map((p) => ({
    ...p, breaker: { ...p.breaker, volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: 400 }, retry: { attempts: 1, baseDelayMs: 0 },
  }));

  beforeAll(async () => {
    db = await freshDatabase();
    hub = await startHub(loadConfig({
      DATABASE_URL: db.url, AUDIT_HMAC_KEY: 'test key of the chaos suite', DATA_DIR: dataDir, PKI_DIR: process.env.TEST_PKI_DIR,
      PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'fatal',
    }), { providers });
  }, 120_000);
  afterAll(async () => { await hub?.stop(); await db?.drop(); fs.rmSync(dataDir, { recursive: true, force: true }); });
  afterEach(async () => { await hub.mocks!.setFaults('population', {}); await hub.mocks!.setFaults('phone', {}); });

  const ask = (categories: string[], deadlineMs = 2000) => hub.broker.call<any, any>('lookups.run', {
    subject: { fin: '5ZK8F3R' }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M', deadline: Date.now() + deadlineMs,
  });
  const breaker = (provider: string) => hub.broker.call<any, any>(`adapter.${provider}.breakerState`, {}).then((s: any) => (Array.isArray(s) ? s[0] : s).state);

  test('The population register refuses connections. Result: unavailable; after the threshold the breaker opens and answers fast with HUB_ERR_UPSTREAM_BREAKER_OPEN; phone in the same lookup stays ok', async () => {
    await hub.mocks!.setFaults('population', { refused: true });
    for (let i = 0; i < 3; i++) {
      const r = await ask(['11.2.22', '11.2.3']);
      expect(r.outcomes[0].status).toBe('unavailable');
      expect(r.outcomes[1].status).toBe('ok');
    }
    expect(await breaker('population')).toBe('open');
    const r = await ask(['11.2.22', '11.2.3']);
    expect(r.outcomes[0]).toMatchObject({ status: 'unavailable', error: { code: 'HUB_ERR_UPSTREAM_BREAKER_OPEN' } });
    expect(r.outcomes[1].status).toBe('ok');
    expect(await breaker('phone')).toBe('closed');
    const text = await hub.metrics.registry.metrics();
    expect(text).toMatch(/court_hub_breaker_state\{[^}]*provider="population"[^}]*\} 2/);
  });

  test('The register recovers. Result: after the reset timeout one half-open probe goes through, the breaker closes, data flows again', async () => {
    await hub.mocks!.setFaults('population', { refused: true });
    for (let i = 0; i < 4; i++) await ask(['11.2.22']);
    expect(await breaker('population')).toBe('open');
    await hub.mocks!.setFaults('population', {});
    await new Promise((r) => setTimeout(r, 500)); // past resetTimeout: the next call is the probe
    const probe = await ask(['11.2.22']);
    expect(probe.outcomes[0].status).toBe('ok');
    expect(await breaker('population')).toBe('closed');
  });

  test('The phone register hangs (slow body). Result: phone is unavailable at the deadline while population in the same lookup is ok', async () => {
    await hub.mocks!.setFaults('phone', { slowBodyRate: 1, slowBodyMs: 5000 });
    const r = await ask(['11.2.22', '11.2.3'], 800);
    expect(r.outcomes[0].status).toBe('ok');
    expect(r.outcomes[1].status).toBe('unavailable');
  });

  test.each([
    ['malformed XML', { malformedRate: 1 }],
    ['an HTML error page', { htmlErrorRate: 1 }],
    ['a wrong content type', { wrongContentTypeRate: 1 }],
    ['a truncated body', { truncatedRate: 1 }],
    ['a 20 MB body', { hugeBodyRate: 1 }],
    ['a SOAP server fault', { errorRate: 1 }],
    ['a reset connection', { resetRate: 1 }],
  ])('The population register answers with %s. Result: a typed outcome (unavailable or error with a code), never data; the hub keeps serving', async (_, faults) => {
    await hub.mocks!.setFaults('population', faults);
    const r = await ask(['11.2.22']);
    expect(['unavailable', 'error']).toContain(r.outcomes[0].status);
    expect(r.outcomes[0].error.code).toMatch(/^HUB_ERR_/);
    expect(r.outcomes[0].data).toBeUndefined();
    await hub.mocks!.setFaults('population', {});
    // the breaker may have counted it; wait out a possible open state, then the hub answers again
    await new Promise((res) => setTimeout(res, 450));
    expect((await ask(['11.2.22'])).outcomes[0].status).toBe('ok');
  });
});
