/**
 * The chain's one definition of what is hashed (used by the writer and by the verifier):
 * hash = SHA-256 over the RFC 8785 canonical JSON of the event including its seq and the
 * previous event's hash, so changing, removing, adding or moving any record breaks the chain.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from '../../signing/canonical-json';
import type { AuditRecord } from './audit-types';
import type { PreparedEvent } from './event-input';

export const GENESIS_HASH = '0'.repeat(64);

/** A prepared event placed in the chain: its sequence number and the hash of the one before. */
export interface ChainedEvent extends PreparedEvent {
  seq: number;
  prevHash: string;
}

export function hashEvent(e: ChainedEvent): string {
  return hash('sha256', eventCanonical(e), 'hex');
}

/**
 * RFC 8785 canonical JSON of the hashed fields, listed one by one: nothing the caller adds to the
 * object slips into the hash. Written out in the canonical member order (UTF-16 code units) — the
 * same bytes as canonicalJson of that object, without sorting its twelve keys for each record of
 * every lookup; canonicalJson itself when a field is missing (undefined is left out there).
 */
export function eventCanonical(e: ChainedEvent): string {
  if (e.seq === undefined || e.at === undefined || e.type === undefined || e.requestId === undefined || e.actor === undefined || e.subject === undefined
    || e.caseNumber === undefined || e.categories === undefined || e.outcome === undefined || e.details === undefined || e.prevHash === undefined) {
    return canonicalJson({
      v: 1, seq: e.seq, at: e.at, type: e.type, requestId: e.requestId, actor: e.actor, subject: e.subject,
      caseNumber: e.caseNumber, categories: e.categories, outcome: e.outcome, details: e.details, prevHash: e.prevHash,
    });
  }
  return chainedCanonical(eventTemplate(e), e.seq, e.prevHash);
}

/**
 * An event's canonical form around the two members only its place in the chain gives it (seq and
 * prevHash), members in code-point order as canonicalJson writes them. The audit trail makes it
 * when the event is queued, so chaining a batch onto the head (while the chain waits) is string
 * joins and hashes only.
 */
export interface EventTemplate { readonly beforePrevHash: string; readonly beforeSeq: string; readonly afterSeq: string }

export function eventTemplate(e: PreparedEvent): EventTemplate {
  const j = canonicalJson;
  return {
    beforePrevHash: `{"actor":${j(e.actor)},"at":${j(e.at)},"caseNumber":${j(e.caseNumber)},"categories":${j(e.categories)},"details":${j(e.details)},`
      + `"outcome":${j(e.outcome)},"prevHash":`,
    beforeSeq: `,"requestId":${j(e.requestId)},"seq":`,
    afterSeq: `,"subject":${j(e.subject)},"type":${j(e.type)},"v":1}`,
  };
}

export function chainedCanonical(t: EventTemplate, seq: number, prevHash: string): string {
  return t.beforePrevHash + canonicalJson(prevHash) + t.beforeSeq + canonicalJson(seq) + t.afterSeq;
}

/** A stored record as the event that was hashed; `seq` may be overridden to test where it came from. */
export function recordToChained(r: AuditRecord, seq: number = r.seq): ChainedEvent {
  return {
    seq, at: r.at.toISOString(), type: r.type, requestId: r.requestId, actor: r.actorHmac, subject: r.subjectHmac,
    caseNumber: r.caseNumber, categories: r.categories, outcome: r.outcome, details: r.details, prevHash: r.prevHash,
  };
}

/** Whether the record's stored hash is the hash of its content placed at `seq`. */
export function hashesAt(r: AuditRecord, seq: number = r.seq): boolean {
  return hashEvent(recordToChained(r, seq)) === r.hash;
}

export const AUDIT_RECORD_COLUMNS = `seq, at, type, request_id AS "requestId", actor_hmac AS "actorHmac", subject_hmac AS "subjectHmac",
  case_number AS "caseNumber", categories, outcome, details, prev_hash AS "prevHash", hash`;
