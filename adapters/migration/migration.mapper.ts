/**
 * Pure mappers of the border and migration service's answers (contracts/registries/migration/
 * upstream/migration.xsd) to the canonical models (model.getBorderCrossings.schema.json, statute
 * 11.2.10; model.getTravelBans.schema.json, statute 11.2.11). Input: the verified payload element
 * only. A missing or repeated element is a shape we do not know: it throws and the engine reports a
 * bad answer. No crossing, no ban is data (an empty list), never "not found".
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { BorderCrossingsModel, TravelBanModel, TravelBansModel } from '../../contracts/registries/migration/model';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const MIGRATION_NS = 'http://migration.gov.az/xroad/v1';

const x = payloadReader(MIGRATION_NS, 'migration answer');

function finRequest(operation: string, params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError(`${operation} takes a FIN`);
  return `<mig:${operation} xmlns:mig="${MIGRATION_NS}"><mig:fin>${xmlText(params.subject.fin)}</mig:fin></mig:${operation}>`;
}

/** getBorderCrossings request payload (migration.xsd element getBorderCrossings). */
export const buildGetBorderCrossings = (params: AdapterCallParams): string => finRequest('getBorderCrossings', params);

/** getTravelBans request payload (migration.xsd element getTravelBans). */
export const buildGetTravelBans = (params: AdapterCallParams): string => finRequest('getTravelBans', params);

const subjectFin = (payload: XmlElement) => ({ fin: x.text(x.one(payload, 'subject'), 'fin') });

export function mapGetBorderCrossingsResponse(payload: XmlElement): MapResult<BorderCrossingsModel> {
  return {
    outcome: 'ok',
    data: {
      subject: subjectFin(payload),
      crossings: x.list(payload, 'crossings', 'crossing').map((c) => ({
        at: x.text(c, 'at'),
        direction: x.codedElements(c, 'direction'),
        checkpoint: x.text(c, 'checkpoint'),
        country: x.text(c, 'country'),
        document: x.text(c, 'document'),
        vehiclePlate: x.optText(c, 'vehiclePlate'),
      })),
    },
  };
}

export function mapGetTravelBansResponse(payload: XmlElement): MapResult<TravelBansModel> {
  const bans = x.list(payload, 'bans', 'ban').map((b): TravelBanModel => {
    const basis = x.one(b, 'basis');
    return {
      banNumber: x.text(b, 'banNumber'),
      basis: { kind: x.codedElements(basis, 'kind'), number: x.text(basis, 'number'), date: x.text(basis, 'date'), issuer: x.text(basis, 'issuer') },
      since: x.text(b, 'since'),
      until: x.optText(b, 'until'),
      status: x.codedElements(b, 'status'),
    };
  });
  const barred = x.bool(payload, 'barred');
  // 11.2.11: "barred" is what a court acts on; it must agree with the bans listed.
  if (barred !== bans.some((b) => b.status.code === 'active')) throw new Error('migration answer: barred disagrees with the bans listed');
  return { outcome: 'ok', data: { subject: subjectFin(payload), barred, bans } };
}
