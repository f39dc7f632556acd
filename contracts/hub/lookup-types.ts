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
  /**
   * Scatter-gather categories only (11.2.13, 11.2.17): ask just these institutions of the directory
   * (a follow-up order re-asking those that did not answer). Absent: every institution.
   */
  institutions?: string[];
}

/** One institution's part of a scatter-gather category (statute 11.2.13, 11.2.17), with its own message and signed answer. */
export interface InstitutionOutcome extends AnswerRecord {
  /** Directory id (registry/institutions.ts), e.g. "bank-007". */
  institution: string;
  /** The institution's name (az). */
  name: string;
  status: 'ok' | 'not-found' | 'unavailable' | 'error';
  /** The canonical model of this institution's answer (ok only). */
  data?: unknown;
  error?: { code: string; message: string };
  durationMs: number;
}

/** What an outcome records of the message that got it (AdapterResult): kept for the evidence packet. */
export type AnswerRecord = Partial<Pick<AdapterResult, 'messageId' | 'requestHash' | 'responseHash' | 'signedAnswer' | 'answerSignature'>>;

/** Who was asked and who did not answer: the judge's certainty about a scatter-gather category. */
export interface FanOutSummary {
  asked: number;
  /** Answered authentically: ok or not-found. */
  answered: number;
  /** Answered with data. */
  withData: number;
  /** Did not answer authentically (unavailable or error), by name: the ones to re-ask. */
  missing: { institution: string; name: string; status: 'unavailable' | 'error'; code: string }[];
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
  /** Scatter-gather categories: one outcome per institution asked, and the summary. */
  institutions?: InstitutionOutcome[];
  summary?: FanOutSummary;
}

export type OutcomeStatus = 'ok' | 'not-found' | 'unavailable' | 'refused' | 'error';

export interface CategoryOutcome extends AnswerRecord {
  section: string;
  status: OutcomeStatus;
  provider?: string;
  data?: unknown;
  error?: { code: string; message: string };
  durationMs: number;
  institutions?: InstitutionOutcome[];
  summary?: FanOutSummary;
}

export interface LookupResult {
  requestId: string;
  caseNumber: string;
  outcomes: CategoryOutcome[];
  startedAt: string;
  finishedAt: string;
}
