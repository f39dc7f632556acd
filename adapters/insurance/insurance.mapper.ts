/**
 * Pure mapper of the compulsory insurance bureau's answer (statute 11.2.20;
 * contracts/registries/insurance/upstream/insurance.openapi.json, InsuranceContracts) to the
 * canonical model (model.getInsuranceContracts.schema.json). Copies the known fields only: anything
 * else the bureau sends is not passed on. Throws on a shape it does not know; formats and codes are
 * checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { DecimalMoney, InsuranceContractAnswer, InsuranceContractsAnswer } from '../../contracts/registries/insurance/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, money, nullable, object, string, subject } from '../kit/json-read';

export function insuranceContractsPath(params: AdapterCallParams): string {
  return 'fin' in params.subject
    ? `/v1/persons/${encodeURIComponent(params.subject.fin)}/insurance-contracts`
    : `/v1/organisations/${encodeURIComponent(params.subject.voen)}/insurance-contracts`;
}

function contract(v: unknown, at: string): InsuranceContractAnswer {
  const c = object(v, at);
  const obj = object(c.insuredObject, `${at}/insuredObject`);
  const period = object(c.period, `${at}/period`);
  return {
    policyNumber: string(c.policyNumber, `${at}/policyNumber`),
    type: coded(c.type, `${at}/type`),
    insurer: string(c.insurer, `${at}/insurer`),
    insuredObject: { kind: coded(obj.kind, `${at}/insuredObject/kind`), identifier: string(obj.identifier, `${at}/insuredObject/identifier`) },
    period: { from: string(period.from, `${at}/period/from`), to: string(period.to, `${at}/period/to`) },
    status: coded(c.status, `${at}/status`),
    premium: money(c.premium, `${at}/premium`),
    sumInsured: money(c.sumInsured, `${at}/sumInsured`),
    claims: each(c.claims, `${at}/claims`, (x, p) => {
      const k = object(x, p);
      return {
        claimNumber: string(k.claimNumber, `${p}/claimNumber`),
        eventDate: string(k.eventDate, `${p}/eventDate`),
        reportedOn: string(k.reportedOn, `${p}/reportedOn`),
        status: coded(k.status, `${p}/status`),
        paid: nullable(k.paid, `${p}/paid`, (m, q) => money<DecimalMoney['currency']>(m, q)),
      };
    }),
  };
}

export function mapInsuranceContracts(body: unknown): MapResult<InsuranceContractsAnswer> {
  const b = object(body, '');
  return { outcome: 'ok', data: { subject: subject(b.subject, '/subject'), contracts: each(b.contracts, '/contracts', contract) } };
}
