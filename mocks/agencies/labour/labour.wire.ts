/**
 * What the labour and social protection register (statute 11.2.4) answers, as labour.openapi.json
 * `Employment` writes it: the synthetic world's record (mocks/world employment) with the register's
 * codes and their Azerbaijani labels, amounts as decimal strings. Pure; undefined: not on file.
 */
import type { Money } from '../../../contracts/registries/common-model';
import type { Employment } from '../../../contracts/registries/labour/model';
import { employment } from '../../world';

const CONTRACT_TYPES: Readonly<Record<string, string>> = {
  permanent: 'Müddətsiz əmək müqaviləsi',
  'fixed-term': 'Müddətli əmək müqaviləsi',
  'part-time': 'Natamam iş vaxtı ilə əmək müqaviləsi',
};
const PENSIONS: Readonly<Record<string, string>> = {
  'old-age': 'Yaşa görə əmək pensiyası',
  disability: 'Əlilliyə görə əmək pensiyası',
  survivor: 'Ailə başçısını itirməyə görə əmək pensiyası',
};
const BENEFITS: Readonly<Record<string, string>> = {
  'targeted-social-assistance': 'Ünvanlı dövlət sosial yardımı',
  'disability-allowance': 'Əlilliyə görə sosial müavinət',
  'child-allowance': 'Uşağa görə müavinət',
  unemployment: 'İşsizlikdən sığorta ödənişi',
};

const coded = (table: Readonly<Record<string, string>>, code: string) => ({ code, label: table[code] });
const decimal = (m: Money) => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function employmentAnswer(fin: string): unknown {
  const e: Employment | undefined = employment(fin);
  if (!e) return undefined;
  return {
    subject: { fin },
    contracts: e.contracts.map((c) => ({
      contractNumber: c.contractNumber,
      employer: { voen: c.employer.voen, name: c.employer.name },
      position: c.position,
      contractType: coded(CONTRACT_TYPES, c.kind),
      startDate: c.startDate,
      endDate: c.endDate,
      monthlySalary: decimal(c.monthlySalary),
    })),
    socialInsurance: { ...e.socialInsurance },
    pension: e.pension ? { type: coded(PENSIONS, e.pension.kind), since: e.pension.since, monthlyAmount: decimal(e.pension.monthlyAmount) } : null,
    benefits: e.benefits.map((b) => ({ type: coded(BENEFITS, b.kind), since: b.since, until: b.until, monthlyAmount: decimal(b.monthlyAmount) })),
  };
}
