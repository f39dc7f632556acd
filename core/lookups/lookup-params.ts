import Ajv from 'ajv';
import { HubError, Subject } from '../../contracts/hub';
import { SUBJECT_SCHEMA } from '../../contracts/hub/subject-schema';

/** Params of `lookups.run`: what an authorized order asks of the registries. */
export interface LookupParams {
  subject: Subject;
  /** §11.2 sections, e.g. ["11.2.22", "11.2.3"]; each at most once. */
  categories: string[];
  caseNumber: string;
  /** The requesting judge or clerk, sent upstream as X-Road userId. */
  requesterId: string;
  /** Epoch ms; absent: now + the configured default. */
  deadline?: number;
  /** Scatter-gather sections only: the institutions to ask, per section (a follow-up order's list). */
  institutions?: Record<string, string[]>;
}

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['subject', 'categories', 'caseNumber', 'requesterId'],
  properties: {
    subject: SUBJECT_SCHEMA,
    categories: { type: 'array', minItems: 1, maxItems: 26, uniqueItems: true, items: { type: 'string', pattern: '^11\\.2\\.\\d{1,2}$' } },
    caseNumber: { type: 'string', minLength: 3, maxLength: 64, pattern: '^[0-9A-Za-z()\\-/.]+$' },
    requesterId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' },
    deadline: { type: 'integer', minimum: 0 },
    institutions: {
      type: 'object', maxProperties: 2, propertyNames: { pattern: '^11\\.2\\.\\d{1,2}$' },
      additionalProperties: { type: 'array', minItems: 1, maxItems: 1000, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9-]{1,40}$' } },
    },
  },
} as const;

const check = new Ajv({ allErrors: true }).compile(schema);

export function parseLookupParams(params: unknown): LookupParams {
  if (!check(params)) {
    // Violations name the field and the rule, never the value (it may be a personal code).
    const violations = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', details: { violations } });
  }
  return params as unknown as LookupParams;
}
