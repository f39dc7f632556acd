/** Canonical model of the compulsory insurance bureau (statute 11.2.20). */

export interface InsuranceContract {
  policyNumber: string;
  kind: 'vehicle-liability' | 'real-estate' | 'passenger-accident' | 'employer-liability';
  insurer: string;
  /** The insured object: a plate, a cadastral number or a description. */
  object: string;
  startDate: string;
  endDate: string;
  status: 'active' | 'expired' | 'terminated';
}

/** 11.2.20, getInsuranceContracts. */
export interface InsuranceContracts {
  subject: { fin: string } | { voen: string };
  contracts: InsuranceContract[];
}
