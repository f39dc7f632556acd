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

/** 11.2.4, getEmployment: contracts (in force and ended), pension, benefits. */
export interface Employment {
  subject: { fin: string };
  contracts: EmploymentContract[];
  pension: Pension | null;
  benefits: SocialBenefit[];
}
