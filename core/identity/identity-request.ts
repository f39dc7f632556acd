/**
 * A clerk's identity-verification request (statute 9.1.2): the clerk's own signed document,
 * naming the case, the party's FIN and what the party presented — names, birth date, document
 * number. Wire form `{ "request": {...}, "signature": "<base64 CMS>" }`. It has no `categories`:
 * a clerk can ask the population register (11.2.22) this one question and nothing else.
 */
import { CASE_NUMBER, FIN, ID, NONCE, TEXT, checker } from '../orders/schema-check';

export interface IdentityRequest {
  requestId: string;
  caseNumber: string;
  subject: { fin: string };
  surname: string;
  givenName: string;
  patronymic?: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** As printed on the document: series and number ("AA1234567") or the number alone. */
  documentNumber: string;
  issuedAt: string;
  expiresAt: string;
  nonce: string;
}

const name = { type: 'string', minLength: 1, maxLength: 200, pattern: TEXT } as const;

export const IDENTITY_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['requestId', 'caseNumber', 'subject', 'surname', 'givenName', 'birthDate', 'documentNumber', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    requestId: { type: 'string', pattern: ID },
    caseNumber: { type: 'string', maxLength: 64, pattern: CASE_NUMBER },
    subject: { type: 'object', additionalProperties: false, required: ['fin'], properties: { fin: { type: 'string', pattern: FIN } } },
    surname: name,
    givenName: name,
    patronymic: name,
    birthDate: { type: 'string', format: 'date' },
    documentNumber: { type: 'string', pattern: '^[A-Za-z]{0,3} ?[0-9]{7,9}$' },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    nonce: { type: 'string', pattern: NONCE },
  },
} as const;

export const parseIdentityRequest = checker<IdentityRequest>(IDENTITY_REQUEST_SCHEMA, 'identity-verification request');

/** The population-register category (11.2.22): the only one identity verification touches. */
export const IDENTITY_SECTION = '11.2.22';
