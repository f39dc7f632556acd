/** JSON Schema of the lookup order (docs/security-model.md §3); contracts/hub/openapi.yaml documents the same. */
import { SUBJECT_SCHEMA } from '../../contracts/hub/subject-schema';
import type { LookupOrder } from './order.types';
import { CASE_NUMBER, MULTILINE_TEXT, NONCE, checker } from './schema-check';

export const ORDER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['orderId', 'caseNumber', 'subject', 'categories', 'basis', 'purpose', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    orderId: { type: 'string', format: 'uuid' },
    caseNumber: { type: 'string', maxLength: 64, pattern: CASE_NUMBER },
    subject: SUBJECT_SCHEMA,
    categories: { type: 'array', minItems: 1, maxItems: 26, uniqueItems: true, items: { type: 'string', pattern: '^11\\.2\\.\\d{1,2}$' } },
    basis: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { const: 'request' } } },
        { type: 'object', additionalProperties: false, required: ['kind', 'decisionId'], properties: { kind: { const: 'decision' }, decisionId: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._:/()-]+$' } } },
      ],
    },
    purpose: { type: 'string', minLength: 1, maxLength: 1000, pattern: MULTILINE_TEXT },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    nonce: { type: 'string', pattern: NONCE },
  },
} as const;

export const parseOrder = checker<LookupOrder>(ORDER_SCHEMA, 'lookup order');
