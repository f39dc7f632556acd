/**
 * Pure mappers of the tax register's answers (contracts/registries/tax/upstream/tax.xsd) to the
 * canonical models (contracts/registries/tax/model.ts): getTaxpayer (statute 11.2.1) and
 * getTaxAudits (statute 11.2.2). Input: the verified payload element only. An element missing or
 * repeated where the XSD allows one is a shape we do not know: it throws and the engine reports a
 * bad answer. Enumerations and formats are checked by the model schemas afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { Money } from '../../contracts/registries/common-model';
import type { TaxAudit, TaxAudits, Taxpayer, TaxpayerRecord } from '../../contracts/registries/tax/model';
import { childElements, onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { xmlText } from '../kit/xml-text';

export const TAX_NS = 'http://taxes.gov.az/xroad/v1';

/** Request payload of either operation: the operation element with the subject's fin or voen. */
function request(operation: string, params: AdapterCallParams): string {
  const [kind, value] = 'fin' in params.subject ? ['fin', params.subject.fin] : ['voen', params.subject.voen];
  return `<tax:${operation} xmlns:tax="${TAX_NS}"><tax:${kind}>${xmlText(value)}</tax:${kind}></tax:${operation}>`;
}

export const buildGetTaxpayer = (params: AdapterCallParams): string => request('getTaxpayer', params);
export const buildGetTaxAudits = (params: AdapterCallParams): string => request('getTaxAudits', params);

function child(el: XmlElement, local: string): XmlElement {
  const c = onlyChild(el, TAX_NS, local);
  if (!c) throw new Error(`tax answer: expected exactly one ${local} in ${el.local}`);
  return c;
}

function optional(el: XmlElement, local: string): XmlElement | undefined {
  const all = childElements(el, TAX_NS, local);
  if (all.length > 1) throw new Error(`tax answer: more than one ${local} in ${el.local}`);
  return all[0];
}

const text = (el: XmlElement, local: string): string => textContent(child(el, local)).trim();
const optText = (el: XmlElement, local: string): string | undefined => {
  const c = optional(el, local);
  return c ? textContent(c).trim() : undefined;
};

function num(el: XmlElement, local: string): number {
  const n = Number(text(el, local));
  if (!Number.isFinite(n)) throw new Error(`tax answer: ${local} is not a number`);
  return n;
}

function bool(el: XmlElement, local: string): boolean {
  const t = text(el, local);
  if (t !== 'true' && t !== 'false') throw new Error(`tax answer: ${local} is not a boolean`);
  return t === 'true';
}

function money(el: XmlElement): Money {
  return { amount: num(el, 'amount'), currency: text(el, 'currency') as Money['currency'] };
}

function subject(el: XmlElement): TaxpayerRecord['subject'] {
  const s = child(el, 'subject');
  const fin = optText(s, 'fin');
  const voen = optText(s, 'voen');
  if ((fin === undefined) === (voen === undefined)) throw new Error('tax answer: subject must be one of fin, voen');
  return fin !== undefined ? { fin } : { voen: voen! };
}

function taxpayer(t: XmlElement): Taxpayer {
  const activity = child(t, 'activity');
  const director = child(t, 'director');
  const capital = optional(t, 'authorizedCapital');
  return {
    voen: text(t, 'voen'),
    kind: text(t, 'kind') as Taxpayer['kind'],
    name: text(t, 'name'),
    legalForm: text(t, 'legalForm') as Taxpayer['legalForm'],
    registeredOn: text(t, 'registeredOn'),
    status: text(t, 'status') as Taxpayer['status'],
    liquidatedOn: optText(t, 'liquidatedOn') ?? null,
    legalAddress: text(t, 'legalAddress'),
    activity: { code: text(activity, 'code'), title: text(activity, 'title') },
    vatPayer: bool(t, 'vatPayer'),
    taxOffice: text(t, 'taxOffice'),
    director: { fin: text(director, 'fin'), name: text(director, 'name') },
    founders: childElements(t, TAX_NS, 'founders').map((f) => {
      const fin = optText(f, 'fin');
      const voen = optText(f, 'voen');
      return { name: text(f, 'name'), ...(fin !== undefined ? { fin } : {}), ...(voen !== undefined ? { voen } : {}), sharePercent: num(f, 'sharePercent') };
    }),
    authorizedCapital: capital ? money(capital) : null,
  };
}

export function mapGetTaxpayerResponse(payload: XmlElement): MapResult<TaxpayerRecord> {
  const r = child(payload, 'taxpayerRecord');
  return { outcome: 'ok', data: { subject: subject(r), taxpayers: childElements(r, TAX_NS, 'taxpayers').map(taxpayer) } };
}

function audit(a: XmlElement): TaxAudit {
  const period = child(a, 'period');
  const assessed = optional(a, 'assessed');
  const paid = optional(a, 'paid');
  return {
    auditNumber: text(a, 'auditNumber'),
    kind: text(a, 'kind') as TaxAudit['kind'],
    period: { from: text(period, 'from'), to: text(period, 'to') },
    startedOn: text(a, 'startedOn'),
    completedOn: optText(a, 'completedOn') ?? null,
    result: text(a, 'result') as TaxAudit['result'],
    assessed: assessed ? { tax: money(child(assessed, 'tax')), penalty: money(child(assessed, 'penalty')), interest: money(child(assessed, 'interest')) } : null,
    paid: paid ? money(paid) : null,
    appealed: bool(a, 'appealed'),
  };
}

export function mapGetTaxAuditsResponse(payload: XmlElement): MapResult<TaxAudits> {
  const r = child(payload, 'taxAudits');
  return { outcome: 'ok', data: { subject: subject(r), voen: text(r, 'voen'), audits: childElements(r, TAX_NS, 'audits').map(audit) } };
}
