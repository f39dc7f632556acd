import { Registry } from 'prom-client';
import { HubError } from '../../../contracts/hub';
import { BreakerRegistry, ProviderBreaker } from '../../../adapters/kit/breaker';
import { breakerMetrics } from '../../../adapters/kit/breaker-metrics';
import { upstreamError } from '../../../adapters/kit/upstream-errors';

const SETTINGS = { errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 200, rollingCountTimeoutMs: 10_000, capacity: 2 };
const where = { provider: 'population', operation: 'getPerson' };
const soon = () => Date.now() + 5000;
const down = async () => { throw upstreamError('HUB_ERR_UPSTREAM_UNAVAILABLE', where); };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const breakers: ProviderBreaker[] = [];

function breaker(timeoutMs = 1000, registry?: Registry) {
  const b = new ProviderBreaker({ provider: 'population', endpoint: 'http://x', settings: SETTINGS, timeoutMs, metrics: registry && breakerMetrics(registry) });
  breakers.push(b);
  return b;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : `not a HubError: ${String(err)}`; }
  return 'resolved';
}

afterEach(() => { while (breakers.length) breakers.pop()!.shutdown(); });

describe('Provider breaker (opossum, one per endpoint)', () => {
  test('Population register is down. Result: after 5 failures the breaker opens and the next call fails fast with HUB_ERR_UPSTREAM_BREAKER_OPEN without running', async () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) expect(await codeOf(b.fire('getPerson', soon(), down))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    expect(b.state).toBe('open');
    const run = jest.fn(async () => 'data');
    expect(await codeOf(b.fire('getPerson', soon(), run))).toBe('HUB_ERR_UPSTREAM_BREAKER_OPEN');
    expect(run).not.toHaveBeenCalled();
  });

  test('Population register is down; lookups.run asks the breaker before calling. Result: closed, no refusal; open, HUB_ERR_UPSTREAM_BREAKER_OPEN at once; half-open, no refusal (the probe decides)', async () => {
    const b = breaker();
    expect(b.openRefusal('getPerson')).toBeUndefined();
    for (let i = 0; i < 5; i++) await codeOf(b.fire('getPerson', soon(), down));
    expect(b.openRefusal('getPerson')?.code).toBe('HUB_ERR_UPSTREAM_BREAKER_OPEN');
    expect(b.openRefusal('getPerson')?.category).toBe('transient');
    await sleep(260);
    expect(b.state).toBe('half-open');
    expect(b.openRefusal('getPerson')).toBeUndefined();
  });

  test('Open breaker, register recovers. Result: after resetTimeout one half-open probe goes through and closes the breaker', async () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) await codeOf(b.fire('getPerson', soon(), down));
    await sleep(260);
    expect(b.state).toBe('half-open');
    await expect(b.fire('getPerson', soon(), async () => 'ok')).resolves.toBe('ok');
    expect(b.state).toBe('closed');
  });

  test('Half-open probe fails. Result: the breaker opens again at once', async () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) await codeOf(b.fire('getPerson', soon(), down));
    await sleep(260);
    expect(await codeOf(b.fire('getPerson', soon(), down))).toBe('HUB_ERR_UPSTREAM_UNAVAILABLE');
    expect(b.state).toBe('open');
  });

  test('Ten people are not in the register (not-found results) and bad input is refused. Result: the breaker stays closed', async () => {
    const b = breaker();
    for (let i = 0; i < 10; i++) await b.fire('getPerson', soon(), async () => ({ outcome: 'not-found' }));
    for (let i = 0; i < 10; i++) {
      await codeOf(b.fire('getPerson', soon(), async () => { throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST'); }));
      await codeOf(b.fire('getPerson', soon(), async () => { throw new HubError('HUB_ERR_UPSTREAM_ACCESS_DENIED'); }));
    }
    expect(b.state).toBe('closed');
  });

  test('Bad answers (system errors) count. Result: 5 malformed answers open the breaker', async () => {
    const b = breaker();
    for (let i = 0; i < 5; i++) await codeOf(b.fire('getPerson', soon(), async () => { throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where); }));
    expect(b.state).toBe('open');
  });

  test('Capacity 2 and three calls at once. Result: the third fails with HUB_ERR_UPSTREAM_BULKHEAD_FULL, the breaker stays closed', async () => {
    const b = breaker();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = () => b.fire('getPerson', soon(), async () => { await gate; return 'ok'; });
    const p1 = slow();
    const p2 = slow();
    expect(await codeOf(slow())).toBe('HUB_ERR_UPSTREAM_BULKHEAD_FULL');
    release();
    await expect(Promise.all([p1, p2])).resolves.toEqual(['ok', 'ok']);
    expect(b.state).toBe('closed');
  });

  test('Register hangs past the timeout. Result: HUB_ERR_UPSTREAM_TIMEOUT, that call\'s signal is aborted, the next call starts with a live signal', async () => {
    const b = breaker(50);
    let first: AbortSignal | undefined;
    const hang = (signal: AbortSignal) => { first = signal; return new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason))); };
    expect(await codeOf(b.fire('getPerson', soon(), hang))).toBe('HUB_ERR_UPSTREAM_TIMEOUT');
    expect(first?.aborted).toBe(true);
    // opossum's shared abortController would still be aborted here (breaker.ts comment).
    await expect(b.fire('getPerson', soon(), async (signal) => signal.aborted)).resolves.toBe(false);
  });

  test('The lookup deadline comes before the timeout. Result: HUB_ERR_DEADLINE_EXCEEDED; an already passed deadline runs nothing', async () => {
    const b = breaker(5000);
    const hang = (signal: AbortSignal) => new Promise((_r, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    expect(await codeOf(b.fire('getPerson', Date.now() + 40, hang))).toBe('HUB_ERR_DEADLINE_EXCEEDED');
    const run = jest.fn(async () => 'x');
    expect(await codeOf(b.fire('getPerson', Date.now() - 1, run))).toBe('HUB_ERR_DEADLINE_EXCEEDED');
    expect(run).not.toHaveBeenCalled();
  });

  test('Metrics: an opened breaker shows state 2 and counts failures and rejects on the injected registry', async () => {
    const registry = new Registry();
    const b = breaker(1000, registry);
    for (let i = 0; i < 5; i++) await codeOf(b.fire('getPerson', soon(), down));
    await codeOf(b.fire('getPerson', soon(), down));
    const text = await registry.metrics();
    expect(text).toContain('court_hub_breaker_state{provider="population"} 2');
    expect(text).toContain('court_hub_breaker_events_total{provider="population",event="failure"} 5');
    expect(text).toContain('court_hub_breaker_events_total{provider="population",event="reject"} 1');
  });

  test('Breaker registry lists each live breaker for /health', () => {
    const reg = new BreakerRegistry();
    const b = breaker();
    reg.add(b);
    expect(reg.states()).toEqual([{ provider: 'population', state: 'closed', stats: expect.objectContaining({ failures: 0 }), errorRate: 0, p99Ms: null }]);
    reg.remove(b);
    expect(reg.states()).toEqual([]);
  });
});
