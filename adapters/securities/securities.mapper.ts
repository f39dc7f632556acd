/**
 * Pure mapper of the National Depository Centre's getSecuritiesResponse (contracts/registries/
 * securities/upstream/securities.xsd) to the canonical model (model.getSecurities.schema.json,
 * statute 11.2.19). Input: the verified payload element only. A required element missing or
 * repeated is a shape we do not know: it throws and the engine reports a bad answer. Amounts stay
 * decimal strings with their currency; codes and formats are checked by the model schema afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader, type Amount, type Coded } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const SECURITIES_NS = 'http://securities.gov.az/xroad/v1';

export interface SecurityEncumbrance {
  kind: Coded;
  holder: { name: string; voen?: string };
  basis: { kind: Coded; number: string; date: string; issuer: string };
  registeredOn: string;
  until: string | null;
}

export interface SecurityHolding {
  isin: string;
  issuer: { name: string; voen: string };
  class: Coded;
  quantity: number;
  nominalValue: Amount;
  totalNominalValue: Amount;
  encumbrances: SecurityEncumbrance[];
}

export interface Securities {
  subject: { fin: string } | { voen: string };
  custodyAccount: string;
  holdings: SecurityHolding[];
}

const r = payloadReader(SECURITIES_NS, 'securities answer');

/** getSecurities request payload (securities.xsd element getSecurities). */
export function buildGetSecurities(params: AdapterCallParams): string {
  const s = params.subject;
  const id = 'fin' in s ? `<sec:fin>${xmlText(s.fin)}</sec:fin>` : `<sec:voen>${xmlText(s.voen)}</sec:voen>`;
  return `<sec:getSecurities xmlns:sec="${SECURITIES_NS}">${id}</sec:getSecurities>`;
}

function encumbrance(el: XmlElement): SecurityEncumbrance {
  const h = r.one(el, 'holder');
  const b = r.one(el, 'basis');
  const voen = r.optText(h, 'voen');
  return {
    kind: r.coded(el, 'kind'),
    holder: voen === null ? { name: r.text(h, 'name') } : { name: r.text(h, 'name'), voen },
    basis: { kind: r.coded(b, 'kind'), number: r.text(b, 'number'), date: r.text(b, 'date'), issuer: r.text(b, 'issuer') },
    registeredOn: r.text(el, 'registeredOn'),
    until: r.optText(el, 'until'),
  };
}

function holding(el: XmlElement): SecurityHolding {
  const issuer = r.one(el, 'issuer');
  return {
    isin: r.text(el, 'isin'),
    issuer: { name: r.text(issuer, 'name'), voen: r.text(issuer, 'voen') },
    class: r.coded(el, 'class'),
    quantity: r.int(el, 'quantity'),
    nominalValue: r.amount(el, 'nominalValue'),
    totalNominalValue: r.amount(el, 'totalNominalValue'),
    encumbrances: r.many(r.one(el, 'encumbrances'), 'encumbrance').map(encumbrance),
  };
}

export function mapGetSecuritiesResponse(payload: XmlElement): MapResult<Securities> {
  return {
    outcome: 'ok',
    data: {
      subject: r.subject(payload),
      custodyAccount: r.text(payload, 'custodyAccount'),
      holdings: r.many(r.one(payload, 'holdings'), 'holding').map(holding),
    },
  };
}
