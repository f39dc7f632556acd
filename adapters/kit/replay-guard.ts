/**
 * The replay cache of registry answers (X-Road security servers keep one too), shared by every adapter node: an answer's message id is consumed once, after the
 * answer's signature and its signed id have checked out — a forged answer, or one to another
 * message, never uses up the id of the real one. In a cluster the store is a NATS JetStream
 * key-value bucket (jetstream-replay-guard.ts); in one process, memory.
 */
import { hash } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import { ANSWER_CLOCK_SKEW_MS, ANSWER_MAX_AGE_MS } from '../../contracts/registries/xroad-profile';
import { MemoryReplayCache } from '../../signing/wss';
import { upstreamError, type UpstreamWhere } from './upstream-errors';

export interface ReplayGuard {
  /**
   * Records `key` for at least `ttlMs`; resolves false when it was already recorded. Rejects when
   * the store cannot answer: the caller then refuses the answer (fail closed).
   */
  firstUse(key: string, ttlMs: number): Promise<boolean>;
  /** Connects and prepares the store; idempotent. */
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How long an id must be remembered: as long as an answer carrying it can pass the freshness check
 * (signed at most ANSWER_MAX_AGE_MS ago, with the clock skew on both sides).
 */
export const REPLAY_WINDOW_MS = ANSWER_MAX_AGE_MS + 2 * ANSWER_CLOCK_SKEW_MS;

/**
 * One process: the signing/wss cache. It is bounded, and fails closed when full of live entries:
 * the answer is refused as "cache unavailable" (try again later), not called a replay, which it is
 * not. The default bound holds the replay window at over 2,000 answers a second.
 */
export function memoryReplayGuard(maxEntries?: number): ReplayGuard {
  const cache = new MemoryReplayCache(maxEntries);
  return {
    async firstUse(key, ttlMs) {
      const r = cache.remember(key, ttlMs, Date.now());
      if (r === 'full') throw new Error(`the replay cache holds ${cache.size} live ids, its bound`);
      return r === 'first';
    },
    open: async () => undefined,
    close: async () => undefined,
  };
}

/** The key of a message id: per provider, hashed (ids come from outside; store keys have a narrow alphabet). */
export function replayKey(provider: string, messageId: string): string {
  return hash('sha256', `${provider}\n${messageId}`, 'hex');
}

/** Consumes the answer's id, or throws HUB_ERR_UPSTREAM_REPLAYED / HUB_ERR_REPLAY_CACHE_UNAVAILABLE. */
export async function consumeAnswerId(guard: ReplayGuard, where: UpstreamWhere, messageId: string): Promise<void> {
  let first: boolean;
  try {
    first = await guard.firstUse(replayKey(where.provider, messageId), REPLAY_WINDOW_MS);
  } catch (err) {
    if (HubError.is(err)) throw err;
    throw new HubError('HUB_ERR_REPLAY_CACHE_UNAVAILABLE', { details: { provider: where.provider, operation: where.operation }, cause: err });
  }
  if (!first) throw upstreamError('HUB_ERR_UPSTREAM_REPLAYED', where, { reason: 'message-id-seen' });
}
