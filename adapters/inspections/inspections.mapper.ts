/**
 * Pure mapper of the unified register of inspections' answer (statute 11.2.25;
 * contracts/registries/inspections/upstream/inspections.openapi.json, Inspections) to the canonical
 * model (model.getInspections.schema.json). Copies the known fields only: anything else the
 * register sends is not passed on. Throws on a shape it does not know; formats and codes are
 * checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { DecimalMoney, InspectionAnswer, InspectionsAnswer } from '../../contracts/registries/inspections/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, money, nullable, object, string, subject } from '../kit/json-read';

export function inspectionsPath(params: AdapterCallParams): string {
  return 'fin' in params.subject
    ? `/v1/persons/${encodeURIComponent(params.subject.fin)}/inspections`
    : `/v1/entrepreneurs/${encodeURIComponent(params.subject.voen)}/inspections`;
}

function boolean(v: unknown, at: string): boolean {
  if (typeof v !== 'boolean') throw new TypeError(`answer: ${at} is not a boolean`);
  return v;
}

function inspection(v: unknown, at: string): InspectionAnswer {
  const i = object(v, at);
  return {
    inspectionNumber: string(i.inspectionNumber, `${at}/inspectionNumber`),
    authority: string(i.authority, `${at}/authority`),
    kind: coded(i.kind, `${at}/kind`),
    legalBasis: string(i.legalBasis, `${at}/legalBasis`),
    startedOn: string(i.startedOn, `${at}/startedOn`),
    endedOn: nullable(i.endedOn, `${at}/endedOn`, string),
    status: coded(i.status, `${at}/status`),
    findings: each(i.findings, `${at}/findings`, string),
    sanctions: each(i.sanctions, `${at}/sanctions`, (x, p) => {
      const s = object(x, p);
      return {
        kind: coded(s.kind, `${p}/kind`),
        amount: nullable(s.amount, `${p}/amount`, (m, q) => money<DecimalMoney['currency']>(m, q)),
        article: string(s.article, `${p}/article`),
        executed: boolean(s.executed, `${p}/executed`),
      };
    }),
  };
}

export function mapInspections(body: unknown): MapResult<InspectionsAnswer> {
  const b = object(body, '');
  const business = object(b.business, '/business');
  return {
    outcome: 'ok',
    data: {
      subject: subject(b.subject, '/subject'),
      business: { voen: string(business.voen, '/business/voen'), name: string(business.name, '/business/name') },
      inspections: each(b.inspections, '/inspections', inspection),
    },
  };
}
