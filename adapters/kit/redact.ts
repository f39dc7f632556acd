/**
 * Central redaction of personal data (docs/conventions.md §7): every operation declares its personal-data
 * fields; anything an adapter logs goes through here. The subject identifiers are always redacted.
 */
const ALWAYS = ['subject', 'fin', 'voen', 'userId'];
export const REDACTED = '[redacted]';

export function redactor(fields: readonly string[]): (value: unknown) => unknown {
  const keys = new Set([...ALWAYS, ...fields]);
  const walk = (v: unknown, depth: number): unknown => {
    if (depth > 16 || v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = keys.has(k) ? REDACTED : walk(x, depth + 1);
    return out;
  };
  return (value) => walk(value, 0);
}
