/**
 * The embedded hub's delivery loop: one process, no NATS. Every `pollMs` it takes the due events
 * (for each decision and agency only the first pending one: in order per decision) and delivers
 * up to `concurrency` at a time with the same deliverOne as a cluster's JetStream consumers. The
 * outbox table is the queue; a restart resumes from it (an event whose sending was cut off stays
 * pending and goes again after its lease).
 */
import { dueEvents, type DeliveryOutcome } from '../../core/outbox';
import type { Db } from '../../core/store';

export interface PollingDeliveryOptions {
  db: Db;
  deliver(eventId: string): Promise<DeliveryOutcome>;
  pollMs: number;
  concurrency: number;
  onError?(err: unknown): void;
}

export interface DeliveryLoop {
  /** Look for due events now instead of at the next tick. */
  kick(): void;
  stop(): Promise<void>;
}

export function startPollingDelivery(o: PollingDeliveryOptions): DeliveryLoop {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  async function round(): Promise<number> {
    const ids = await dueEvents(o.db, o.concurrency);
    await Promise.all(ids.map((id) => o.deliver(id).catch((err) => o.onError?.(err))));
    return ids.length;
  }

  function tick(): void {
    if (stopped) return;
    if (running) { again = true; return; }
    running = (async () => {
      try {
        // A full round may have more behind it (the next event of a decision just delivered): go on at once.
        while (!stopped && (await round()) > 0) { /* next round */ }
      } catch (err) {
        o.onError?.(err);
      }
    })().finally(() => {
      running = null;
      if (again) { again = false; tick(); }
    });
  }

  const timer = setInterval(tick, o.pollMs);
  timer.unref();
  tick();
  return {
    kick: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}
