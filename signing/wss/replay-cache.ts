/**
 * Replay defence (docs/conventions.md, XML signature rule 6): an X-Road message id (xrd:id) is accepted once while its
 * Timestamp could still pass the freshness check; after that the Timestamp check refuses it anyway.
 */
export interface ReplayCache {
  /** Remembers `id` for `ttlMs`; false when it was already seen and has not expired. */
  checkAndRemember(id: string, ttlMs: number, nowMs: number): boolean;
}

/** What remember() found: a first use, an id seen and not expired, or no room for one more. */
export type RememberResult = 'first' | 'seen' | 'full';

/** Compacting the queue's consumed head is worth a copy only past this many dead slots. */
const COMPACT_AFTER = 4096;

/**
 * In-process cache. A hub with several nodes needs a shared one (same interface).
 *
 * Ids are kept in arrival order beside the map, so expired ones leave from the front as new ones
 * come: the cost per call stays constant however many ids are remembered, and an id's memory is
 * given back once its time is over (a cache that only swept when full would scan every entry on
 * every call once full). Expiry times are kept as milliseconds from the first call, small integers
 * the engine stores without a heap object each.
 */
export class MemoryReplayCache implements ReplayCache {
  private readonly expiries = new Map<string, number>();
  private readonly queueIds: string[] = [];
  private readonly queueExp: number[] = [];
  private head = 0;
  private base: number | undefined;
  /** After a full sweep that freed nothing: no other sweep before this time (relative ms). */
  private noSweepBefore = -Infinity;

  constructor(private readonly maxEntries = 1_000_000) {}

  checkAndRemember(id: string, ttlMs: number, nowMs: number): boolean {
    // Full counts as seen: evicting a live entry would reopen its replay window (fail closed).
    return this.remember(id, ttlMs, nowMs) === 'first';
  }

  remember(id: string, ttlMs: number, nowMs: number): RememberResult {
    this.base ??= nowMs;
    const now = nowMs - this.base;
    this.expireFront(now);
    const exp = this.expiries.get(id);
    if (exp !== undefined && exp > now) return 'seen';
    if (exp !== undefined) this.expiries.delete(id);
    if (this.expiries.size >= this.maxEntries) this.sweep(now);
    if (this.expiries.size >= this.maxEntries) return 'full';
    const until = now + Math.max(ttlMs, 1);
    this.expiries.set(id, until);
    this.queueIds.push(id);
    this.queueExp.push(until);
    return 'first';
  }

  get size(): number { return this.expiries.size; }

  /** Drops the ids at the front of the arrival order whose time is over. */
  private expireFront(now: number): void {
    while (this.head < this.queueIds.length && this.queueExp[this.head] <= now) {
      const id = this.queueIds[this.head];
      // The map may hold a later entry for the same id (re-remembered after expiry): keep that one.
      if (this.expiries.get(id) === this.queueExp[this.head]) this.expiries.delete(id);
      this.head++;
    }
    if (this.head > COMPACT_AFTER && this.head * 2 > this.queueIds.length) {
      this.queueIds.splice(0, this.head);
      this.queueExp.splice(0, this.head);
      this.head = 0;
    }
  }

  /**
   * TTLs differ per call, so an expired id can wait behind a longer-lived one at the front: when
   * full, look at every entry once; if none could go, not again before the first one expires.
   */
  private sweep(now: number): void {
    if (now < this.noSweepBefore) return;
    let earliest = Infinity;
    for (const [id, exp] of this.expiries) {
      if (exp <= now) this.expiries.delete(id);
      else if (exp < earliest) earliest = exp;
    }
    this.noSweepBefore = this.expiries.size >= this.maxEntries ? earliest : -Infinity;
  }
}
