/**
 * A judge-signed delegation (statute 9.1.2, 6.1.9): for one case, the named court staff may
 * verify a party's identity in real time between validFrom and validUntil — and nothing more.
 * Sent in the signed-document wire form `{ "delegation": {...}, "signature": "<base64 CMS>" }`.
 */
import { CASE_NUMBER, FIN, ID, NONCE, checker } from '../orders/schema-check';

export interface DelegationDocument {
  delegationId: string;
  caseNumber: string;
  /** FINs of the court staff members the judge delegates to. */
  staffFins: string[];
  validFrom: string;
  validUntil: string;
  /** The signed-request window and nonce, as for every signed document. */
  issuedAt: string;
  expiresAt: string;
  nonce: string;
}

export const DELEGATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['delegationId', 'caseNumber', 'staffFins', 'validFrom', 'validUntil', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    delegationId: { type: 'string', pattern: ID },
    caseNumber: { type: 'string', maxLength: 64, pattern: CASE_NUMBER },
    staffFins: { type: 'array', minItems: 1, maxItems: 20, uniqueItems: true, items: { type: 'string', pattern: FIN } },
    validFrom: { type: 'string', format: 'date-time' },
    validUntil: { type: 'string', format: 'date-time' },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    nonce: { type: 'string', pattern: NONCE },
  },
} as const;

export const parseDelegation = checker<DelegationDocument>(DELEGATION_SCHEMA, 'delegation');

/** A delegation as the store keeps it (core/store/repositories/delegations.ts). */
export interface DelegationView {
  id: string;
  caseNumber: string;
  judgeFin: string;
  staffFins: string[];
  validFrom: Date;
  validUntil: Date;
  revokedAt: Date | null;
}

/** A delegation is a standing power for a proceeding, yet bounded: at most 180 days. */
export const MAX_DELEGATION_MS = 180 * 86_400_000;
