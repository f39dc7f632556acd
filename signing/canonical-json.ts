/**
 * RFC 8785 JSON Canonicalization Scheme: what a judge signs is the canonical form of the order,
 * so the same order always has the same bytes whatever produced it.
 * Keys sorted by UTF-16 code units (RFC 8785 §3.2.3), numbers in ECMAScript form (§3.2.2.3),
 * strings escaped as JSON.stringify does (§3.2.2.2), no whitespace. An object member whose value
 * is undefined is left out and an undefined array element is null, as JSON.stringify does.
 *
 * On the hot path of every lookup (the order, each audit record's hash, the evidence packet):
 * one string built in place, no intermediate arrays per object or array.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('RFC 8785: non-finite numbers cannot be canonicalized');
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          const v: unknown = value[i];
          out += v === undefined ? 'null' : canonicalJson(v);
        }
        return out + ']';
      }
      const obj = value as Record<string, unknown>;
      const keys = sortedKeys(obj);
      let out = '{';
      let first = true;
      for (const k of keys) {
        const v = obj[k];
        if (v === undefined) continue;
        out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
        first = false;
      }
      return out + '}';
    }
    default:
      throw new TypeError(`RFC 8785: cannot canonicalize a ${typeof value}`);
  }
}

/**
 * The object's own keys by UTF-16 code units, as §3.2.3 asks (the order of `<` on strings and of
 * the default sort). Records have a handful of keys: an insertion sort in place allocates nothing,
 * where the built-in sort copies the array into a work area for each object.
 */
function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 32) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > k; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = k;
  }
  return keys;
}
