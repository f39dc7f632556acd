/**
 * What the compulsory insurance bureau (statute 11.2.20) answers, as insurance.openapi.json
 * `InsuranceContracts` writes it: the synthetic world's policies (mocks/world insuranceContracts)
 * with the bureau's codes and their Azerbaijani labels, amounts as decimal strings. Pure;
 * undefined: not on file.
 */
import type { Subject } from '../../../contracts/registries/common-model';
import type { DecimalMoney, InsuranceContract, InsuranceContractsAnswer, InsuredObjectKind } from '../../../contracts/registries/insurance/model';
import type { Money } from '../../../contracts/registries/common-model';
import { insuranceContracts } from '../../world';

// The kinds of compulsory insurance the Law "On compulsory insurance" provides for.
const TYPES: Readonly<Record<InsuranceContract['kind'], string>> = {
  'vehicle-liability': 'Avtonəqliyyat vasitəsi sahiblərinin mülki məsuliyyətinin icbari sığortası',
  'real-estate': 'Daşınmaz əmlakın icbari sığortası',
  'passenger-accident': 'Sərnişinlərin icbari fərdi qəza sığortası',
  'employer-liability': 'İşəgötürənin mülki məsuliyyətinin icbari sığortası',
};
const OBJECT_OF: Readonly<Record<InsuranceContract['kind'], InsuredObjectKind>> = {
  'vehicle-liability': 'vehicle', 'passenger-accident': 'vehicle', 'real-estate': 'real-estate', 'employer-liability': 'employer',
};
const OBJECTS: Readonly<Record<InsuredObjectKind, string>> = {
  vehicle: 'Nəqliyyat vasitəsi (dövlət qeydiyyat nişanı)',
  'real-estate': 'Daşınmaz əmlak (kadastr nömrəsi)',
  employer: 'İşəgötürən',
};
const STATUSES: Readonly<Record<InsuranceContract['status'], string>> = {
  active: 'Qüvvədədir', expired: 'Müddəti bitmişdir', terminated: 'Vaxtından əvvəl xitam verilmişdir',
};
const CLAIM_STATUSES: Readonly<Record<InsuranceContract['claims'][number]['status'], string>> = {
  'under-review': 'Baxılır', paid: 'Ödənilmişdir', rejected: 'Ödənişdən imtina edilmişdir',
};

const coded = <C extends string>(table: Readonly<Record<C, string>>, code: C) => ({ code, label: table[code] });
const decimal = (m: Money): DecimalMoney => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function insuranceAnswer(s: Subject): InsuranceContractsAnswer | undefined {
  const record = insuranceContracts(s);
  if (!record) return undefined;
  return {
    subject: record.subject,
    contracts: record.contracts.map((c) => ({
      policyNumber: c.policyNumber,
      type: coded(TYPES, c.kind),
      insurer: c.insurer,
      insuredObject: { kind: coded(OBJECTS, OBJECT_OF[c.kind]), identifier: c.object },
      period: { from: c.startDate, to: c.endDate },
      status: coded(STATUSES, c.status),
      premium: decimal(c.premium),
      sumInsured: decimal(c.sumInsured),
      claims: c.claims.map((x) => ({ claimNumber: x.claimNumber, eventDate: x.eventDate, reportedOn: x.reportedOn, status: coded(CLAIM_STATUSES, x.status), paid: x.paid ? decimal(x.paid) : null })),
    })),
  };
}
