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

/**
 * The canonical model the mortgage-fund adapter returns (model.getMortgageLoans.schema.json): the
 * fund's answer with its codes and their Azerbaijani labels, amounts as decimal strings. The
 * interfaces above are the synthetic world's records (mocks/world), from which the mock fund answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export interface MortgageLoansAnswer {
  subject: Subject;
  loans: {
    contractNumber: string;
    programme: Coded<FundLoan['kind']>;
    bank: { id: string; name: string };
    amount: DecimalMoney;
    outstanding: DecimalMoney;
    issuedOn: string;
    maturesOn: string;
    status: Coded<FundLoan['status']>;
    overdueDays: number;
    collateralCadastralNumber: string | null;
    guaranteePercent: number | null;
  }[];
}
