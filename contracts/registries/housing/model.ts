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

/**
 * The canonical model the housing adapter returns (model.getRentToOwn.schema.json): the agency's
 * answer with its codes and their Azerbaijani labels, amounts as decimal strings. The interfaces
 * above are the synthetic world's records (mocks/world), from which the mock answers.
 */
export interface Coded<C extends string = string> { code: C; label: string }
export interface DecimalMoney { amount: string; currency: Money['currency'] }

export interface RentToOwnContractAnswer {
  contractNumber: string;
  type: Coded<'rent-to-own' | 'preferential-mortgage'>;
  complex: string;
  address: string;
  apartment: RentToOwnContract['apartment'];
  signedOn: string;
  termMonths: number;
  price: DecimalMoney;
  monthlyPayment: DecimalMoney;
  paid: DecimalMoney;
  /** The price less what was paid. */
  outstanding: DecimalMoney;
  /** Of the outstanding amount, what fell due and was not paid. */
  arrears: DecimalMoney;
  status: Coded<RentToOwnContract['status']>;
}

export interface RentToOwnAnswer {
  subject: { fin: string };
  contracts: RentToOwnContractAnswer[];
}
