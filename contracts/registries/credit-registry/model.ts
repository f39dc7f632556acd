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

/**
 * The canonical model the credit-registry adapter returns (model.getCreditReport.schema.json): the
 * registry's answer with its codes and their Azerbaijani labels, amounts as decimal strings, and its
 * summary. The interfaces above are the synthetic world's records (mocks/world), from which the
 * mock registry answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export interface ObligationAnswer {
  contractNumber: string;
  creditor: { id: string; name: string };
  type: Coded<CreditObligation['kind']>;
  contractDate: string;
  closedOn: string | null;
  amount: DecimalMoney;
  outstanding: DecimalMoney;
  overdueDays: number;
  worstOverdueDays: number;
  collateral: { type: Coded<'real-estate' | 'vehicle'>; reference: string } | null;
}

export interface CreditReportAnswer {
  subject: Subject;
  summary: { activeCount: number; closedCount: number; guaranteedCount: number; totalOutstanding: DecimalMoney; maxOverdueDays: number };
  active: ObligationAnswer[];
  closed: ObligationAnswer[];
  guaranteed: (ObligationAnswer & { borrower: { name: string } })[];
}
