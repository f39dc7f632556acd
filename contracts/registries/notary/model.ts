/** Canonical model of "Elektron notariat" (statute 11.2.26). */
import type { Subject } from '../common-model';

export type NotarialActType = 'sale-contract' | 'gift-contract' | 'power-of-attorney' | 'inheritance-certificate' | 'will' | 'mortgage-contract' | 'loan-contract' | 'marriage-contract';

export interface NotarialAct {
  registryNumber: string;
  type: NotarialActType;
  date: string;
  notary: { name: string; office: string };
  /** The subject's role in the act. */
  role: 'seller' | 'buyer' | 'donor' | 'donee' | 'principal' | 'attorney' | 'heir' | 'testator' | 'mortgagor' | 'mortgagee' | 'lender' | 'borrower' | 'spouse';
  /** Other parties, by role and name (no identifiers). */
  otherParties: { role: string; name: string }[];
  /** The object of the act, when any (a cadastral number, a plate, an amount). */
  object: string | null;
  status: 'valid' | 'revoked';
}

/** 11.2.26, getNotarialActs. */
export interface NotarialActs {
  subject: Subject;
  acts: NotarialAct[];
}
