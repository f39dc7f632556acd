/**
 * One ajv instance for the documents people sign (STYLE.md rule 2): every violation at once,
 * named by field and rule, never by value (the documents hold FINs and names).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { HubError } from '../../contracts/hub';

export const ajv = addFormats(new Ajv({ allErrors: true, strict: true }), ['date-time', 'date', 'uuid']);

export function checker<T>(schema: object, what: string): (value: unknown) => T {
  const check: ValidateFunction = ajv.compile(schema);
  return (value) => {
    if (!check(value)) {
      const violations = (check.errors ?? []).map((e) => {
        const where = e.instancePath || '/';
        const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
        return `${where} ${e.message ?? 'is invalid'}${extra}`;
      });
      throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
        origin: 'client',
        message: `The ${what} does not match the contract: ${violations.join('; ')}`,
        details: { violations },
      });
    }
    return value as T;
  };
}

/** Case numbers as courts write them: `2(101)-1234/2026`, `2-1(103)-455/2026`. */
export const CASE_NUMBER = '^\\d+(-\\d+)?\\(\\d+\\)-\\d+\\/\\d{4}$';
export const FIN = '^[0-9A-Z]{7}$';
/** 128 bits or more of randomness, base64url or hex. */
export const NONCE = '^[A-Za-z0-9_-]{16,128}$';
export const ID = '^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$';
