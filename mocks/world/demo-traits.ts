/**
 * The demo subjects (core/demo/roster.ts restated: mocks/ may not import core/) with fixed traits,
 * so that the walk-through finds every kind of record: the plaintiff of 2(101)-1234/2026 owns a
 * mortgaged flat and a car and is the creditor of the defendant, who is a debtor with an arrested
 * flat, a travel ban, an IDP certificate and utility debts; the accused of 1(101)-77/2026 is in
 * pre-trial detention; "Xəzər Tikinti" MMC owes the plaintiff of the commercial case.
 */
import type { Traits } from './subjects';

const NONE: Partial<Traits> = { debtorProceedings: 0, creditorProceedings: 0, wanted: false };

export const DEMO_TRAITS: Readonly<Record<string, Partial<Traits>>> = {
  '5ZK8F3R': {
    ...NONE, properties: 1, vehicles: 1, banks: 2, mortgage: false, preferentialMortgage: true, carLoan: false,
    consumerLoans: 1, guarantor: false, securities: false, collateralHolder: false, utilityDebt: false,
    notarialAttorney: true, employed: true, convicted: false, openCriminalCase: false, detained: false,
    unpaidFines: 0, traveller: true, idp: false, rentToOwn: false, licence: true, higherEducation: true,
  },
  '1AB2C3D': {
    ...NONE, properties: 1, vehicles: 0, banks: 2, mortgage: false, preferentialMortgage: false, carLoan: false,
    consumerLoans: 2, guarantor: false, securities: false, collateralHolder: false, utilityDebt: true,
    notarialAttorney: false, employed: true, convicted: false, openCriminalCase: false, detained: false,
    unpaidFines: 1, traveller: true, idp: true, rentToOwn: true, licence: true, higherEducation: false,
  },
  '9XY8Z7W': {
    ...NONE, properties: 0, vehicles: 1, banks: 1, mortgage: false, preferentialMortgage: false, carLoan: true,
    consumerLoans: 0, guarantor: false, securities: false, collateralHolder: false, utilityDebt: false,
    employed: true, convicted: false, openCriminalCase: false, detained: false, unpaidFines: 2,
    traveller: false, idp: false, rentToOwn: false, licence: true, higherEducation: false,
  },
  '3CD4E5F': {
    ...NONE, properties: 2, vehicles: 1, banks: 3, mortgage: false, preferentialMortgage: false, carLoan: false,
    consumerLoans: 0, guarantor: true, securities: true, collateralHolder: true, utilityDebt: false,
    notarialAttorney: true, employed: false, convicted: false, openCriminalCase: false, detained: false,
    unpaidFines: 0, traveller: true, idp: false, rentToOwn: false, licence: true, higherEducation: true,
  },
  '4GH5J6K': {
    ...NONE, properties: 0, vehicles: 1, banks: 1, mortgage: false, preferentialMortgage: false, carLoan: false,
    consumerLoans: 1, guarantor: false, securities: false, collateralHolder: false, utilityDebt: true,
    employed: false, convicted: true, openCriminalCase: true, detained: true, unpaidFines: 1,
    traveller: false, idp: false, rentToOwn: false, licence: true, higherEducation: false,
  },
  '1401234561': {
    ...NONE, properties: 2, vehicles: 3, banks: 3, mortgage: true, carLoan: true, consumerLoans: 1,
    securities: false, collateralHolder: false, utilityDebt: true, taxAudits: 2, inspections: 2,
  },
  '1509876542': {
    ...NONE, properties: 0, vehicles: 0, banks: 1, mortgage: false, carLoan: false, consumerLoans: 0,
    securities: false, collateralHolder: false, utilityDebt: false, taxAudits: 1, inspections: 1,
  },
};

export const DEMO_COMPANY_FACTS: Readonly<Record<string, {
  name: string; legalForm: 'MMC'; directorFin: string; address: string;
  /** Founders by FIN; their names come from the population register like everyone's. */
  founders: { fin: string; sharePercent: number }[];
}>> = {
  '1401234561': {
    name: '"Xəzər Tikinti" MMC', legalForm: 'MMC', directorFin: '7TK3M9N',
    address: 'Bakı, Xətai r., Babək prospekti 54',
    founders: [{ fin: '7TK3M9N', sharePercent: 60 }, { fin: '2PL8Q4S', sharePercent: 40 }],
  },
};

/** Enforcement proceedings between demo subjects: both sides see the same proceeding. */
export interface DemoProceeding {
  proceedingNumber: string;
  debtor: string;
  creditor: string;
  decision: { court: string; caseNumber: string; decisionDate: string; decisionId: string | null };
  claim: number;
  recovered: number;
  status: 'opened' | 'in-progress' | 'suspended' | 'completed' | 'returned';
  openedOn: string;
  office: string;
  /** Measures applied to the debtor's assets (resolved against the debtor's generated assets). */
  measures: ('account-arrest' | 'property-arrest' | 'vehicle-arrest' | 'travel-ban' | 'salary-deduction')[];
}

export const DEMO_PROCEEDINGS: readonly DemoProceeding[] = [
  {
    proceedingNumber: 'İC-2025-004817', debtor: 'fin:1AB2C3D', creditor: 'fin:5ZK8F3R',
    decision: { court: 'Bakı şəhəri Nəsimi rayon məhkəməsi', caseNumber: '2(101)-0987/2025', decisionDate: '2025-06-10', decisionId: null },
    claim: 12450, recovered: 3200, status: 'in-progress', openedOn: '2025-07-21', office: 'Nəsimi rayon İcra Şöbəsi',
    measures: ['account-arrest', 'property-arrest', 'travel-ban', 'salary-deduction'],
  },
  {
    proceedingNumber: 'İC-2025-011230', debtor: 'voen:1401234561', creditor: 'fin:3CD4E5F',
    decision: { court: 'Bakı şəhəri 1 saylı İnzibati-İqtisadi Məhkəmə', caseNumber: '2-1(103)-212/2025', decisionDate: '2025-09-02', decisionId: null },
    claim: 86000, recovered: 0, status: 'opened', openedOn: '2025-10-14', office: 'Xətai rayon İcra Şöbəsi',
    measures: ['account-arrest', 'vehicle-arrest'],
  },
  // Decision DEMO-1234-D1 of the demo case, in force: the hub's status history of it (core/demo/enforcement.ts,
  // restated) says opened, in progress, 1200.00 recovered — this register says the same.
  {
    proceedingNumber: 'İC-2026-000417', debtor: 'fin:1AB2C3D', creditor: 'fin:5ZK8F3R',
    decision: { court: 'Bakı şəhəri Nəsimi rayon məhkəməsi', caseNumber: '2(101)-1234/2026', decisionDate: '2026-01-20', decisionId: 'DEMO-1234-D1' },
    claim: 4800, recovered: 1200, status: 'in-progress', openedOn: '2026-02-12', office: 'Nəsimi rayon İcra Şöbəsi',
    measures: [],
  },
];
