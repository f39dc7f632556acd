/**
 * What the unified register of inspections (statute 11.2.25) answers, as inspections.openapi.json
 * `Inspections` writes it: the synthetic world's inspections of the subject's business (mocks/world
 * inspections) with the register's codes and their Azerbaijani labels, amounts as decimal strings.
 * Pure; undefined: not on file.
 */
import type { Money, Subject } from '../../../contracts/registries/common-model';
import type { DecimalMoney, Inspection, InspectionSanction, InspectionsAnswer } from '../../../contracts/registries/inspections/model';
import { inspections } from '../../world';

const KINDS: Readonly<Record<Inspection['kind'], string>> = { planned: 'Plan üzrə yoxlama', unplanned: 'Plandankənar yoxlama' };
const STATUSES: Readonly<Record<Inspection['result'], string>> = {
  'in-progress': 'Yoxlama davam edir',
  'no-violations': 'Başa çatıb, pozuntu aşkar edilməyib',
  'violations-found': 'Başa çatıb, pozuntular aşkar edilib',
};
const SANCTIONS: Readonly<Record<InspectionSanction['kind'], string>> = {
  fine: 'İnzibati cərimə',
  warning: 'Xəbərdarlıq',
  'order-to-remedy': 'Pozuntuların aradan qaldırılması barədə göstəriş',
  'activity-suspension': 'Fəaliyyətin dayandırılması',
};

const coded = <C extends string>(table: Readonly<Record<C, string>>, code: C) => ({ code, label: table[code] });
const decimal = (m: Money): DecimalMoney => ({ amount: m.amount.toFixed(2), currency: m.currency });

export function inspectionsAnswer(s: Subject): InspectionsAnswer | undefined {
  const record = inspections(s);
  if (!record) return undefined;
  return {
    subject: record.subject,
    business: { voen: record.business.voen, name: record.business.name },
    inspections: record.inspections.map((i) => ({
      inspectionNumber: i.inspectionNumber,
      authority: i.authority,
      kind: coded(KINDS, i.kind),
      legalBasis: i.legalBasis,
      startedOn: i.startedOn,
      endedOn: i.endedOn,
      status: coded(STATUSES, i.result),
      findings: [...i.findings],
      sanctions: i.sanctions.map((x) => ({ kind: coded(SANCTIONS, x.kind), amount: x.amount ? decimal(x.amount) : null, article: x.article, executed: x.executed })),
    })),
  };
}
