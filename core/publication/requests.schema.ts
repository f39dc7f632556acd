/**
 * The signed requests of the publication pipeline (statute 12.6), each in the wire form
 * `{ "<key>": {...}, "signature": "<base64 CMS>" }` like every signed document of the hub:
 * - `draft`: the decision's full text (bound by the textSha256 the judge signed), from which the draft is made;
 * - `review`: look at a decision's draft and add or undo replacements;
 * - `approval`: approve the draft, naming the version and the digest of the text that will be published;
 * - `request` (deadlines): an operator asks where publications stand.
 */
import { MULTILINE_TEXT, NONCE, checker } from '../orders/schema-check';
import { LABELS } from './labels';

export const DECISION_ID = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$';
const WINDOW = {
  issuedAt: { type: 'string', format: 'date-time' },
  expiresAt: { type: 'string', format: 'date-time' },
  nonce: { type: 'string', pattern: NONCE },
} as const;
const OFFSET = { type: 'integer', minimum: 0, maximum: 10_000_000 } as const;

export interface DraftRequest { decisionId: string; text: string; issuedAt: string; expiresAt: string; nonce: string }
export const DRAFT_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['decisionId', 'text', 'issuedAt', 'expiresAt', 'nonce'],
  properties: { decisionId: { type: 'string', pattern: DECISION_ID }, text: { type: 'string', minLength: 1, maxLength: 500_000, pattern: MULTILINE_TEXT }, ...WINDOW },
} as const;
export const parseDraftRequest = checker<DraftRequest>(DRAFT_SCHEMA, 'publication draft');

export type ReviewEdit =
  | { op: 'add'; start: number; end: number; label: string; personId?: string }
  | { op: 'undo'; start: number; end: number };

export interface ReviewRequest { decisionId: string; version?: number; edits: ReviewEdit[]; issuedAt: string; expiresAt: string; nonce: string }
export const REVIEW_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['decisionId', 'edits', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    decisionId: { type: 'string', pattern: DECISION_ID },
    // With edits: the version they were made against (a stale view cannot overwrite a newer one).
    version: { type: 'integer', minimum: 1 },
    edits: {
      type: 'array', maxItems: 100,
      items: {
        oneOf: [
          { type: 'object', additionalProperties: false, required: ['op', 'start', 'end', 'label'],
            properties: { op: { const: 'add' }, start: OFFSET, end: OFFSET, label: { enum: LABELS }, personId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' } } },
          { type: 'object', additionalProperties: false, required: ['op', 'start', 'end'],
            properties: { op: { const: 'undo' }, start: OFFSET, end: OFFSET } },
        ],
      },
    },
    ...WINDOW,
  },
} as const;
export const parseReview = checker<ReviewRequest>(REVIEW_SCHEMA, 'publication review');

export interface ApprovalRequest { decisionId: string; version: number; textSha256: string; articles?: string[]; issuedAt: string; expiresAt: string; nonce: string }
export const APPROVAL_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['decisionId', 'version', 'textSha256', 'issuedAt', 'expiresAt', 'nonce'],
  properties: {
    decisionId: { type: 'string', pattern: DECISION_ID },
    version: { type: 'integer', minimum: 1 },
    textSha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    // The reviewer may state the statute articles the published metadata lists (else the decision's own).
    articles: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: '^[0-9]{1,4}(\\.[0-9]{1,3}){0,3}$' } },
    ...WINDOW,
  },
} as const;
export const parseApproval = checker<ApprovalRequest>(APPROVAL_SCHEMA, 'publication approval');

export interface DeadlinesRequest { issuedAt: string; expiresAt: string; nonce: string }
export const DEADLINES_SCHEMA = {
  type: 'object', additionalProperties: false, required: ['issuedAt', 'expiresAt', 'nonce'], properties: { ...WINDOW },
} as const;
export const parseDeadlinesRequest = checker<DeadlinesRequest>(DEADLINES_SCHEMA, 'publication deadlines request');
