/**
 * A per-client token bucket for the public endpoints (statute 6.1.21: anyone may search, no one
 * may exhaust the hub): `limit` requests per `windowMs`, refilled continuously. The client is the
 * TCP peer's address — a forwarding header is the client's own claim and is not trusted here.
 * The table is bounded: past `maxClients` the least recently seen client is forgotten.
 */
import type { IncomingMessage } from 'node:http';
import { HubError } from '../contracts/hub';

export interface RateLimiter {
  /** Takes one token for this client; throws HUB_ERR_RATE_LIMITED (429, Retry-After) when none is left. */
  take(req: IncomingMessage): void;
}

export function createRateLimiter(opts: { limit: number; windowMs: number; maxClients?: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const maxClients = opts.maxClients ?? 10_000;
  const perMs = opts.limit / opts.windowMs;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(req) {
      if (opts.limit <= 0) return;
      const client = req.socket.remoteAddress ?? 'unknown';
      const t = now();
      const b = buckets.get(client) ?? { tokens: opts.limit, at: t };
      buckets.delete(client);
      b.tokens = Math.min(opts.limit, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.set(client, b);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens < 1) {
        const retryAfterMs = Math.ceil((1 - b.tokens) / perMs);
        throw new HubError('HUB_ERR_RATE_LIMITED', { origin: 'client', details: { retryAfterMs } });
      }
      b.tokens -= 1;
    },
  };
}
