/**
 * Pure mapper of the pledge register's answer (statute 11.2.15;
 * contracts/registries/collateral/upstream/collateral.openapi.json, Pledges) to the canonical model
 * (model.getCollateral.schema.json). Copies the known fields only; throws on a shape it does not
 * know; formats are checked by the model schema.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { PartyRef } from '../../contracts/registries/common-model';
import type { PledgesAnswer } from '../../contracts/registries/collateral/model';
import type { MapResult } from '../kit/descriptor';
import { coded, each, money, object, string, subject } from '../kit/json-read';

/** The subject is a query parameter: `fin` for a person, `voen` for a company. */
export function pledgesPath(params: AdapterCallParams): string {
  const s = params.subject;
  return `/v1/pledges?${'fin' in s ? `fin=${encodeURIComponent(s.fin)}` : `voen=${encodeURIComponent(s.voen)}`}`;
}

function party(v: unknown, at: string): PartyRef {
  const p = object(v, at);
  const out: PartyRef = { name: string(p.name, `${at}/name`) };
  if (p.fin !== undefined) out.fin = string(p.fin, `${at}/fin`);
  if (p.voen !== undefined) out.voen = string(p.voen, `${at}/voen`);
  return out;
}

export function mapPledges(body: unknown): MapResult<PledgesAnswer> {
  const b = object(body, '');
  const data: PledgesAnswer = {
    subject: subject(b.subject, '/subject'),
    pledges: each(b.pledges, '/pledges', (v, at) => {
      const p = object(v, at);
      return {
        registrationNumber: string(p.registrationNumber, `${at}/registrationNumber`),
        propertyKind: coded(p.propertyKind, `${at}/propertyKind`),
        description: string(p.description, `${at}/description`),
        pledgor: party(p.pledgor, `${at}/pledgor`),
        securedAmount: money(p.securedAmount, `${at}/securedAmount`),
        registeredOn: string(p.registeredOn, `${at}/registeredOn`),
        status: coded(p.status, `${at}/status`),
      };
    }),
  };
  return { outcome: 'ok', data };
}
