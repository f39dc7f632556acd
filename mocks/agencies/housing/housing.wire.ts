/**
 * What the State Housing Agency (statute 11.2.18) answers, as housing.openapi.json `RentToOwn`
 * writes it: the synthetic world's rent-to-own contracts (mocks/world rentToOwn) with the agency's
 * codes and their Azerbaijani labels, amounts as decimal strings. Pure; undefined: not on file.
 */
import type { Money } from '../../../contracts/registries/common-model';
import type { DecimalMoney, RentToOwnAnswer, RentToOwnContract } from '../../../contracts/registries/housing/model';
import { rentToOwn } from '../../world';

const STATUSES: Readonly<Record<RentToOwnContract['status'], string>> = {
  active: 'Qüvvədədir',
  completed: 'Tam ödənilib, mənzil mülkiyyətə keçib',
  terminated: 'Müqaviləyə xitam verilib',
};
const RENT_TO_OWN = { code: 'rent-to-own' as const, label: 'Satmaq öhdəliyi ilə kirayə' };

const decimal = (m: Money): DecimalMoney => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function rentToOwnAnswer(fin: string): RentToOwnAnswer | undefined {
  const record = rentToOwn(fin);
  if (!record) return undefined;
  return {
    subject: { fin },
    contracts: record.contracts.map((c) => ({
      contractNumber: c.contractNumber,
      // The world's housing record is the rent-to-own register: every contract there is one.
      type: { ...RENT_TO_OWN },
      complex: c.complex,
      address: c.address,
      apartment: { ...c.apartment },
      signedOn: c.startedOn,
      termMonths: c.termMonths,
      price: decimal(c.price),
      monthlyPayment: decimal(c.monthlyPayment),
      paid: decimal(c.paid),
      outstanding: decimal({ amount: Math.round((c.price.amount - c.paid.amount) * 100) / 100, currency: c.price.currency }),
      arrears: decimal(c.arrears),
      status: { code: c.status, label: STATUSES[c.status] },
    })),
  };
}
