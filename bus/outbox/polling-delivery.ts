/**
 * The embedded hub's delivery loop: one process, no NATS. It takes the due events (for each
 * decision and agency only the first pending one: in order per decision) and delivers up to
 * `concurrency` at a time with the same deliverOne as a cluster's JetStream consumers. It looks
 * when told (kick: a new event's notification), when a delivery ends, when a retry falls due, and
 * every `pollMs` in any case. The outbox table is the queue; a restart resumes from it (an event
 * whose sending was cut off stays pending and goes again after its lease).
 */
import { dueEvents, type DeliveryOutcome } from '../../core/outbox';
import type { Db } from '../../core/store';

/** A retry is looked for this long after it falls due (its row's time and this clock may differ a little). */
const DUE_SLACK_MS = 5;

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
  let looking: Promise<void> | null = null;
  let again = false;
  // Events being delivered by this process: never taken twice, and the pool is refilled as each ends.
  const inflight = new Map<string, Promise<void>>();
  // The next look a retry asked for (only the earliest is kept: each look reschedules what is left).
  let wake: { at: number; timer: NodeJS.Timeout } | undefined;
  const wakeIn = (ms: number) => {
    const at = Date.now() + ms + DUE_SLACK_MS;
    if (stopped || (wake && wake.at <= at)) return;
    if (wake) clearTimeout(wake.timer);
    const timer = setTimeout(() => { wake = undefined; tick(); }, at - Date.now());
    timer.unref();
    wake = { at, timer };
  };

  async function look(): Promise<void> {
    const free = o.concurrency - inflight.size;
    if (free <= 0) return;
    // Ask for more than free: some of the first ones may already be ours.
    const ids = await dueEvents(o.db, o.concurrency + free);
    for (const id of ids) {
      if (inflight.size >= o.concurrency || stopped) break;
      if (inflight.has(id)) continue;
      const p = o.deliver(id).then((r) => {
        if (r.kind === 'retry' || r.kind === 'wait') wakeIn(r.retryInMs);
      }, (err) => o.onError?.(err)).finally(() => {
        inflight.delete(id);
        // One ended: the next event of its decision may be due now, and there is room.
        tick();
      });
      inflight.set(id, p);
    }
  }

  function tick(): void {
    if (stopped) return;
    if (looking) { again = true; return; }
    looking = look().catch((err) => o.onError?.(err)).finally(() => {
      looking = null;
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
      if (wake) clearTimeout(wake.timer);
      if (looking) await looking;
      await Promise.allSettled([...inflight.values()]);
    },
  };
}
