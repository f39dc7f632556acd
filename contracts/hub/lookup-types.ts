/**
 * Types shared by core (which orchestrates lookups) and the adapters (which call registries).
 * Core never imports adapters: it calls `adapter.<provider>.<operation>` by name over the bus
 * with AdapterCallParams and receives AdapterResult (docs/architecture.md, "Parts and processes").
 */
export type Subject = { fin: string } | { voen: string };
export type SubjectKind = 'fin' | 'voen';

export function subjectKind(s: Subject): SubjectKind {
  return 'fin' in s ? 'fin' : 'voen';
}

/**
 * What core sends to an adapter action. No message id: the adapter kit makes a fresh one for every
 * message it sends (a retry is a new message); a caller's request id is only ever a correlation id.
 */
export interface AdapterCallParams {
  /** §11.2 section, e.g. "11.2.22". */
  section: string;
  subject: Subject;
  /** X-Road `issue`: the case number that justifies the query, e.g. "2(101)-1234/2026". */
  caseNumber: string;
  /** X-Road `userId`: the requesting judge or clerk (e.g. "AZ-FIN-5ZK8F3R"). */
  userId: string;
  /** Epoch milliseconds; the adapter never waits past it. */
  deadline: number;
}

/** What an adapter returns when the registry answered authentically. Failures are HubErrors. */
export interface AdapterResult {
  outcome: 'ok' | 'not-found';
  section: string;
  provider: string;
  operation: string;
  /** X-Road id of the message that got this answer, made by the hub. */
  messageId: string;
  /**
   * SHA-256 (hex) of the request: SOAP, the exact envelope bytes sent; REST, the hub's request JWS
   * in attached form (contracts/registries/xroad-profile.ts restRequestHash, in hex).
   */
  requestHash: string;
  /** SHA-256 (hex) of the exact answer bytes received. */
  responseHash: string;
  /** The canonical model produced by the adapter's pure mapper (absent when not-found). */
  data?: unknown;
  /** The provider's signed answer as received (base64), kept for the evidence packet. */
  signedAnswer?: string;
  /** REST: the provider's X-Road-Signature (detached JWS over signedAnswer); SOAP signs inside the envelope. */
  answerSignature?: string;
  durationMs: number;
}

export type OutcomeStatus = 'ok' | 'not-found' | 'unavailable' | 'refused' | 'error';

export interface CategoryOutcome {
  section: string;
  status: OutcomeStatus;
  provider?: string;
  data?: unknown;
  error?: { code: string; message: string };
  messageId?: string;
  requestHash?: string;
  responseHash?: string;
  signedAnswer?: string;
  answerSignature?: string;
  durationMs: number;
}

export interface LookupResult {
  requestId: string;
  caseNumber: string;
  outcomes: CategoryOutcome[];
  startedAt: string;
  finishedAt: string;
}
