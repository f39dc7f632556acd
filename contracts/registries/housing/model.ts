/** Canonical model of the housing agency's rent-to-own register (statute 11.2.18). */
import type { Money } from '../common-model';

export interface RentToOwnContract {
  contractNumber: string;
  address: string;
  startedOn: string;
  termMonths: number;
  monthlyPayment: Money;
  remaining: Money;
  arrears: Money;
  status: 'active' | 'completed' | 'terminated';
}

/** 11.2.18, getRentToOwn. */
export interface RentToOwn {
  subject: { fin: string };
  contracts: RentToOwnContract[];
}
