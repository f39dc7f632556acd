/**
 * One ajv instance for the documents people sign (STYLE.md rule 2): every violation at once,
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
    const long = overlong(schema, value, '');
    if (long.length > 0) {
      throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
        origin: 'client', message: `The ${what} does not match the contract: ${long.slice(0, 3).join('; ')}`, details: { violations: long.slice(0, MAX_VIOLATIONS), violationCount: long.length },
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
 * Arrays longer than their schema's maxItems, found before ajv checks each item: a list of
 * thousands of bad items would otherwise cost a violation (and CPU) per item.
 */
function overlong(schema: any, value: unknown, at: string): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  if (Array.isArray(value)) {
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return [`${at || '/'} must NOT have more than ${schema.maxItems} items`];
    return schema.items ? value.flatMap((v, i) => overlong(schema.items, v, `${at}/${i}`)) : [];
  }
  if (value === null || typeof value !== 'object' || !schema.properties) return [];
  return Object.entries(schema.properties as Record<string, unknown>)
    .flatMap(([k, s]) => (Object.hasOwn(value, k) ? overlong(s, (value as Record<string, unknown>)[k], `${at}/${k}`) : []));
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
