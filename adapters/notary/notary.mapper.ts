/**
 * Pure mapper of "Elektron notariat"'s getNotarialActsResponse (contracts/registries/notary/
 * upstream/notary.xsd) to the canonical model (model.getNotarialActs.schema.json, statute 11.2.26).
 * Input: the verified payload element only. A required element missing or repeated is a shape we do
 * not know: it throws and the engine reports a bad answer. Codes and formats are checked by the
 * model schema afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader, type Coded } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const NOTARY_NS = 'http://notary.gov.az/xroad/v1';

export interface NotarialAct {
  registryNumber: string;
  type: Coded;
  date: string;
  notary: { name: string; office: string };
  /** The subject's role in the act. */
  role: Coded;
  otherParties: { role: Coded; name: string }[];
  object: string | null;
  status: Coded;
}

export interface NotarialActs {
  subject: { fin: string } | { voen: string };
  acts: NotarialAct[];
}

const r = payloadReader(NOTARY_NS, 'notary answer');

/** getNotarialActs request payload (notary.xsd element getNotarialActs). */
export function buildGetNotarialActs(params: AdapterCallParams): string {
  const s = params.subject;
  const id = 'fin' in s ? `<nota:fin>${xmlText(s.fin)}</nota:fin>` : `<nota:voen>${xmlText(s.voen)}</nota:voen>`;
  return `<nota:getNotarialActs xmlns:nota="${NOTARY_NS}">${id}</nota:getNotarialActs>`;
}

function act(el: XmlElement): NotarialAct {
  const n = r.one(el, 'notary');
  return {
    registryNumber: r.text(el, 'registryNumber'),
    type: r.coded(el, 'type'),
    date: r.text(el, 'date'),
    notary: { name: r.text(n, 'name'), office: r.text(n, 'office') },
    role: r.coded(el, 'role'),
    otherParties: r.many(r.one(el, 'otherParties'), 'party').map((p) => ({ role: r.coded(p, 'role'), name: r.text(p, 'name') })),
    object: r.optText(el, 'object'),
    status: r.coded(el, 'status'),
  };
}

export function mapGetNotarialActsResponse(payload: XmlElement): MapResult<NotarialActs> {
  return { outcome: 'ok', data: { subject: r.subject(payload), acts: r.many(r.one(payload, 'acts'), 'act').map(act) } };
}
