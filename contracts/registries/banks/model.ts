/** Canonical model of one credit institution's answer (statute 11.2.13, scatter-gather). */
import type { Encumbrance, Money, Subject } from '../common-model';

export interface BankAccount {
  iban: string;
  kind: 'current' | 'deposit' | 'card' | 'loan';
  currency: Money['currency'];
  balance: Money;
  openedOn: string;
  status: 'active' | 'blocked' | 'closed';
  /** Arrests and other restrictions already registered on the account. */
  arrests: Encumbrance[];
}

/** 11.2.13, getBankAccounts at one bank. */
export interface BankAccounts {
  subject: Subject;
  bank: { id: string; name: string };
  accounts: BankAccount[];
}
