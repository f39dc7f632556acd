/** Canonical model of the mortgage and credit guarantee fund (statute 11.2.12). */
import type { Money, Subject } from '../common-model';

export interface FundLoan {
  loanNumber: string;
  kind: 'mortgage' | 'preferential-mortgage' | 'guaranteed-business-loan';
  bank: { id: string; name: string };
  amount: Money;
  outstanding: Money;
  issuedOn: string;
  maturesOn: string;
  status: 'active' | 'closed' | 'overdue';
  overdueDays: number;
  /** The mortgaged property (cadastral number), for mortgages. */
  collateralCadastralNumber: string | null;
  /** Share of a business loan the fund guarantees. */
  guaranteePercent: number | null;
}

/** 11.2.12, getMortgageLoans (bank secret: needs a decision in force). */
export interface MortgageLoans {
  subject: Subject;
  loans: FundLoan[];
}
