/**
 * Pure mapper of the credit registry's answer (statute 11.2.14;
 * contracts/registries/credit-registry/upstream/credit-registry.openapi.json, CreditReport) to the
 * canonical model (model.getCreditReport.schema.json). Copies the known fields only; throws on a
 * shape it does not know; formats are checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { CreditReportAnswer, ObligationAnswer } from '../../contracts/registries/credit-registry/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, integer, money, nullable, object, string, subject, type JsonObject } from '../kit/json-read';

/** The subject is a query parameter: `fin` for a person, `voen` for a company. */
export function creditReportPath(params: AdapterCallParams): string {
  const s = params.subject;
  return `/v1/credit-reports?${'fin' in s ? `fin=${encodeURIComponent(s.fin)}` : `voen=${encodeURIComponent(s.voen)}`}`;
}

function obligation(o: JsonObject, at: string): ObligationAnswer {
  const creditor = object(o.creditor, `${at}/creditor`);
  return {
    contractNumber: string(o.contractNumber, `${at}/contractNumber`),
    creditor: { id: string(creditor.id, `${at}/creditor/id`), name: string(creditor.name, `${at}/creditor/name`) },
    type: coded(o.type, `${at}/type`),
    contractDate: string(o.contractDate, `${at}/contractDate`),
    closedOn: nullable(o.closedOn, `${at}/closedOn`, string),
    amount: money(o.amount, `${at}/amount`),
    outstanding: money(o.outstanding, `${at}/outstanding`),
    overdueDays: integer(o.overdueDays, `${at}/overdueDays`),
    worstOverdueDays: integer(o.worstOverdueDays, `${at}/worstOverdueDays`),
    collateral: nullable(o.collateral, `${at}/collateral`, (v, where) => {
      const c = object(v, where);
      return { type: coded(c.type, `${where}/type`), reference: string(c.reference, `${where}/reference`) };
    }),
  };
}

export function mapCreditReport(body: unknown): MapResult<CreditReportAnswer> {
  const b = object(body, '');
  const s = object(b.summary, '/summary');
  const data: CreditReportAnswer = {
    subject: subject(b.subject, '/subject'),
    summary: {
      activeCount: integer(s.activeCount, '/summary/activeCount'),
      closedCount: integer(s.closedCount, '/summary/closedCount'),
      guaranteedCount: integer(s.guaranteedCount, '/summary/guaranteedCount'),
      totalOutstanding: money(s.totalOutstanding, '/summary/totalOutstanding'),
      maxOverdueDays: integer(s.maxOverdueDays, '/summary/maxOverdueDays'),
    },
    active: each(b.active, '/active', (v, at) => obligation(object(v, at), at)),
    closed: each(b.closed, '/closed', (v, at) => obligation(object(v, at), at)),
    guaranteed: each(b.guaranteed, '/guaranteed', (v, at) => {
      const g = object(v, at);
      const borrower = object(g.borrower, `${at}/borrower`);
      return { ...obligation(g, at), borrower: { name: string(borrower.name, `${at}/borrower/name`) } };
    }),
  };
  return { outcome: 'ok', data };
}
