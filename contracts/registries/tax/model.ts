/** Canonical models of the tax service's register (statute 11.2.1 and 11.2.2). */
import type { Money, Subject } from '../common-model';

export type TaxpayerKind = 'legal-entity' | 'individual-entrepreneur';
export type LegalForm = 'MMC' | 'ASC' | 'QSC' | 'FS';

export interface Taxpayer {
  voen: string;
  kind: TaxpayerKind;
  name: string;
  /** MMC limited liability, ASC / QSC open / closed joint-stock, FS individual entrepreneur. */
  legalForm: LegalForm;
  registeredOn: string;
  status: 'active' | 'suspended' | 'liquidated';
  /** Set when status is liquidated. */
  liquidatedOn: string | null;
  legalAddress: string;
  /** Main activity, NACE rev. 2 code and title. */
  activity: { code: string; title: string };
  vatPayer: boolean;
  taxOffice: string;
  /** The person who acts for a legal entity; the entrepreneur himself for FS. */
  director: { fin: string; name: string };
  founders: { name: string; fin?: string; voen?: string; sharePercent: number }[];
  authorizedCapital: Money | null;
}

/** 11.2.1, getTaxpayer: by VÖEN the taxpayer; by FIN the person's registrations as an entrepreneur. */
export interface TaxpayerRecord {
  subject: Subject;
  taxpayers: Taxpayer[];
}

export interface TaxAudit {
  auditNumber: string;
  kind: 'on-site' | 'desk' | 'thematic';
  period: { from: string; to: string };
  startedOn: string;
  /** null while the audit runs. */
  completedOn: string | null;
  result: 'in-progress' | 'no-violations' | 'violations-found';
  assessed: { tax: Money; penalty: Money; interest: Money } | null;
  /** What of the assessment has been paid. */
  paid: Money | null;
  appealed: boolean;
}

/** 11.2.2, getTaxAudits: audits of a taxpayer (tax secret: needs a decision in force). */
export interface TaxAudits {
  subject: Subject;
  voen: string;
  audits: TaxAudit[];
}
