/**
 * Retries of transient failures for idempotent reads only (docs/architecture.md, "Reliability"), with full-jitter
 * exponential backoff (delay = random(0, base · 2^n), AWS Architecture Blog "Exponential Backoff
 * and Jitter"), never past the deadline: before each retry the remaining time must cover the delay.
 *
 * Placement: retries sit OUTSIDE the breaker. Each attempt is its own breaker.fire(), so every
 * attempt counts in the rolling window (a registry failing three times per lookup is seen failing
 * three times), and once the breaker opens, the next attempt fails fast with BREAKER_OPEN, which is
 * not retried. Inside the breaker, one fire() would hide the attempts from its statistics and a
 * retry loop could keep a failing registry busy while the breaker believed one call was running.
 * Moleculer's own retryPolicy stays off for adapter actions (docs/conventions.md §6: never both layers).
 */
import { HubError, type HubErrorCode } from '../../contracts/hub';

/** Transient codes worth another attempt. BREAKER_OPEN, BULKHEAD_FULL and DEADLINE_EXCEEDED are not. */
export const RETRYABLE_CODES: ReadonlySet<HubErrorCode> = new Set<HubErrorCode>([
  'HUB_ERR_UPSTREAM_UNAVAILABLE',
  'HUB_ERR_UPSTREAM_TIMEOUT',
  'HUB_ERR_UPSTREAM_SERVER_ERROR',
]);

export interface RetryOptions {
  /** Total attempts, the first included (ProviderEntry.retry.attempts); 1 = no retry. */
  attempts: number;
  baseDelayMs: number;
  /** Epoch ms. */
  deadline: number;
  /** Only idempotent operations are retried. */
  idempotent: boolean;
  /** For tests: a source of randomness in [0, 1). */
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called before a retry (metrics, logs). */
  onRetry?: (attempt: number, err: HubError, delayMs: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function isRetryable(err: unknown): err is HubError {
  return HubError.is(err) && err.retryable && RETRYABLE_CODES.has(err.code);
}

/** Runs `attempt(n)` (n = 1, 2, …) until it succeeds, fails with a non-retryable error, or time/attempts run out. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const random = o.random ?? Math.random;
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? defaultSleep;
  const max = o.idempotent ? Math.max(1, o.attempts) : 1;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= max || !isRetryable(err)) throw err;
      const delay = Math.floor(random() * o.baseDelayMs * 2 ** (n - 1));
      // Keep some of the budget for the attempt itself: a retry that cannot finish is not made.
      if (now() + delay >= o.deadline) throw err;
      o.onRetry?.(n + 1, err, delay);
      await sleep(delay);
    }
  }
}
