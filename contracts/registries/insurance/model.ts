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
