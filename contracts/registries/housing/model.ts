/** Canonical model of the housing agency's rent-to-own register (statute 11.2.18). */
import type { Money } from '../common-model';

export interface RentToOwnContract {
  contractNumber: string;
  /** The agency's residential complex, e.g. "Yasamal" yaşayış kompleksi. */
  complex: string;
  address: string;
  apartment: { building: number; number: number; rooms: number; areaSqm: number };
  startedOn: string;
  termMonths: number;
  monthlyPayment: Money;
  /** The apartment's price under the contract. */
  price: Money;
  /** Paid so far (initial payment included). */
  paid: Money;
  remaining: Money;
  arrears: Money;
  status: 'active' | 'completed' | 'terminated';
}

/** 11.2.18, getRentToOwn. */
export interface RentToOwn {
  subject: { fin: string };
  contracts: RentToOwnContract[];
}
