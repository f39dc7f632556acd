/**
 * What the mortgage and credit guarantee fund (statute 11.2.12) answers, as
 * mortgage-fund.openapi.json `MortgageLoans` writes it: the synthetic world's loans made or
 * guaranteed through the fund (mocks/world mortgageLoans) with the fund's codes and their
 * Azerbaijani labels, amounts as decimal strings. Pure; undefined: not on file.
 */
import type { Money, Subject } from '../../../contracts/registries/common-model';
import { mortgageLoans } from '../../world';

const PROGRAMMES: Readonly<Record<string, string>> = {
  mortgage: 'İpoteka krediti',
  'preferential-mortgage': 'Güzəştli ipoteka krediti',
  'guaranteed-business-loan': 'Zəmanət verilmiş sahibkarlıq krediti',
};
const STATUSES: Readonly<Record<string, string>> = {
  active: 'Aktiv',
  overdue: 'Vaxtı keçmiş',
  closed: 'Bağlanmış',
};

const coded = (table: Readonly<Record<string, string>>, code: string) => ({ code, label: table[code] });
const decimal = (m: Money) => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function mortgageLoansAnswer(subject: Subject): unknown {
  const m = mortgageLoans(subject);
  if (!m) return undefined;
  return {
    subject: { ...subject },
    loans: m.loans.map((l) => ({
      contractNumber: l.loanNumber,
      programme: coded(PROGRAMMES, l.kind),
      bank: { id: l.bank.id, name: l.bank.name },
      amount: decimal(l.amount),
      outstanding: decimal(l.outstanding),
      issuedOn: l.issuedOn,
      maturesOn: l.maturesOn,
      status: coded(STATUSES, l.status),
      overdueDays: l.overdueDays,
      collateralCadastralNumber: l.collateralCadastralNumber,
      guaranteePercent: l.guaranteePercent,
    })),
  };
}
