/** A bounded memo: a world fact is computed once per identifier while it stays in the recent set. */
export function memo<K, V>(fn: (key: K) => V, max = 5000): (key: K) => V {
  const cache = new Map<K, V>();
  return (key: K): V => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = fn(key);
    if (cache.size >= max) cache.delete(cache.keys().next().value as K);
    cache.set(key, value);
    return value;
  };
}
