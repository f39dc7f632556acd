/** Canonical model of the internal affairs records (statute 11.2.7). */
import type { Money } from '../common-model';

export interface WantedStatus {
  wanted: boolean;
  /** Set when wanted. */
  since: string | null;
  authority: string | null;
  kind: 'interstate' | 'national' | null;
}

export interface CriminalCase {
  caseNumber: string;
  /** Articles of the Criminal Code, e.g. "178.3.2". */
  articles: string[];
  openedOn: string;
  role: 'suspect' | 'accused' | 'victim';
  status: 'investigation' | 'in-court' | 'closed' | 'suspended';
}

export interface Conviction {
  court: string;
  caseNumber: string;
  decisionDate: string;
  articles: string[];
  sentence: string;
  /** The term is over (or the fine paid). */
  served: boolean;
  /** When the conviction is spent (expunged); null: not yet. */
  spentOn: string | null;
}

export interface UnpaidFine {
  protocolNumber: string;
  /** Article of the Code of Administrative Offences. */
  article: string;
  issuedOn: string;
  amount: { amount: number; currency: 'AZN' };
}

/** 11.2.7, getCriminalRecords: a clean record is an answer too (empty lists, not wanted). */
export interface CriminalRecord {
  subject: { fin: string };
  wanted: WantedStatus;
  criminalCases: CriminalCase[];
  convictions: Conviction[];
  unpaidFines: UnpaidFine[];
  unpaidFinesTotal: Money;
}

/*
 * The canonical answer of getCriminalRecords (model.getCriminalRecords.schema.json), what the adapter
 * returns: the world's record as the register prints it — codes with their Azerbaijani labels,
 * amounts as decimal strings, null for what is not set.
 */
export interface CodedValue<C extends string = string> { code: C; label: string }
export interface MoneyText { amount: string; currency: 'AZN' | 'USD' | 'EUR' }

export interface CriminalRecordsModel {
  subject: { fin: string };
  wanted: { wanted: boolean; since: string | null; authority: string | null; kind: CodedValue<'national' | 'interstate'> | null };
  criminalCases: {
    caseNumber: string;
    articles: CodedValue[];
    openedOn: string;
    role: CodedValue<CriminalCase['role']>;
    status: CodedValue<CriminalCase['status']>;
  }[];
  convictions: {
    court: string;
    caseNumber: string;
    decisionDate: string;
    articles: CodedValue[];
    sentence: string;
    sentenceStatus: CodedValue<'serving' | 'served'>;
    expungedOn: string | null;
  }[];
  unpaidFines: { protocolNumber: string; article: CodedValue; issuedOn: string; amount: MoneyText }[];
  unpaidFinesTotal: MoneyText;
}
