/**
 * Pieces shared by the canonical models of the registries (each registry's model.ts). Every model
 * names the subject it is about (`subject`), so the adapter kit can check that an answer concerns
 * the person or company the judge asked about. Dates are ISO `YYYY-MM-DD`; amounts are decimal
 * numbers with at most two fraction digits in the named ISO 4217 currency.
 */
export type Subject = { fin: string } | { voen: string };

export type Currency = 'AZN' | 'USD' | 'EUR';

export interface Money {
  amount: number;
  currency: Currency;
}

/** A person or an organisation as another party of a record (never the subject itself). */
export interface PartyRef {
  name: string;
  fin?: string;
  voen?: string;
}

/** Why a restriction exists: the act that imposed it (a court decision, an enforcement order …). */
export interface Basis {
  /** e.g. "court-decision", "enforcement-order", "mortgage-contract". */
  kind: 'court-decision' | 'enforcement-order' | 'mortgage-contract' | 'pledge-contract' | 'lease-contract' | 'investigator-order';
  /** Number of the act, e.g. a case number "2(101)-1234/2026" or a contract number. */
  number: string;
  date: string;
  /** Who issued it (court, enforcement office, notary, bank). */
  issuer: string;
}

/**
 * An encumbrance on a thing (real estate, vehicle, security, account): statute 11.2.6 and the
 * arrests that enforcement (11.2.23) registers.
 */
export interface Encumbrance {
  type: 'arrest' | 'mortgage' | 'pledge' | 'lease' | 'ban';
  holder: PartyRef;
  basis: Basis;
  registeredOn: string;
  /** null: until lifted. */
  until: string | null;
}
