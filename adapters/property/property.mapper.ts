/**
 * Pure mapper of the state real-estate register's answers (contracts/registries/property/upstream/
 * property.xsd) to the canonical models (model.getRealEstateRights.schema.json, statute 11.2.5;
 * model.getEncumbrances.schema.json, statute 11.2.6). Input: the verified payload element only.
 * A required element missing or repeated is a shape we do not know: it throws and the engine
 * reports a bad answer. Codes and formats are checked by the model schemas afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { payloadReader, type Coded } from '../kit/payload-reader';
import { xmlText } from '../kit/xml-text';

export const PROPERTY_NS = 'http://property.gov.az/xroad/v1';

type Subject = { fin: string } | { voen: string };

export interface RealEstateRight {
  registryNumber: string;
  cadastralNumber: string;
  propertyType: Coded;
  address: string;
  areaSqm: number;
  rightType: Coded;
  share: string;
  registeredOn: string;
  basisDocument: string;
}

export interface RealEstateRights {
  subject: Subject;
  rights: RealEstateRight[];
}

export interface RealEstateEncumbrance {
  property: { registryNumber: string; cadastralNumber: string; address: string };
  kind: Coded;
  holder: { name: string; voen?: string };
  basis: { kind: Coded; number: string; date: string; issuer: string };
  registeredOn: string;
  until: string | null;
}

export interface RealEstateEncumbrances {
  subject: Subject;
  encumbrances: RealEstateEncumbrance[];
}

const r = payloadReader(PROPERTY_NS, 'property answer');

/** The subject of a request payload: a FIN or a VÖEN, as the catalog entry allows. */
function subjectXml(params: AdapterCallParams): string {
  const s = params.subject;
  return 'fin' in s ? `<prop:fin>${xmlText(s.fin)}</prop:fin>` : `<prop:voen>${xmlText(s.voen)}</prop:voen>`;
}

/** getRealEstateRights request payload (property.xsd element getRealEstateRights). */
export function buildGetRealEstateRights(params: AdapterCallParams): string {
  return `<prop:getRealEstateRights xmlns:prop="${PROPERTY_NS}">${subjectXml(params)}</prop:getRealEstateRights>`;
}

/** getEncumbrances request payload (property.xsd element getEncumbrances). */
export function buildGetEncumbrances(params: AdapterCallParams): string {
  return `<prop:getEncumbrances xmlns:prop="${PROPERTY_NS}">${subjectXml(params)}</prop:getEncumbrances>`;
}

function right(el: XmlElement): RealEstateRight {
  return {
    registryNumber: r.text(el, 'registryNumber'),
    cadastralNumber: r.text(el, 'cadastralNumber'),
    propertyType: r.coded(el, 'propertyType'),
    address: r.text(el, 'address'),
    areaSqm: r.decimal(el, 'areaSqm'),
    rightType: r.coded(el, 'rightType'),
    share: r.text(el, 'share'),
    registeredOn: r.text(el, 'registeredOn'),
    basisDocument: r.text(el, 'basisDocument'),
  };
}

export function mapGetRealEstateRightsResponse(payload: XmlElement): MapResult<RealEstateRights> {
  const rights = r.many(r.one(payload, 'rights'), 'right').map(right);
  return { outcome: 'ok', data: { subject: r.subject(payload), rights } };
}

function encumbrance(el: XmlElement): RealEstateEncumbrance {
  const p = r.one(el, 'property');
  const h = r.one(el, 'holder');
  const b = r.one(el, 'basis');
  const voen = r.optText(h, 'voen');
  return {
    property: { registryNumber: r.text(p, 'registryNumber'), cadastralNumber: r.text(p, 'cadastralNumber'), address: r.text(p, 'address') },
    kind: r.coded(el, 'kind'),
    holder: voen === null ? { name: r.text(h, 'name') } : { name: r.text(h, 'name'), voen },
    basis: { kind: r.coded(b, 'kind'), number: r.text(b, 'number'), date: r.text(b, 'date'), issuer: r.text(b, 'issuer') },
    registeredOn: r.text(el, 'registeredOn'),
    until: r.optText(el, 'until'),
  };
}

export function mapGetEncumbrancesResponse(payload: XmlElement): MapResult<RealEstateEncumbrances> {
  const encumbrances = r.many(r.one(payload, 'encumbrances'), 'encumbrance').map(encumbrance);
  return { outcome: 'ok', data: { subject: r.subject(payload), encumbrances } };
}
