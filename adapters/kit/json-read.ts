/**
 * Reading a verified JSON answer in a pure REST mapper: each function returns the value when it has
 * the expected JSON type and throws otherwise (the engine turns the throw into
 * HUB_ERR_UPSTREAM_BAD_ANSWER). Messages name the place (a JSON Pointer, RFC 6901), never the value:
 * values are personal data. Formats (dates, patterns, enumerations) are the model schema's job.
 */
export type JsonObject = Record<string, unknown>;

function fail(at: string, expected: string): never {
  throw new TypeError(`answer: ${at || '/'} is not ${expected}`);
}

export function object(v: unknown, at: string): JsonObject {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(at, 'an object');
  return v as JsonObject;
}

export function array(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) fail(at, 'an array');
  return v;
}

export function string(v: unknown, at: string): string {
  if (typeof v !== 'string') fail(at, 'a string');
  return v;
}

export function integer(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(at, 'an integer');
  return v;
}

/** null stays null; anything else is read with `read`. */
export function nullable<T>(v: unknown, at: string, read: (v: unknown, at: string) => T): T | null {
  return v === null ? null : read(v, at);
}

/** Each element of the array at `at`, read with `read` at `<at>/<index>`. */
export function each<T>(v: unknown, at: string, read: (v: unknown, at: string) => T): T[] {
  return array(v, at).map((x, i) => read(x, `${at}/${i}`));
}

/** A code with its label, `{ code, label }`: registers send both. */
export function coded<C extends string = string>(v: unknown, at: string): { code: C; label: string } {
  const o = object(v, at);
  return { code: string(o.code, `${at}/code`) as C, label: string(o.label, `${at}/label`) };
}

/** An amount as a decimal string with its ISO 4217 currency, `{ amount: "12.50", currency: "AZN" }`. */
export function money<C extends string = string>(v: unknown, at: string): { amount: string; currency: C } {
  const o = object(v, at);
  return { amount: string(o.amount, `${at}/amount`), currency: string(o.currency, `${at}/currency`) as C };
}

/** The subject an answer names, `{ fin }` or `{ voen }` (exactly one). */
export function subject(v: unknown, at: string): { fin: string } | { voen: string } {
  const o = object(v, at);
  if ('fin' in o && !('voen' in o)) return { fin: string(o.fin, `${at}/fin`) };
  if ('voen' in o && !('fin' in o)) return { voen: string(o.voen, `${at}/voen`) };
  return fail(at, 'a subject with exactly one of fin and voen');
}
