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
      // Default sort: by UTF-16 code units, as §3.2.3 asks.
      const keys = Object.keys(obj).sort();
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
