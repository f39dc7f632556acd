/**
 * Pure mappers of the road police registers' answers (contracts/registries/road-police/upstream/
 * road-police.xsd) to the canonical models (model.getVehicles.schema.json, statute 11.2.8;
 * model.getDrivingLicences.schema.json, statute 11.2.9). Input: the verified payload element only. A
 * missing or repeated element is a shape we do not know: it throws and the engine reports a bad answer.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { Subject } from '../../contracts/registries/common-model';
import type { DrivingLicencesModel, EncumbranceModel, VehicleModel, VehiclesModel } from '../../contracts/registries/road-police/model';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const ROAD_POLICE_NS = 'http://road-police.gov.az/xroad/v1';

const x = payloadReader(ROAD_POLICE_NS, 'road-police answer');

/** getVehicles request payload (road-police.xsd element getVehicles): a FIN or a VÖEN. */
export function buildGetVehicles(params: AdapterCallParams): string {
  const [kind, value] = 'fin' in params.subject ? ['fin', params.subject.fin] : ['voen', params.subject.voen];
  return `<rp:getVehicles xmlns:rp="${ROAD_POLICE_NS}"><rp:${kind}>${xmlText(value)}</rp:${kind}></rp:getVehicles>`;
}

/** getDrivingLicences request payload (road-police.xsd element getDrivingLicences). */
export function buildGetDrivingLicences(params: AdapterCallParams): string {
  if (!('fin' in params.subject)) throw new TypeError('getDrivingLicences takes a FIN');
  return `<rp:getDrivingLicences xmlns:rp="${ROAD_POLICE_NS}"><rp:fin>${xmlText(params.subject.fin)}</rp:fin></rp:getDrivingLicences>`;
}

/** road-police.xsd Subject: exactly one of fin, voen. */
function subject(payload: XmlElement): Subject {
  const s = x.one(payload, 'subject');
  const fin = x.optText(s, 'fin');
  const voen = x.optText(s, 'voen');
  if ((fin === null) === (voen === null)) throw new Error('road-police answer: subject names neither or both of fin and voen');
  return fin !== null ? { fin } : { voen: voen as string };
}

function encumbrance(e: XmlElement): EncumbranceModel {
  const h = x.one(e, 'holder');
  const b = x.one(e, 'basis');
  return {
    type: x.codedElements(e, 'type'),
    holder: { name: x.text(h, 'name'), fin: x.optText(h, 'fin'), voen: x.optText(h, 'voen') },
    basis: { kind: x.codedElements(b, 'kind'), number: x.text(b, 'number'), date: x.text(b, 'date'), issuer: x.text(b, 'issuer') },
    registeredOn: x.text(e, 'registeredOn'),
    until: x.optText(e, 'until'),
  };
}

function vehicle(v: XmlElement): VehicleModel {
  return {
    plate: x.text(v, 'plate'),
    vin: x.text(v, 'vin'),
    make: x.text(v, 'make'),
    model: x.text(v, 'model'),
    year: x.int(v, 'year'),
    colour: x.text(v, 'colour'),
    kind: x.codedElements(v, 'kind'),
    registeredOn: x.text(v, 'registeredOn'),
    encumbrances: x.list(v, 'encumbrances', 'encumbrance').map(encumbrance),
  };
}

export function mapGetVehiclesResponse(payload: XmlElement): MapResult<VehiclesModel> {
  return { outcome: 'ok', data: { subject: subject(payload), vehicles: x.list(payload, 'vehicles', 'vehicle').map(vehicle) } };
}

export function mapGetDrivingLicencesResponse(payload: XmlElement): MapResult<DrivingLicencesModel> {
  return {
    outcome: 'ok',
    data: {
      subject: { fin: x.text(x.one(payload, 'subject'), 'fin') },
      licences: x.list(payload, 'licences', 'licence').map((l) => {
        const s = x.opt(l, 'suspension');
        return {
          number: x.text(l, 'number'),
          categories: x.list(l, 'categories', 'category').map((c) => ({ code: x.text(c, 'code'), label: x.text(c, 'label') })),
          issuedOn: x.text(l, 'issuedOn'),
          validUntil: x.text(l, 'validUntil'),
          status: x.codedElements(l, 'status'),
          suspension: s ? { until: x.text(s, 'until'), basis: x.text(s, 'basis') } : null,
        };
      }),
    },
  };
}
