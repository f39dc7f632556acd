/**
 * Pure mapper of the penitentiary service's getDetentionStatusResponse (contracts/registries/
 * penitentiary/upstream/penitentiary.xsd) to the canonical model (model.getDetentionStatus.schema.json),
 * statute 11.2.24. Input: the verified payload element only. A missing or repeated element is a shape
 * we do not know: it throws and the engine reports a bad answer.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { DetentionModel, DetentionStatusModel } from '../../contracts/registries/penitentiary/model';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const PENITENTIARY_NS = 'http://penitentiary.gov.az/xroad/v1';

const x = payloadReader(PENITENTIARY_NS, 'penitentiary answer');

/** getDetentionStatus request payload (penitentiary.xsd element getDetentionStatus). */
export function buildGetDetentionStatus(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getDetentionStatus takes a FIN');
  return `<pen:getDetentionStatus xmlns:pen="${PENITENTIARY_NS}"><pen:fin>${xmlText(params.subject.fin)}</pen:fin></pen:getDetentionStatus>`;
}

function detention(d: XmlElement): DetentionModel {
  const b = x.one(d, 'basis');
  return {
    kind: x.codedElements(d, 'kind'),
    facility: x.text(d, 'facility'),
    since: x.text(d, 'since'),
    plannedRelease: x.optText(d, 'plannedRelease'),
    releasedOn: x.optText(d, 'releasedOn'),
    basis: { court: x.text(b, 'court'), caseNumber: x.text(b, 'caseNumber'), decisionDate: x.text(b, 'decisionDate') },
  };
}

export function mapGetDetentionStatusResponse(payload: XmlElement): MapResult<DetentionStatusModel> {
  const current = x.opt(payload, 'current');
  const heldNow = x.bool(payload, 'heldNow');
  // The register says "held now" and gives the detention: one without the other is not an answer we know.
  if (heldNow !== Boolean(current)) throw new Error('penitentiary answer: heldNow disagrees with current');
  return {
    outcome: 'ok',
    data: {
      subject: { fin: x.text(x.one(payload, 'subject'), 'fin') },
      heldNow,
      current: current ? detention(current) : null,
      history: x.list(payload, 'history', 'detention').map(detention),
    },
  };
}
