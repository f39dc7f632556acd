/** A bounded map with per-entry expiry: validated paths and revocation answers. */
export class ExpiringLru<K, V> {
  private readonly map = new Map<K, { value: V; expires: number }>();
  constructor(private readonly max: number) {}

  get(key: K, now: number): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.expires <= now) {
      this.map.delete(key);
      return undefined;
    }
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  set(key: K, value: V, expires: number): void {
    this.map.delete(key);
    this.map.set(key, { value, expires });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
