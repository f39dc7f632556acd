/**
 * RFC 8785 JSON Canonicalization Scheme: what a judge signs is the canonical form of the order,
 * so the same order always has the same bytes whatever produced it.
 * Keys sorted by UTF-16 code units (RFC 8785 §3.2.3), numbers in ECMAScript form (§3.2.2.3),
 * strings escaped as JSON.stringify does (§3.2.2.2), no whitespace.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('RFC 8785: non-finite numbers cannot be canonicalized');
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v === undefined ? null : v)).join(',') + ']';
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}';
  }
  throw new TypeError(`RFC 8785: cannot canonicalize a ${typeof value}`);
}
