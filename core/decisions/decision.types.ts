/**
 * A court decision as the judge signs it (statute 6.1.22, 12.6: every decision is confirmed with
 * the judge's qualified signature) and its entry into legal force, a second signed act. Both
 * travel in the signed-document wire form `{ "decision" | "inForce": {...}, "signature": "<base64 CMS>" }`:
 * a detached CMS (CAdES-BES) over the RFC 8785 canonical form, exactly as lookup orders.
 */
import { CASE_NUMBER, FIN, ID, MULTILINE_TEXT, NONCE, TEXT, checker } from '../orders/schema-check';

/**
 * The kinds of 001's decisions table, with the procedural names they stand for:
 * judgment = qətnamə, sentence = hökm, ruling = qərardad, order = əmr, decision = qərar.
 */
export const DECISION_KINDS = ['judgment', 'sentence', 'ruling', 'order', 'decision'] as const;
export type DecisionKindName = (typeof DECISION_KINDS)[number];

export const PARTY_ROLES = ['plaintiff', 'defendant', 'third-party', 'accused', 'victim'] as const;

export interface DecisionParty {
  role: (typeof PARTY_ROLES)[number];
  fin?: string;
  voen?: string;
  name: string;
}

/** What one agency must do (arrest-accounts, travel-ban, encumbrance …) and about which parties. */
export interface Addressee {
  agencyId: string;
  actions: string[];
  /** FINs / VÖENs of the parties the actions concern; the agency sees only these parties. */
  subjects: string[];
}

export interface DecisionDocument {
  decisionId: string;
  caseNumber: string;
  courtId: string;
  kind: DecisionKindName;
  adoptedAt: string;
  judgeFin: string;
  parties: DecisionParty[];
  /** The operative part (resolutive part) as adopted. */
  operativePart: string;
  /** SHA-256 (hex) of the full text of the decision, kept in the base of final decisions (4.2.4). */
  textSha256: string;
  /** 6.1.19: the decision goes to the enforcement service once in force. */
  toEnforce: boolean;
  addressees: Addressee[];
  issuedAt: string;
  expiresAt: string;
  nonce: string;
}

/** The act of entry into legal force, bound to the exact decision by the digest of its signature. */
export interface InForceDocument {
  decisionId: string;
  caseNumber: string;
  legalForceAt: string;
  /** SHA-256 (hex) of the DER of the judge's signature over the decision. */
  decisionSignatureSha256: string;
  issuedAt: string;
  expiresAt: string;
  nonce: string;
}

const HEX64 = '^[0-9a-f]{64}$';
export const AGENCY_ID = '^[a-z][a-z0-9-]{1,39}$';
export const ACTION = '^[a-z][a-z-]{1,39}$';
const SUBJECT_ID = '^([0-9A-Z]{7}|[0-9]{10})$';

export const DECISION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['decisionId', 'caseNumber', 'courtId', 'kind', 'adoptedAt', 'judgeFin', 'parties', 'operativePart', 'textSha256', 'toEnforce', 'addressees', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    decisionId: { type: 'string', pattern: ID },
    caseNumber: { type: 'string', maxLength: 64, pattern: CASE_NUMBER },
    courtId: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Z0-9-]+$' },
    kind: { enum: DECISION_KINDS },
    adoptedAt: { type: 'string', format: 'date-time' },
    judgeFin: { type: 'string', pattern: FIN },
    parties: {
      type: 'array', minItems: 1, maxItems: 50,
      items: {
        oneOf: [
          { type: 'object', additionalProperties: false, required: ['role', 'fin', 'name'], properties: { role: { enum: PARTY_ROLES }, fin: { type: 'string', pattern: FIN }, name: { type: 'string', minLength: 1, maxLength: 300, pattern: TEXT } } },
          { type: 'object', additionalProperties: false, required: ['role', 'voen', 'name'], properties: { role: { enum: PARTY_ROLES }, voen: { type: 'string', pattern: '^[0-9]{10}$' }, name: { type: 'string', minLength: 1, maxLength: 300, pattern: TEXT } } },
        ],
      },
    },
    operativePart: { type: 'string', minLength: 1, maxLength: 20000, pattern: MULTILINE_TEXT },
    textSha256: { type: 'string', pattern: HEX64 },
    toEnforce: { type: 'boolean' },
    addressees: {
      type: 'array', maxItems: 20,
      items: {
        type: 'object', additionalProperties: false, required: ['agencyId', 'actions', 'subjects'],
        properties: {
          agencyId: { type: 'string', pattern: AGENCY_ID },
          actions: { type: 'array', minItems: 1, maxItems: 10, uniqueItems: true, items: { type: 'string', pattern: ACTION } },
          subjects: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: SUBJECT_ID } },
        },
      },
    },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    nonce: { type: 'string', pattern: NONCE },
  },
} as const;

export const IN_FORCE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['decisionId', 'caseNumber', 'legalForceAt', 'decisionSignatureSha256', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    decisionId: { type: 'string', pattern: ID },
    caseNumber: { type: 'string', maxLength: 64, pattern: CASE_NUMBER },
    legalForceAt: { type: 'string', format: 'date-time' },
    decisionSignatureSha256: { type: 'string', pattern: HEX64 },
    issuedAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: 'string', format: 'date-time' },
    nonce: { type: 'string', pattern: NONCE },
  },
} as const;

export const parseDecision = checker<DecisionDocument>(DECISION_SCHEMA, 'decision');
export const parseInForce = checker<InForceDocument>(IN_FORCE_SCHEMA, 'act of entry into legal force');

/** The identifier of a party (FIN or VÖEN). */
export const partyId = (p: { fin?: string; voen?: string }): string => (p.fin ?? p.voen) as string;
