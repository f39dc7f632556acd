/** Schemas of the smaller signed requests: evidence retrieval, access report, operator changes. */
import type { Subject } from '../../contracts/hub';
import { SUBJECT_SCHEMA } from '../../contracts/hub/subject-schema';
import { CASE_NUMBER, FIN, ID, NONCE, TEXT, checker } from '../orders/schema-check';
import type { CaseInput, PersonInput } from './ports';

const WINDOW = {
  issuedAt: { type: 'string', format: 'date-time' },
  expiresAt: { type: 'string', format: 'date-time' },
  nonce: { type: 'string', pattern: NONCE },
} as const;
const WINDOW_REQUIRED = ['issuedAt', 'expiresAt', 'nonce'] as const;

export interface WindowFields { issuedAt: string; expiresAt: string; nonce: string }

export interface EvidenceRequest extends WindowFields { orderId: string }
export const EVIDENCE_REQUEST_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['orderId', ...WINDOW_REQUIRED],
  properties: { orderId: { type: 'string', format: 'uuid' }, ...WINDOW },
} as const;
export const parseEvidenceRequest = checker<EvidenceRequest>(EVIDENCE_REQUEST_SCHEMA, 'evidence request');

export interface AccessReportRequest extends WindowFields { subject: Subject }
export const ACCESS_REPORT_REQUEST_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['subject', ...WINDOW_REQUIRED],
  properties: { subject: SUBJECT_SCHEMA, ...WINDOW },
} as const;
export const parseAccessReportRequest = checker<AccessReportRequest>(ACCESS_REPORT_REQUEST_SCHEMA, 'access-report request');

const text = { type: 'string', minLength: 1, maxLength: 200, pattern: TEXT } as const;
const party = (id: 'fin' | 'voen', rule: object) => ({
  type: 'object', additionalProperties: false, required: [id, 'name', 'role'],
  properties: { [id]: rule, name: text, role: { enum: ['plaintiff', 'defendant', 'third-party', 'accused', 'victim'] } },
});

export interface CaseDocument extends WindowFields { case: CaseInput }
export const CASE_DOCUMENT_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['case', ...WINDOW_REQUIRED],
  properties: {
    case: {
      type: 'object', additionalProperties: false, required: ['number', 'courtId', 'kind', 'status', 'judgeFin', 'parties'],
      properties: {
        number: { type: 'string', maxLength: 64, pattern: CASE_NUMBER },
        courtId: { type: 'string', pattern: '^[A-Z0-9-]{2,64}$' },
        kind: { enum: ['civil', 'commercial', 'administrative', 'criminal'] },
        status: { enum: ['open', 'closed'] },
        judgeFin: { anyOf: [{ type: 'null' }, { type: 'string', pattern: FIN }] },
        parties: {
          type: 'array', maxItems: 200,
          // A party is named by FIN or by VÖEN, never both.
          items: { oneOf: [party('fin', { type: 'string', pattern: FIN }), party('voen', { type: 'string', pattern: '^[0-9]{10}$' })] },
        },
      },
    },
    ...WINDOW,
  },
} as const;
export const parseCaseDocument = checker<CaseDocument>(CASE_DOCUMENT_SCHEMA, 'case document');

export interface RosterDocument extends WindowFields { persons: PersonInput[] }
export const ROSTER_DOCUMENT_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['persons', ...WINDOW_REQUIRED],
  properties: {
    persons: {
      type: 'array', minItems: 1, maxItems: 500,
      items: {
        type: 'object', additionalProperties: false, required: ['fin', 'surname', 'givenName', 'role', 'courtId', 'active'],
        properties: {
          fin: { type: 'string', pattern: FIN }, surname: text, givenName: text, patronymic: { type: 'string', maxLength: 200, pattern: TEXT },
          role: { enum: ['judge', 'staff', 'operator'] },
          courtId: { anyOf: [{ type: 'null' }, { type: 'string', pattern: '^[A-Z0-9-]{2,64}$' }] },
          active: { type: 'boolean' },
        },
      },
    },
    ...WINDOW,
  },
} as const;
export const parseRosterDocument = checker<RosterDocument>(ROSTER_DOCUMENT_SCHEMA, 'roster document');

export { ID };
