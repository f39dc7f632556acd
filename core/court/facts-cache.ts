/**
 * The facts the lookup and identity policies read (roster entry, case with its parties, decision,
 * delegations), kept on this node with the facts generation they were read at
 * (store migrations/010). A stale entry costs one refused admission, never a wrong authorization:
 * the statement that admits a request applies only while the generation is still the one its
 * facts were read at. Concurrent first reads of one key share one query; bounded, cleared when full.
 */
export interface FactsCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  /** Drops every entry: the generation moved (one of them was found stale). */
  forget(): void;
}

export function factsCache<T>(max = 10_000): FactsCache<T> {
  const entries = new Map<string, Promise<T>>();
  return {
    get(key, load) {
      let p = entries.get(key);
      if (!p) {
        if (entries.size >= max) entries.clear();
        p = load();
        entries.set(key, p);
        const mine = p;
        // A failed read is not kept: the next request reads again.
        p.catch(() => { if (entries.get(key) === mine) entries.delete(key); });
      }
      return p;
    },
    forget: () => entries.clear(),
  };
}
