/**
 * Replay defence (docs/conventions.md, XML signature rule 6): an X-Road message id (xrd:id) is accepted once while its
 * Timestamp could still pass the freshness check; after that the Timestamp check refuses it anyway.
 */
export interface ReplayCache {
  /** Remembers `id` for `ttlMs`; false when it was already seen and has not expired. */
  checkAndRemember(id: string, ttlMs: number, nowMs: number): boolean;
}

/** In-process cache. A hub with several nodes needs a shared one (same interface). */
export class MemoryReplayCache implements ReplayCache {
  private readonly expiries = new Map<string, number>();
  constructor(private readonly maxEntries = 200_000) {}

  checkAndRemember(id: string, ttlMs: number, nowMs: number): boolean {
    const exp = this.expiries.get(id);
    if (exp !== undefined && exp > nowMs) return false;
    if (exp !== undefined) this.expiries.delete(id);
    if (this.expiries.size >= this.maxEntries) this.purge(nowMs);
    // Fail closed: evicting a live entry would reopen its replay window.
    if (this.expiries.size >= this.maxEntries) return false;
    this.expiries.set(id, nowMs + ttlMs);
    return true;
  }

  get size(): number { return this.expiries.size; }

  private purge(nowMs: number): void {
    for (const [id, exp] of this.expiries) if (exp <= nowMs) this.expiries.delete(id);
  }
}
