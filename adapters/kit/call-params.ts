/**
 * Validation of what core sends to an adapter action (AdapterCallParams), with ajv — the one
 * validation engine (docs/conventions.md §2). Moleculer's own `params` validator is not used: it throws its
 * own ValidationError, and every failure here must be a HubError. Violations name the field and
 * rule, never the value (a FIN is personal data).
 */
import Ajv from 'ajv';
import { HubError, SUBJECT_SCHEMA, subjectKind, type AdapterCallParams } from '../../contracts/hub';
import type { CategoryEntry } from '../../registry/types';
import type { AdapterDescriptor } from './descriptor';

/** Printable ASCII only: these travel in X-Road headers (HTTP field values, RFC 9110 §5.5) and in XML. */
const HEADER_TEXT = '^[\\x20-\\x7E]+$';

export const ADAPTER_CALL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['section', 'subject', 'caseNumber', 'userId', 'deadline'],
  properties: {
    section: { type: 'string', pattern: '^11\\.2\\.[0-9]{1,2}$' },
    subject: SUBJECT_SCHEMA,
    caseNumber: { type: 'string', minLength: 1, maxLength: 100, pattern: HEADER_TEXT },
    userId: { type: 'string', minLength: 1, maxLength: 100, pattern: HEADER_TEXT },
    // No message id from the caller: the kit makes one per message (service-factory.ts).
    deadline: { type: 'integer', minimum: 0 },
  },
} as const;

const ajv = new Ajv({ allErrors: true, strict: true });
const check = ajv.compile(ADAPTER_CALL_SCHEMA);

export interface ValidatedCall {
  params: AdapterCallParams;
  category: CategoryEntry;
}

/**
 * Checks the params, then that the section is one this adapter operation serves and that the subject
 * kind is one the registry can be asked about.
 */
export function validateCall(raw: unknown, d: AdapterDescriptor, operation: string, categories: readonly CategoryEntry[]): ValidatedCall {
  if (!check(raw)) {
    const violations = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
    throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', details: { provider: d.provider, operation, violations } });
  }
  const params = raw as unknown as AdapterCallParams;
  const category = categories.find((c) => c.section === params.section && c.provider === d.provider && c.operation === operation);
  if (!category) {
    throw new HubError('HUB_ERR_VALIDATION_UNKNOWN_CATEGORY', { origin: 'client', details: { provider: d.provider, operation, section: params.section } });
  }
  const op = d.operations.find((o) => o.name === operation)!;
  const kind = subjectKind(params.subject);
  if (!op.subjects.includes(kind) || !category.subjects.includes(kind)) {
    throw new HubError('HUB_ERR_VALIDATION_SUBJECT_KIND', { origin: 'client', details: { provider: d.provider, operation, subjectKind: kind } });
  }
  return { params, category };
}
