/** What the decisions service reads and writes, over the store of record (core/store). */
import type { Agency } from '../../agencies/directory.types';
import type { CaseView, RosterEntry } from '../authz/authz.types';
import { courtStore } from '../court/court-store';
import type { Db } from '../store/db';
import { getAgency } from '../store/repositories/agencies';
import { currentStatus, recordStatusReport, statusHistory, type ReportOutcome, type StatusEntry, type StatusReport } from '../store/repositories/enforcement-status';
import type { OutboxEventInput } from '../store/repositories/outbox';
import { enterLegalForce, getSignedDecision, insertSignedDecision, type LegalForceInput, type SignedDecision, type SignedDecisionInput } from '../store/repositories/signed-decisions';

export interface DecisionStore {
  roster(fin: string): Promise<RosterEntry | null>;
  courtCase(number: string): Promise<CaseView | null>;
  claimNonce(nonce: string, keepUntil: Date): Promise<boolean>;
  agencies(ids: string[]): Promise<Agency[]>;
  insertDecision(d: SignedDecisionInput): Promise<boolean>;
  decision(id: string): Promise<SignedDecision | null>;
  enterLegalForce(f: LegalForceInput, events: (d: SignedDecision) => OutboxEventInput[]): Promise<{ outcome: 'entered' | 'already' | 'missing'; decision: SignedDecision | null; events: { eventId: string; agencyId: string; seq: number }[] }>;
  recordStatusReport(r: StatusReport, events: (r: StatusReport) => OutboxEventInput[]): Promise<{ outcome: ReportOutcome; current: StatusEntry | null }>;
  statusHistory(decisionId: string): Promise<StatusEntry[]>;
  currentStatus(decisionId: string): Promise<StatusEntry | null>;
}

export function decisionStore(db: Db): DecisionStore {
  const cs = courtStore(db);
  return {
    roster: (fin) => cs.roster(fin),
    courtCase: (n) => cs.courtCase(n),
    claimNonce: (n, k) => cs.claimNonce(n, k),
    agencies: async (ids) => (await Promise.all([...new Set(ids)].map((id) => getAgency(db, id)))).filter((a): a is Agency => a !== null),
    insertDecision: (d) => insertSignedDecision(db, d),
    decision: (id) => getSignedDecision(db, id),
    enterLegalForce: (f, ev) => enterLegalForce(db, f, ev),
    recordStatusReport: (r, ev) => recordStatusReport(db, r, ev),
    statusHistory: (id) => statusHistory(db, id),
    currentStatus: (id) => currentStatus(db, id),
  };
}
