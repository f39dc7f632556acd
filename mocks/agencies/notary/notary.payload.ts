/**
 * "Elektron notariat"'s answers (notary.xsd: the content of getNotarialActsResponse; the agency kit writes the element around it) written from the synthetic world's record (mocks/world:
 * notarialActs). The labels are the system's code tables; every value about the subject comes from
 * the world.
 */
import type { NotarialActs } from '../../../contracts/registries/notary/model';
import { escapeXml } from '../../kit/xroad-soap';

export const NOTARY_NS = 'http://notary.gov.az/xroad/v1';

const ACT_TYPES: Readonly<Record<string, string>> = {
  'sale-contract': 'Alqı-satqı müqaviləsi', 'gift-contract': 'Bağışlama müqaviləsi', 'power-of-attorney': 'Etibarnamə',
  'inheritance-certificate': 'Vərəsəlik hüququ haqqında şəhadətnamə', will: 'Vəsiyyətnamə', 'mortgage-contract': 'İpoteka müqaviləsi',
  'loan-contract': 'Borc müqaviləsi', 'marriage-contract': 'Nikah müqaviləsi',
};
const ROLES: Readonly<Record<string, string>> = {
  seller: 'Satıcı', buyer: 'Alıcı', donor: 'Bağışlayan', donee: 'Hədiyyə alan', principal: 'Etibar edən', attorney: 'Müvəkkil',
  heir: 'Vərəsə', testator: 'Miras qoyan', mortgagor: 'İpoteka qoyan', mortgagee: 'İpoteka saxlayan', lender: 'Borc verən',
  borrower: 'Borc alan', spouse: 'Həyat yoldaşı',
};
const STATUSES: Readonly<Record<string, string>> = { valid: 'Qüvvədədir', revoked: 'Ləğv edilib' };

const el = (name: string, value: string) => `<nota:${name}>${escapeXml(value)}</nota:${name}>`;

function coded(name: string, table: Readonly<Record<string, string>>, code: string): string {
  const label = table[code];
  if (!label) throw new Error(`notary system: no label for ${name} code ${code}`);
  return `<nota:${name} code="${escapeXml(code)}">${escapeXml(label)}</nota:${name}>`;
}

export function subjectXml(s: { fin: string } | { voen: string }): string {
  return `<nota:subject>${'fin' in s ? el('fin', s.fin) : el('voen', s.voen)}</nota:subject>`;
}

export function actsPayload(rec: NotarialActs): string {
  const acts = rec.acts.map((a) => '<nota:act>' + el('registryNumber', a.registryNumber) + coded('type', ACT_TYPES, a.type) + el('date', a.date) +
    `<nota:notary>${el('name', a.notary.name)}${el('office', a.notary.office)}</nota:notary>` + coded('role', ROLES, a.role) +
    `<nota:otherParties>${a.otherParties.map((p) => `<nota:party>${coded('role', ROLES, p.role)}${el('name', p.name)}</nota:party>`).join('')}</nota:otherParties>` +
    (a.object !== null ? el('object', a.object) : '') + coded('status', STATUSES, a.status) + '</nota:act>').join('');
  return `${subjectXml(rec.subject)}<nota:acts>${acts}</nota:acts>`;
}

