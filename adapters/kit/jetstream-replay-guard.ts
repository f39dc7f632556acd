/**
 * The replay cache shared by every adapter node of a cluster: a NATS JetStream key-value bucket
 * whose entries expire after the replay window (the bucket's max age). Consuming an id is one
 * atomic write "only if this key has no value yet" (JetStream's expected-last-subject-sequence 0):
 * two nodes racing on the same id cannot both win. Anything else than "already there" (NATS down,
 * no JetStream, a timeout) rejects, and the kit refuses the answer (fail closed).
 *
 * The bucket keeps the max age it was created with; after changing the window, delete the bucket
 * (`nats kv rm court-hub-replay`) so the next node creates it anew.
 */
import { connect, type KV, type NatsConnection } from 'nats';
import { HubError } from '../../contracts/hub';
import { REPLAY_WINDOW_MS, type ReplayGuard } from './replay-guard';

export interface JetStreamReplayOptions {
  /** nats://host:port (the bus's TRANSPORTER). */
  url: string;
  /** Default court-hub-replay. */
  bucket?: string;
  /** Max age of an entry (default REPLAY_WINDOW_MS). */
  ttlMs?: number;
  /** Bound of the first connection and of each write, ms (default 5000). */
  timeoutMs?: number;
}

/** JetStream's API error "wrong last sequence": the key already has a value. */
const WRONG_LAST_SEQUENCE = 10071;
const EMPTY = new Uint8Array(0);

/** True when the bucket's stream no longer exists on a server that answers. */
async function bucketMissing(store: KV): Promise<boolean> {
  try {
    await store.status();
    return false;
  } catch (err) {
    return /stream not found/i.test((err as Error)?.message ?? '');
  }
}

export function jetStreamReplayGuard(o: JetStreamReplayOptions): ReplayGuard {
  const bucket = o.bucket ?? 'court-hub-replay';
  const timeout = o.timeoutMs ?? 5000;
  let nc: NatsConnection | undefined;
  let opening: Promise<KV> | undefined;

  async function openKv(): Promise<KV> {
    // One connection for the life of the guard (it reconnects by itself); a bucket made again reuses it.
    if (!nc) {
      try {
        // noAsyncTraces: nats.js otherwise captures a stack (new Error()) for every request, i.e.
        // every answer's write here, only to decorate a timeout; our errors carry their own context.
        nc = await connect({ servers: o.url, timeout, maxReconnectAttempts: -1, reconnectTimeWait: 500, name: 'court-hub replay cache', noAsyncTraces: true });
      } catch (err) {
        throw new HubError('HUB_ERR_TRANSPORT_UNREACHABLE', { message: `The replay cache could not reach NATS at ${o.url}`, details: { bucket }, cause: err });
      }
    }
    try {
      return await nc.jetstream({ timeout }).views.kv(bucket, { ttl: o.ttlMs ?? REPLAY_WINDOW_MS, history: 1, timeout });
    } catch (err) {
      await nc.close().catch(() => undefined);
      nc = undefined;
      throw new HubError('HUB_ERR_CONFIG_INVALID', {
        message: `The replay cache needs NATS JetStream at ${o.url} (start nats-server with -js): ${(err as Error).message}`,
        details: { bucket }, cause: err,
      });
    }
  }

  const kv = (): Promise<KV> => {
    if (!opening) {
      opening = openKv();
      opening.catch(() => { opening = undefined; }); // a failed start may be retried
    }
    return opening;
  };

  return {
    open: async () => { await kv(); },
    async firstUse(key) {
      for (let attempt = 1; ; attempt++) {
        const store = await kv();
        try {
          await store.put(key, EMPTY, { previousSeq: 0 });
          return true;
        } catch (err) {
          if ((err as { api_error?: { err_code?: number } })?.api_error?.err_code === WRONG_LAST_SEQUENCE) return false;
          // The bucket itself may be gone (a NATS server that came back without its store): make it
          // again once. Ids it held are lost with it, but each answer is still bound to its own
          // request by the signed id and request hash, so nothing accepted twice can follow from it.
          if (attempt > 1 || !(await bucketMissing(store))) throw err;
          opening = undefined;
        }
      }
    },
    async close() {
      const c = nc;
      nc = undefined;
      opening = undefined;
      if (c) await c.drain().catch(() => c.close());
    },
  };
}
