/**
 * Pure mapper of the State Housing Agency's answer (statute 11.2.18;
 * contracts/registries/housing/upstream/housing.openapi.json, RentToOwn) to the canonical model
 * (model.getRentToOwn.schema.json). Copies the known fields only: anything else the agency sends
 * is not passed on. Throws on a shape it does not know; formats and codes are checked by the
 * model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { DecimalMoney, RentToOwnAnswer, RentToOwnContractAnswer } from '../../contracts/registries/housing/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, integer, money, object, string } from '../kit/json-read';

export function rentToOwnPath(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getRentToOwn takes a FIN');
  return `/v1/persons/${encodeURIComponent(params.subject.fin)}/rent-to-own-contracts`;
}

const amount = (v: unknown, at: string) => money<DecimalMoney['currency']>(v, at);

function contract(v: unknown, at: string): RentToOwnContractAnswer {
  const c = object(v, at);
  const a = object(c.apartment, `${at}/apartment`);
  return {
    contractNumber: string(c.contractNumber, `${at}/contractNumber`),
    type: coded(c.type, `${at}/type`),
    complex: string(c.complex, `${at}/complex`),
    address: string(c.address, `${at}/address`),
    apartment: {
      building: integer(a.building, `${at}/apartment/building`),
      number: integer(a.number, `${at}/apartment/number`),
      rooms: integer(a.rooms, `${at}/apartment/rooms`),
      areaSqm: integer(a.areaSqm, `${at}/apartment/areaSqm`),
    },
    signedOn: string(c.signedOn, `${at}/signedOn`),
    termMonths: integer(c.termMonths, `${at}/termMonths`),
    price: amount(c.price, `${at}/price`),
    monthlyPayment: amount(c.monthlyPayment, `${at}/monthlyPayment`),
    paid: amount(c.paid, `${at}/paid`),
    outstanding: amount(c.outstanding, `${at}/outstanding`),
    arrears: amount(c.arrears, `${at}/arrears`),
    status: coded(c.status, `${at}/status`),
  };
}

export function mapRentToOwn(body: unknown): MapResult<RentToOwnAnswer> {
  const b = object(body, '');
  const subject = object(b.subject, '/subject');
  return { outcome: 'ok', data: { subject: { fin: string(subject.fin, '/subject/fin') }, contracts: each(b.contracts, '/contracts', contract) } };
}
