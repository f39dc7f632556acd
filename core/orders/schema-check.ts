/**
 * One ajv instance for the documents people sign (docs/conventions.md §2): every violation at once,
 * named by field and rule, never by value (the documents hold FINs and names).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { HubError } from '../../contracts/hub';

export const ajv = addFormats(new Ajv({ allErrors: true, strict: true }), ['date-time', 'date', 'uuid']);

/** The first violations a caller is told (with the total); a hostile document can break thousands of rules at once. */
export const MAX_VIOLATIONS = 50;

export function checker<T>(schema: object, what: string): (value: unknown) => T {
  const check: ValidateFunction = ajv.compile(schema);
  return (value) => {
    const f = flood(schema, value);
    if (f) {
      const more = f.count > 3 ? ` (and ${f.count - 3} more)` : '';
      throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
        origin: 'client', message: `The ${what} does not match the contract: ${f.violations.slice(0, 3).join('; ')}${more}`,
        details: { violations: f.violations.slice(0, MAX_VIOLATIONS), violationCount: f.count },
      });
    }
    if (!check(value)) {
      const errors = check.errors ?? [];
      const violations = errors.slice(0, MAX_VIOLATIONS).map(describe);
      const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
      throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
        origin: 'client',
        message: `The ${what} does not match the contract: ${violations.slice(0, 3).join('; ')}${more}`,
        details: { violations, violationCount: errors.length },
      });
    }
    return value as T;
  };
}

/**
 * A cheap walk of the document along its schema before ajv: arrays longer than their maxItems
 * and members the schema does not allow. ajv reports each item and each unknown member of a
 * flood one by one (a few µs apiece, tens of thousands in a body within the size limit), so a
 * flood is refused here with its count instead.
 */
interface Flood { tooLong: string[]; unknown: string[]; unknownCount: number }

function walk(schema: any, value: unknown, at: string, f: Flood): void {
  if (schema === null || typeof schema !== 'object') return;
  const branches = (schema.oneOf ?? schema.anyOf) as any[] | undefined;
  if (branches && !schema.properties && !schema.items) {
    // A member is unknown only if no branch names it (SUBJECT_SCHEMA: fin or voen).
    const merged = { properties: Object.assign({}, ...branches.map((b) => b?.properties ?? {})), additionalProperties: branches.every((b) => b?.additionalProperties === false) ? false : undefined };
    walk(merged, value, at, f);
    return;
  }
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) { f.tooLong.push(`${at || '/'} must NOT have more than ${schema.maxItems} items`); return; }
    if (schema.items) value.forEach((v, i) => walk(schema.items, v, `${at}/${i}`, f));
    return;
  }
  if (value === null || typeof value !== 'object' || !schema.properties) return;
  for (const [k, v] of Object.entries(value)) {
    if (Object.hasOwn(schema.properties, k)) walk(schema.properties[k], v, `${at}/${k}`, f);
    else if (schema.additionalProperties === false && f.unknownCount++ < MAX_VIOLATIONS) f.unknown.push(`${at || '/'} must not have the property ${quoteName(k)}`);
  }
}

function flood(schema: object, value: unknown): { violations: string[]; count: number } | null {
  const f: Flood = { tooLong: [], unknown: [], unknownCount: 0 };
  walk(schema, value, '', f);
  if (f.tooLong.length > 0) return { violations: f.tooLong, count: f.tooLong.length };
  if (f.unknownCount > MAX_VIOLATIONS) return { violations: f.unknown, count: f.unknownCount };
  return null;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath || '/';
  if (e.keyword === 'additionalProperties') return `${where} must not have the property ${quoteName(String((e.params as { additionalProperty?: string }).additionalProperty))}`;
  if (e.keyword === 'pattern' && TEXT_PATTERNS.has(String((e.params as { pattern?: string }).pattern))) return `${where} must not contain control characters (such as NUL) or unpaired surrogates`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/**
 * A name the client chose (an unknown property), as it may be echoed back: at most 32
 * characters, quoted, everything outside printable ASCII escaped as \uXXXX.
 */
export function quoteName(name: string): string {
  const escape = (t: string) => t.replace(/[^\x20-\x7e]|["\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return name.length > 32 ? `"${escape(name.slice(0, 32))}"…` : `"${escape(name)}"`;
}

/**
 * Text a person typed (names, a purpose): no control characters — PostgreSQL cannot store NUL in
 * text (SQLSTATE 22021) — and no unpaired UTF-16 surrogates, which UTF-8 cannot carry, so the
 * stored text would differ from the signed one. MULTILINE_TEXT also allows tab, LF and CR.
 */
export const TEXT = '^[^\\p{Cc}\\p{Cs}]*$';
export const MULTILINE_TEXT = '^[^\\p{Cs}\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$';
const TEXT_PATTERNS = new Set([TEXT, MULTILINE_TEXT]);

/** Case numbers as courts write them: `2(101)-1234/2026`, `2-1(103)-455/2026`. */
export const CASE_NUMBER = '^\\d+(-\\d+)?\\(\\d+\\)-\\d+\\/\\d{4}$';
export const FIN = '^[0-9A-Z]{7}$';
/** 128 bits or more of randomness, base64url or hex. */
export const NONCE = '^[A-Za-z0-9_-]{16,128}$';
export const ID = '^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$';
