/**
 * The state real-estate register's answers (property.xsd: the content of getRealEstateRightsResponse and getEncumbrancesResponse; the agency kit writes the element around it) written from the synthetic world's
 * records (mocks/world: realEstateRights, realEstateEncumbrances). The labels are the register's
 * code tables; every value about the subject comes from the world.
 */
import type { Encumbrance } from '../../../contracts/registries/common-model';
import type { RealEstateEncumbrances, RealEstateRights } from '../../../contracts/registries/property/model';
import { escapeXml } from '../../kit/xroad-soap';

export const PROPERTY_NS = 'http://property.gov.az/xroad/v1';

const PROPERTY_TYPES: Readonly<Record<string, string>> = {
  apartment: 'Mənzil', house: 'Fərdi yaşayış evi', land: 'Torpaq sahəsi', 'non-residential': 'Qeyri-yaşayış sahəsi',
};
const RIGHT_TYPES: Readonly<Record<string, string>> = {
  ownership: 'Mülkiyyət hüququ', 'joint-ownership': 'Birgə mülkiyyət hüququ', use: 'İstifadə hüququ', lease: 'İcarə hüququ',
};
const ENCUMBRANCE_KINDS: Readonly<Record<string, string>> = {
  arrest: 'Həbs', mortgage: 'İpoteka', pledge: 'Girov', lease: 'İcarə', ban: 'Qadağa',
};
const BASIS_KINDS: Readonly<Record<string, string>> = {
  'court-decision': 'Məhkəmə qərarı', 'enforcement-order': 'İcra məmurunun qərarı', 'mortgage-contract': 'İpoteka müqaviləsi',
  'pledge-contract': 'Girov müqaviləsi', 'lease-contract': 'İcarə müqaviləsi', 'investigator-order': 'Müstəntiqin qərarı',
};

const el = (name: string, value: string) => `<prop:${name}>${escapeXml(value)}</prop:${name}>`;

function coded(name: string, table: Readonly<Record<string, string>>, code: string): string {
  const label = table[code];
  if (!label) throw new Error(`property register: no label for ${name} code ${code}`);
  return `<prop:${name} code="${escapeXml(code)}">${escapeXml(label)}</prop:${name}>`;
}

export function subjectXml(s: { fin: string } | { voen: string }): string {
  return `<prop:subject>${'fin' in s ? el('fin', s.fin) : el('voen', s.voen)}</prop:subject>`;
}

export function rightsPayload(rec: RealEstateRights): string {
  const rights = rec.rights.map((x) => '<prop:right>' +
    el('registryNumber', x.registryNumber) + el('cadastralNumber', x.cadastralNumber) + coded('propertyType', PROPERTY_TYPES, x.kind) +
    el('address', x.address) + el('areaSqm', String(x.areaSqm)) + coded('rightType', RIGHT_TYPES, x.rightType) + el('share', x.share) +
    el('registeredOn', x.registeredOn) + el('basisDocument', x.basisDocument) + '</prop:right>').join('');
  return `${subjectXml(rec.subject)}<prop:rights>${rights}</prop:rights>`;
}

function holderXml(h: Encumbrance['holder']): string {
  return `<prop:holder>${el('name', h.name)}${h.voen ? el('voen', h.voen) : ''}</prop:holder>`;
}

export function encumbrancesPayload(rec: RealEstateEncumbrances): string {
  const list = rec.encumbrances.map((e) => '<prop:encumbrance>' +
    `<prop:property>${el('registryNumber', e.registryNumber)}${el('cadastralNumber', e.cadastralNumber)}${el('address', e.address)}</prop:property>` +
    coded('kind', ENCUMBRANCE_KINDS, e.type) + holderXml(e.holder) +
    `<prop:basis>${coded('kind', BASIS_KINDS, e.basis.kind)}${el('number', e.basis.number)}${el('date', e.basis.date)}${el('issuer', e.basis.issuer)}</prop:basis>` +
    el('registeredOn', e.registeredOn) + (e.until ? el('until', e.until) : '') + '</prop:encumbrance>').join('');
  return `${subjectXml(rec.subject)}<prop:encumbrances>${list}</prop:encumbrances>`;
}

