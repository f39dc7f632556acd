import { HubError } from '../../../contracts/hub';
import { withRetry } from '../../../adapters/kit/retry';

const noSleep = async () => undefined;
const fail = (code: ConstructorParameters<typeof HubError>[0]) => async () => { throw new HubError(code); };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err) ? err.code : String(err); }
  return 'resolved';
}

describe('Retry of idempotent reads', () => {
  test('Registry unavailable once, then answers. Result: second attempt succeeds', async () => {
    const attempt = jest.fn().mockRejectedValueOnce(new HubError('HUB_ERR_UPSTREAM_UNAVAILABLE')).mockResolvedValueOnce('ok');
    await expect(withRetry(attempt, { attempts: 3, baseDelayMs: 10, deadline: Date.now() + 5000, idempotent: true, sleep: noSleep })).resolves.toBe('ok');
    expect(attempt.mock.calls.map((c) => c[0])).toEqual([1, 2]);
  });

  test.each(['HUB_ERR_UPSTREAM_BAD_ANSWER', 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID', 'HUB_ERR_UPSTREAM_BREAKER_OPEN', 'HUB_ERR_UPSTREAM_BULKHEAD_FULL', 'HUB_ERR_VALIDATION_BAD_REQUEST', 'HUB_ERR_DEADLINE_EXCEEDED'] as const)(
    'Attempt fails with %s. Result: not retried', async (code) => {
      const attempt = jest.fn(fail(code));
      expect(await codeOf(withRetry(attempt, { attempts: 3, baseDelayMs: 10, deadline: Date.now() + 5000, idempotent: true, sleep: noSleep }))).toBe(code);
      expect(attempt).toHaveBeenCalledTimes(1);
    });

  test('A non-idempotent operation times out. Result: not retried', async () => {
    const attempt = jest.fn(fail('HUB_ERR_UPSTREAM_TIMEOUT'));
    await codeOf(withRetry(attempt, { attempts: 3, baseDelayMs: 10, deadline: Date.now() + 5000, idempotent: false, sleep: noSleep }));
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  test('Registry keeps failing. Result: exactly `attempts` attempts, last error reported', async () => {
    const attempt = jest.fn(fail('HUB_ERR_UPSTREAM_SERVER_ERROR'));
    expect(await codeOf(withRetry(attempt, { attempts: 3, baseDelayMs: 10, deadline: Date.now() + 5000, idempotent: true, sleep: noSleep }))).toBe('HUB_ERR_UPSTREAM_SERVER_ERROR');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  test('Backoff would end past the deadline. Result: no retry, the error is reported at once', async () => {
    const attempt = jest.fn(fail('HUB_ERR_UPSTREAM_TIMEOUT'));
    const now = 1_000_000;
    await codeOf(withRetry(attempt, { attempts: 5, baseDelayMs: 100, deadline: now + 50, idempotent: true, random: () => 0.9, now: () => now, sleep: noSleep }));
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  test('Full jitter: delays lie in [0, base * 2^(n-1))', async () => {
    const delays: number[] = [];
    const attempt = jest.fn(fail('HUB_ERR_UPSTREAM_UNAVAILABLE'));
    await codeOf(withRetry(attempt, { attempts: 4, baseDelayMs: 100, deadline: Date.now() + 60_000, idempotent: true, random: () => 0.999, sleep: async (ms) => { delays.push(ms); } }));
    expect(delays).toEqual([99, 199, 399]);
  });
});
