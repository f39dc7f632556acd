/**
 * What the credit registry (statute 11.2.14) answers, as credit-registry.openapi.json
 * `CreditReport` writes it: the synthetic world's report (mocks/world creditReport) with the
 * registry's codes and their Azerbaijani labels, amounts as decimal strings, and the summary the
 * registry puts on top (counts, total outstanding, the longest delay now). Pure; undefined: not on file.
 */
import type { Money, Subject } from '../../../contracts/registries/common-model';
import type { CreditObligation } from '../../../contracts/registries/credit-registry/model';
import { creditReport } from '../../world';

const TYPES: Readonly<Record<string, string>> = {
  consumer: 'İstehlak krediti',
  mortgage: 'İpoteka krediti',
  card: 'Kredit kartı',
  business: 'Biznes krediti',
  car: 'Avtomobil krediti',
};
const COLLATERAL: Readonly<Record<string, string>> = {
  'real-estate': 'Daşınmaz əmlak (ipoteka)',
  vehicle: 'Nəqliyyat vasitəsi (girov)',
};

const coded = (table: Readonly<Record<string, string>>, code: string) => ({ code, label: table[code] });
const decimal = (m: Money) => ({ amount: m.amount.toFixed(2), currency: m.currency });

function obligation(o: CreditObligation) {
  return {
    contractNumber: o.contractNumber,
    creditor: { id: o.lender.id, name: o.lender.name },
    type: coded(TYPES, o.kind),
    contractDate: o.openedOn,
    closedOn: o.closedOn,
    amount: decimal(o.amount),
    outstanding: decimal(o.outstanding),
    overdueDays: o.overdueDays,
    worstOverdueDays: o.worstOverdueDays,
    collateral: o.collateral ? { type: coded(COLLATERAL, o.collateral.kind), reference: o.collateral.reference } : null,
  };
}

export function creditReportAnswer(subject: Subject): unknown {
  const r = creditReport(subject);
  if (!r) return undefined;
  return {
    subject: { ...subject },
    summary: {
      activeCount: r.active.length,
      closedCount: r.closed.length,
      guaranteedCount: r.guaranteed.length,
      totalOutstanding: decimal(r.totalOutstanding),
      maxOverdueDays: Math.max(0, ...r.active.map((o) => o.overdueDays)),
    },
    active: r.active.map(obligation),
    closed: r.closed.map(obligation),
    guaranteed: r.guaranteed.map((g) => ({ ...obligation(g), borrower: { name: g.borrower.name } })),
  };
}
