/** Canonical model of the national depository (statute 11.2.19). */
import type { Encumbrance, Money, Subject } from '../common-model';

export interface SecurityHolding {
  isin: string;
  issuer: { name: string; voen: string };
  kind: 'share' | 'bond';
  quantity: number;
  nominalValue: Money;
  encumbrances: Encumbrance[];
}

/** 11.2.19, getSecurities (commercial secret: needs a decision in force). */
export interface Securities {
  subject: Subject;
  accountNumber: string;
  holdings: SecurityHolding[];
}
