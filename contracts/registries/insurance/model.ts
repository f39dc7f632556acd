/** Canonical model of the compulsory insurance bureau (statute 11.2.20). */
import type { Money } from '../common-model';

/** A claim under the policy: an insured event reported, and what the insurer paid for it. */
export interface InsuranceClaim {
  claimNumber: string;
  eventDate: string;
  reportedOn: string;
  status: 'under-review' | 'paid' | 'rejected';
  /** Paid out; null unless paid. */
  paid: Money | null;
}

export interface InsuranceContract {
  policyNumber: string;
  kind: 'vehicle-liability' | 'real-estate' | 'passenger-accident' | 'employer-liability';
  insurer: string;
  /** The insured object: a plate, a cadastral number or a description. */
  object: string;
  startDate: string;
  endDate: string;
  status: 'active' | 'expired' | 'terminated';
  premium: Money;
  /** The insurer's limit of liability (compulsory insurance laws fix it per kind). */
  sumInsured: Money;
  claims: InsuranceClaim[];
}

/** 11.2.20, getInsuranceContracts. */
export interface InsuranceContracts {
  subject: { fin: string } | { voen: string };
  contracts: InsuranceContract[];
}

/**
 * The canonical model the insurance adapter returns (model.getInsuranceContracts.schema.json): the
 * bureau's answer with its codes and their Azerbaijani labels, amounts as decimal strings. The
 * interfaces above are the synthetic world's records (mocks/world), from which the mock answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export type InsuredObjectKind = 'vehicle' | 'real-estate' | 'employer';

export interface InsuranceContractAnswer {
  policyNumber: string;
  type: Coded<InsuranceContract['kind']>;
  insurer: string;
  /** Identifier: a plate, a cadastral number, or the employer's name. */
  insuredObject: { kind: Coded<InsuredObjectKind>; identifier: string };
  period: { from: string; to: string };
  status: Coded<InsuranceContract['status']>;
  premium: DecimalMoney;
  sumInsured: DecimalMoney;
  claims: { claimNumber: string; eventDate: string; reportedOn: string; status: Coded<InsuranceClaim['status']>; paid: DecimalMoney | null }[];
}

export interface InsuranceContractsAnswer {
  subject: { fin: string } | { voen: string };
  contracts: InsuranceContractAnswer[];
}
