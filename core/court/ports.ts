/**
 * What the court service needs injected (docs/architecture.md, "Parts and processes": core knows no transport; signing and
 * storage come in through these seams). `court-store.ts` implements CourtStore over core/store;
 * tests may hand in plain objects.
 */
import type { Subject } from '../../contracts/hub';
import type { Catalog } from '../../registry';
import type { AppendOptions, AuditEventInput } from '../audit/audit-types';
import type { CaseView, DecisionView, RosterEntry, TimeLimits } from '../authz/authz.types';
import type { DelegationView } from '../delegations/delegation.types';
import type { DocumentSigner, SignatureVerifier } from '../orders/signature.port';
import type { CaseKind, PartyRole } from '../store/repositories/cases';
import type { OpenCall } from '../store/repositories/open-calls';
import type { OrderAdmission, OrderAttempt, OrderStatus } from '../store/repositories/orders';
import type { PersonRole } from '../store/repositories/roster';

export interface CaseInput {
  number: string;
  courtId: string;
  kind: CaseKind;
  status: 'open' | 'closed';
  judgeFin: string | null;
  parties: { fin?: string; voen?: string; name: string; role: PartyRole }[];
}

export interface PersonInput {
  fin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
  role: PersonRole;
  courtId: string | null;
  active: boolean;
}

export interface OrderRecordView { orderId: string; requesterFin: string; status: string; caseNumber: string }

/** What recovery of abandoned attempts needs (recovery.flow.ts). */
export interface RecoveryStore {
  /** Open orders whose current attempt's lease ran out. */
  staleOrders(limit?: number): Promise<{ orderId: string; attempt: number; status: OrderStatus; attemptRequestId: string | null }[]>;
  /** Provider calls of one request (attempt) started without an end. */
  openCallsOf(requestId: string): Promise<OpenCall[]>;
  /** Provider calls started after `seq` without an end, oldest first. */
  openCallsAfter(seq: number, limit?: number): Promise<OpenCall[]>;
  /** Where an order stands (its current attempt). */
  orderAttempt(orderId: string): Promise<OrderAttempt | null>;
  /** Fails an abandoned attempt that has no provider call open (compare-and-set, lease run out). */
  failAbandoned(orderId: string, attempt: number, status: OrderStatus): Promise<boolean>;
  recoveryMark(): Promise<number>;
  advanceRecoveryMark(seq: number): Promise<void>;
  chainTop(): Promise<number>;
}

/** What the lookup policy reads from the store. */
export interface LookupFactsView { roster: RosterEntry | null; courtCase: CaseView | null; decision: DecisionView | null }

export interface CourtStore extends RecoveryStore {
  roster(fin: string): Promise<RosterEntry | null>;
  rosterMany(fins: string[]): Promise<RosterEntry[]>;
  courtCase(number: string): Promise<CaseView | null>;
  decision(id: string): Promise<DecisionView | null>;
  /** roster(fin) + courtCase(number) + decision(id) in one round trip (the lookup's hot path). */
  lookupFacts(fin: string | null, caseNumber: string, decisionId: string | null): Promise<LookupFactsView>;
  /** admitOrder and lookupFacts in ONE statement: one round trip before the lookup policy decides. */
  admitWithFacts(fin: string | null, caseNumber: string, decisionId: string | null, nonce: string, keepUntil: Date, o: OrderAdmission & { requestId: string }):
  Promise<{ facts: LookupFactsView; nonceFresh: boolean; orderIdFresh: boolean }>;
  /**
   * lookupFacts as this node keeps them (facts-cache.ts), with the facts generation they were read
   * at: what a policy may decide on when the admission commits with the append (AppendOptions.admission).
   * Optional: without it every request is admitted with fresh facts first.
   */
  cachedLookupFacts?(fin: string, caseNumber: string, decisionId: string | null): Promise<LookupFactsView & { generation: number }>;
  /** The same for a clerk's identity check: roster(fin), courtCase(number) and the clerk's delegations in the case. */
  cachedIdentityFacts?(fin: string, caseNumber: string):
  Promise<{ roster: RosterEntry | null; courtCase: CaseView | null; delegations: DelegationView[]; generation: number }>;
  /** Drops the kept facts (an admission found them stale). */
  forgetFacts?(): void;
  /**
   * A clerk's identity check in ONE statement: claimNonce with roster(fin), courtCase(number)
   * and delegationsFor(number, fin) (none without a fin).
   */
  identityFacts(fin: string | null, caseNumber: string, nonce: string, keepUntil: Date):
  Promise<{ roster: RosterEntry | null; courtCase: CaseView | null; delegations: DelegationView[]; nonceFresh: boolean }>;
  /** Atomic first-use claim: across restarts and nodes. */
  claimNonce(nonce: string, keepUntil: Date): Promise<boolean>;
  /**
   * claimNonce + recordOrder in one transaction (one commit on the hot path): the nonce is used up
   * whatever follows; the order is recorded (attempt 1) only when the nonce was fresh.
   */
  admitOrder(nonce: string, keepUntil: Date, o: OrderAdmission & { requestId: string }): Promise<{ nonceFresh: boolean; orderIdFresh: boolean }>;
  /** A re-send takes a failed order over as its next attempt; null if it lost the race. */
  retryOrder(orderId: string, fromAttempt: number, requestId: string, leaseUntil: Date): Promise<number | null>;
  /** Compare-and-set of the order's status (of that attempt, when given). */
  transitionOrder(orderId: string, from: string[], to: 'refused' | 'authorized' | 'completed' | 'failed', refusalCode?: string, attempt?: number): Promise<boolean>;
  order(orderId: string): Promise<OrderRecordView | null>;
  /** The packet of a completed order whose evidence-issued record holds its digest; else null. */
  issuedEvidence(orderId: string): Promise<Buffer | null>;
  /** Every delegation of the case naming the staff member, revoked and expired included. */
  delegationsFor(caseNumber: string, staffFin: string): Promise<DelegationView[]>;
  insertDelegation(d: Omit<DelegationView, 'revokedAt'> & { signature: Buffer }): Promise<boolean>;
  upsertCase(c: CaseInput): Promise<void>;
  upsertPersons(p: PersonInput[]): Promise<void>;
}

export interface AuditPort {
  /**
   * All events committed together (with the order moves of `opts`), or a rejection: then
   * nothing else may happen. HUB_ERR_AUDIT_WRITE_FAILED with reason `outcome-unknown` means the
   * events may be in the chain; HUB_ERR_ORDER_SUPERSEDED that a strict order move no longer applied
   * and nothing was written.
   */
  appendAll(events: readonly AuditEventInput[], opts?: AppendOptions): Promise<unknown>;
}

/** 13.3: one line per access to the subject's data, from the audit chain. */
export type AccessReporter = (subject: Subject) => Promise<unknown[]>;

export interface CourtServiceDeps {
  store: CourtStore;
  audit: AuditPort;
  accessReport: AccessReporter;
  /** Verifies people's signatures: CMS + path to the court PKI + revocation (docs/security-model.md). */
  verifier: SignatureVerifier;
  /** Signs evidence packets as the hub. */
  hubSigner: DocumentSigner;
  catalog: Pick<Catalog, 'bySection' | 'connected'> & Partial<Pick<Catalog, 'directoryOf'>>;
  limits?: Partial<TimeLimits>;
  /** Deadline of the registry calls of one lookup (default 5000 ms). */
  lookupDeadlineMs?: number;
  /** Name of the service (default "court"). */
  name?: string;
  now?: () => Date;
}
