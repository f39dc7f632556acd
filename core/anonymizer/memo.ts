/** A per-process memo for pure string functions (names repeat across a decision and across decisions). */
export function memo<T>(fn: (s: string) => T, max = 200_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const v = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, v);
    return v;
  };
}
