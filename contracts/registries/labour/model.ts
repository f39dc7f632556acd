/** Canonical model of the labour and social protection register (statute 11.2.4). */
import type { Money } from '../common-model';

export interface EmploymentContract {
  contractNumber: string;
  employer: { voen: string; name: string };
  position: string;
  startDate: string;
  /** null: the contract is in force. */
  endDate: string | null;
  monthlySalary: Money;
  kind: 'permanent' | 'fixed-term' | 'part-time';
}

export interface Pension {
  kind: 'old-age' | 'disability' | 'survivor';
  since: string;
  monthlyAmount: Money;
}

export interface SocialBenefit {
  kind: 'targeted-social-assistance' | 'disability-allowance' | 'child-allowance' | 'unemployment';
  since: string;
  until: string | null;
  monthlyAmount: Money;
}

/**
 * The person's individual account at the State Social Protection Fund: insured employment as the
 * contracts above give it (months of contributions, first insured month, last month paid).
 */
export interface SocialInsuranceSummary {
  /** Start of the first contract; null: never insured. */
  insuredSince: string | null;
  /** Whole months covered by the contracts (ended ones to their end, the one in force to the reference date). */
  insuredMonths: number;
  /** YYYY-MM of the last contribution; null: never insured. */
  lastContributionMonth: string | null;
}

/** 11.2.4, getEmployment: contracts (in force and ended), social insurance, pension, benefits. */
export interface Employment {
  subject: { fin: string };
  contracts: EmploymentContract[];
  socialInsurance: SocialInsuranceSummary;
  pension: Pension | null;
  benefits: SocialBenefit[];
}

/**
 * The canonical model the labour adapter returns (model.getEmployment.schema.json): the register's
 * answer with its codes and their Azerbaijani labels, amounts as decimal strings. The interfaces
 * above are the synthetic world's records (mocks/world), from which the mock register answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export interface EmploymentAnswer {
  subject: { fin: string };
  contracts: {
    contractNumber: string;
    employer: { voen: string; name: string };
    position: string;
    contractType: Coded<EmploymentContract['kind']>;
    startDate: string;
    endDate: string | null;
    monthlySalary: DecimalMoney;
  }[];
  socialInsurance: SocialInsuranceSummary;
  pension: { type: Coded<Pension['kind']>; since: string; monthlyAmount: DecimalMoney } | null;
  benefits: { type: Coded<SocialBenefit['kind']>; since: string; until: string | null; monthlyAmount: DecimalMoney }[];
}
