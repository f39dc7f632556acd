import type { RetryPolicy } from './outbox.types';

/**
 * Delay before the next attempt after `attempts` failed ones: base · 2^(attempts−1), capped, with
 * ±20 % jitter so that the events of an agency that was down do not all come back at once.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.max(1, Math.round(exp * (0.8 + 0.4 * random())));
}
