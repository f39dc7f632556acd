/**
 * What the pledge register (statute 11.2.15) answers, as collateral.openapi.json `Pledges` writes
 * it: the things encumbered in favour of the subject as pledgee or mortgagee (mocks/world
 * collateral), with the register's codes and their Azerbaijani labels, amounts as decimal strings.
 * Pure; undefined: not on file.
 */
import type { Money, Subject } from '../../../contracts/registries/common-model';
import { collateral } from '../../world';

const KINDS: Readonly<Record<string, string>> = {
  movable: 'Daşınar əmlak',
  immovable: 'Daşınmaz əmlak',
};
const STATUSES: Readonly<Record<string, string>> = {
  active: 'Qüvvədədir',
  released: 'Girovdan azad edilib',
};

const coded = (table: Readonly<Record<string, string>>, code: string) => ({ code, label: table[code] });
const decimal = (m: Money) => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function pledgesAnswer(subject: Subject): unknown {
  const c = collateral(subject);
  if (!c) return undefined;
  return {
    subject: { ...subject },
    pledges: c.items.map((i) => ({
      registrationNumber: i.registrationNumber,
      propertyKind: coded(KINDS, i.kind),
      description: i.description,
      pledgor: { ...i.pledgor },
      securedAmount: decimal(i.securedAmount),
      registeredOn: i.registeredOn,
      status: coded(STATUSES, i.status),
    })),
  };
}
