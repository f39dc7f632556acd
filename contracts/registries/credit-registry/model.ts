/** Canonical model of the credit registry (statute 11.2.14). */
import type { Money, Subject } from '../common-model';

export interface CreditObligation {
  contractNumber: string;
  lender: { id: string; name: string };
  kind: 'consumer' | 'mortgage' | 'card' | 'business' | 'car';
  amount: Money;
  outstanding: Money;
  openedOn: string;
  closedOn: string | null;
  overdueDays: number;
  /** Worst delay ever, days. */
  worstOverdueDays: number;
  /** What secures it: the mortgaged property (cadastral number) or the pledged vehicle (plate). */
  collateral: { kind: 'real-estate' | 'vehicle'; reference: string } | null;
}

export interface GuaranteedObligation extends CreditObligation {
  /** Whom the subject stands surety for. */
  borrower: { name: string };
}

/** 11.2.14, getCreditReport: the borrower's active, closed and guaranteed obligations. */
export interface CreditReport {
  subject: Subject;
  active: CreditObligation[];
  closed: CreditObligation[];
  guaranteed: GuaranteedObligation[];
  totalOutstanding: Money;
}
