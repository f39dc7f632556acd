/**
 * Pure mapper of the mortgage and credit guarantee fund's answer (statute 11.2.12;
 * contracts/registries/mortgage-fund/upstream/mortgage-fund.openapi.json, MortgageLoans) to the
 * canonical model (model.getMortgageLoans.schema.json). Copies the known fields only; throws on a
 * shape it does not know; formats are checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { MortgageLoansAnswer } from '../../contracts/registries/mortgage-fund/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, integer, money, nullable, object, string, subject } from '../kit/json-read';

/** The subject is a query parameter: `fin` for a person, `voen` for a company. */
export function mortgageLoansPath(params: AdapterCallParams): string {
  const s = params.subject;
  return `/v1/mortgage-loans?${'fin' in s ? `fin=${encodeURIComponent(s.fin)}` : `voen=${encodeURIComponent(s.voen)}`}`;
}

export function mapMortgageLoans(body: unknown): MapResult<MortgageLoansAnswer> {
  const b = object(body, '');
  const data: MortgageLoansAnswer = {
    subject: subject(b.subject, '/subject'),
    loans: each(b.loans, '/loans', (v, at) => {
      const l = object(v, at);
      const bank = object(l.bank, `${at}/bank`);
      return {
        contractNumber: string(l.contractNumber, `${at}/contractNumber`),
        programme: coded(l.programme, `${at}/programme`),
        bank: { id: string(bank.id, `${at}/bank/id`), name: string(bank.name, `${at}/bank/name`) },
        amount: money(l.amount, `${at}/amount`),
        outstanding: money(l.outstanding, `${at}/outstanding`),
        issuedOn: string(l.issuedOn, `${at}/issuedOn`),
        maturesOn: string(l.maturesOn, `${at}/maturesOn`),
        status: coded(l.status, `${at}/status`),
        overdueDays: integer(l.overdueDays, `${at}/overdueDays`),
        collateralCadastralNumber: nullable(l.collateralCadastralNumber, `${at}/collateralCadastralNumber`, string),
        guaranteePercent: nullable(l.guaranteePercent, `${at}/guaranteePercent`, integer),
      };
    }),
  };
  return { outcome: 'ok', data };
}
