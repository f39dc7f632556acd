/**
 * The audit trail's vocabulary (8.2.15 accountability; docs/security-model.md). An event records who did
 * what, for which case and which §11.2 categories, with what outcome. Persons appear only as
 * keyed hashes (identifiers.ts); `details` carries codes, ids and digests, never personal data.
 */
import type { Subject } from '../../contracts/hub/lookup-types';

export const AUDIT_EVENT_TYPES = [
  'order-received', 'order-refused', 'order-authorized',
  'provider-call-started', 'provider-call-ended', 'evidence-issued',
  'delegation-registered', 'delegation-used', 'identity-verified',
  'access-report-issued', 'case-updated', 'roster-updated',
  'decision-registered', 'decision-in-force', 'enforcement-status-read', 'agency-request', 'enforcement-status-reported',
  // statute 12.6: a decision's publication reviewed, approved and published; its deadlines read
  'publication-reviewed', 'decision-published', 'publication-deadlines-read',
  'outbox-operated',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** What a caller hands to `append`. Identifiers in the clear; the trail stores their HMACs. */
export interface AuditEventInput {
  type: AuditEventType;
  /** ctx.requestID: the correlation id, also sent upstream as the X-Road message id (STYLE rule 8). */
  requestId: string;
  /** FIN of the judge, clerk or operator who acted; absent for the hub's own events. */
  actor?: string | null;
  /** The person or company the data is about (13.3: they may ask who looked). */
  subject?: Subject | null;
  caseNumber?: string | null;
  /** §11.2 sections, e.g. ["11.2.22", "11.2.5"]. */
  categories?: readonly string[];
  /** 'received', 'authorized', 'refused', 'ok', 'not-found', 'unavailable', a HubError code… */
  outcome: string;
  /** Machine-readable facts: provider ids, message ids, digests, error codes. No personal data. */
  details?: Record<string, unknown>;
}

/** One stored record, as read back (hashed identifiers only). */
export interface AuditRecord {
  seq: number;
  at: Date;
  type: AuditEventType;
  requestId: string;
  actorHmac: string | null;
  subjectHmac: string | null;
  caseNumber: string | null;
  categories: string[];
  outcome: string;
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface AppendedEvent { seq: number; hash: string; at: Date }

/**
 * A lookup order's status change committed in the same statement as the audit records that
 * account for it (migrations/003-order-attempts.ts): e.g. the final records of a lookup with the
 * order's completion and its evidence packet.
 */
export interface OrderMove {
  orderId: string;
  /** The attempt that makes the move: a move by an attempt that was taken over never applies. */
  attempt: number;
  from: readonly ('received' | 'authorized')[];
  to: 'authorized' | 'completed' | 'failed';
  /** The evidence packet stored with a completion. */
  packet?: Buffer;
  /** Why the order failed (a HubError code, or `interrupted`). */
  code?: string;
  /**
   * Strict: the events are written only if the move applies; otherwise nothing of the append is
   * written and it is refused with HUB_ERR_ORDER_SUPERSEDED. Not strict: the events are written
   * and the move is made only if it still applies.
   */
  strict: boolean;
  /** The move applies only once the attempt's lease has run out (recovery of an abandoned attempt). */
  leaseExpired?: boolean;
}

/**
 * A request admitted in the statement of its first audit records (migrations/010): its nonce
 * claimed and, for a lookup, its order recorded as `authorized`, only while the facts its policy
 * read are still current (`generation`) and the nonce and order id are new. Otherwise nothing of
 * the append is written and it is refused with HUB_ERR_ORDER_SUPERSEDED, `details.admission`.
 */
export interface Admission {
  /** The facts generation the policy's facts were read at (core/court/facts-cache.ts). */
  generation: number;
  nonce: string;
  nonceExpiresAt: Date;
  order?: { orderId: string; caseNumber: string; requesterFin: string; categories: readonly string[]; requestId: string; orderSha256: string; leaseUntil: Date };
}

export interface AppendOptions {
  /**
   * Epoch ms until which transient store errors (a dropped connection, the server restarting)
   * are retried with backoff; then the append is refused. Default: now + the trail's retry budget.
   */
  deadline?: number;
  /** Order moves that commit with the events, or not at all. */
  orders?: readonly OrderMove[];
  /** The request's admission, which commits with the events, or neither does. */
  admission?: Admission;
}

/** The hub's signature over a checkpoint's canonical bytes (injected: signing is not core's). */
export type CheckpointSigner = (bytes: Buffer) => Promise<Buffer>;
/** True only when `signature` is the hub's valid signature over `bytes`. */
export type CheckpointVerifier = (bytes: Buffer, signature: Buffer) => Promise<boolean>;

export interface CheckpointRecord { seq: number; hash: string; at: Date; signature: Buffer }
