/**
 * Pure mapper of the labour and social protection register's answer (statute 11.2.4;
 * contracts/registries/labour/upstream/labour.openapi.json, Employment) to the canonical model
 * (model.getEmployment.schema.json). Copies the known fields only: anything else the register sends
 * is not passed on. Throws on a shape it does not know; formats are checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { EmploymentAnswer } from '../../contracts/registries/labour/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, integer, money, nullable, object, string } from '../kit/json-read';

export function employmentPath(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getEmployment takes a FIN');
  return `/v1/employment?fin=${encodeURIComponent(params.subject.fin)}`;
}

export function mapEmployment(body: unknown): MapResult<EmploymentAnswer> {
  const b = object(body, '');
  const subject = object(b.subject, '/subject');
  const si = object(b.socialInsurance, '/socialInsurance');
  const data: EmploymentAnswer = {
    subject: { fin: string(subject.fin, '/subject/fin') },
    contracts: each(b.contracts, '/contracts', (v, at) => {
      const c = object(v, at);
      const employer = object(c.employer, `${at}/employer`);
      return {
        contractNumber: string(c.contractNumber, `${at}/contractNumber`),
        employer: { voen: string(employer.voen, `${at}/employer/voen`), name: string(employer.name, `${at}/employer/name`) },
        position: string(c.position, `${at}/position`),
        contractType: coded(c.contractType, `${at}/contractType`),
        startDate: string(c.startDate, `${at}/startDate`),
        endDate: nullable(c.endDate, `${at}/endDate`, string),
        monthlySalary: money(c.monthlySalary, `${at}/monthlySalary`),
      };
    }),
    socialInsurance: {
      insuredSince: nullable(si.insuredSince, '/socialInsurance/insuredSince', string),
      insuredMonths: integer(si.insuredMonths, '/socialInsurance/insuredMonths'),
      lastContributionMonth: nullable(si.lastContributionMonth, '/socialInsurance/lastContributionMonth', string),
    },
    pension: nullable(b.pension, '/pension', (v, at) => {
      const p = object(v, at);
      return { type: coded(p.type, `${at}/type`), since: string(p.since, `${at}/since`), monthlyAmount: money(p.monthlyAmount, `${at}/monthlyAmount`) };
    }),
    benefits: each(b.benefits, '/benefits', (v, at) => {
      const x = object(v, at);
      return {
        type: coded(x.type, `${at}/type`), since: string(x.since, `${at}/since`),
        until: nullable(x.until, `${at}/until`, string), monthlyAmount: money(x.monthlyAmount, `${at}/monthlyAmount`),
      };
    }),
  };
  return { outcome: 'ok', data };
}
