/** Canonical model of the enforcement service, "Elektron icra" (statute 11.2.23). */
import type { Money, PartyRef, Subject } from '../common-model';

export type ProceedingStatus = 'opened' | 'in-progress' | 'suspended' | 'completed' | 'returned';

export interface EnforcementMeasure {
  kind: 'account-arrest' | 'property-arrest' | 'vehicle-arrest' | 'travel-ban' | 'salary-deduction';
  appliedOn: string;
  /** What it was applied to: an IBAN, a cadastral number, a plate. */
  target: string | null;
}

export interface EnforcementProceeding {
  proceedingNumber: string;
  /** The court decision being enforced. */
  decision: { court: string; caseNumber: string; decisionDate: string; decisionId: string | null };
  role: 'debtor' | 'creditor';
  otherParty: PartyRef;
  claim: Money;
  recovered: Money;
  status: ProceedingStatus;
  openedOn: string;
  closedOn: string | null;
  office: string;
  measures: EnforcementMeasure[];
}

/** 11.2.23, getEnforcementStatus: proceedings where the subject is debtor or creditor. */
export interface EnforcementStatus {
  subject: Subject;
  proceedings: EnforcementProceeding[];
}
