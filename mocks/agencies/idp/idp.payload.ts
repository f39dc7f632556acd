/**
 * The refugees and IDP committee's answers (idp.xsd: the content of getIdpStatusResponse; the agency kit writes the element around it) written from the synthetic world's record
 * (mocks/world: idpStatus). The labels are the committee's code tables; every value about the
 * person comes from the world.
 */
import type { Money } from '../../../contracts/registries/common-model';
import type { IdpStatus } from '../../../contracts/registries/idp/model';
import { escapeXml } from '../../kit/xroad-soap';

export const IDP_NS = 'http://idp.gov.az/xroad/v1';

const STATUSES: Readonly<Record<string, string>> = { idp: 'Məcburi köçkün', refugee: 'Qaçqın' };
const ALLOWANCES: Readonly<Record<string, string>> = { 'monthly-food': 'Yemək xərcləri üçün aylıq müavinət' };

const el = (name: string, value: string) => `<idp:${name}>${escapeXml(value)}</idp:${name}>`;

function coded(name: string, table: Readonly<Record<string, string>>, code: string): string {
  const label = table[code];
  if (!label) throw new Error(`IDP register: no label for ${name} code ${code}`);
  return `<idp:${name} code="${escapeXml(code)}">${escapeXml(label)}</idp:${name}>`;
}

function amount(name: string, m: Money): string {
  const cents = Math.round(m.amount * 100);
  return `<idp:${name} currency="${m.currency}">${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}</idp:${name}>`;
}

export function idpPayload(rec: IdpStatus): string {
  const allowances = rec.allowances.map((a) => '<idp:allowance>' + coded('kind', ALLOWANCES, a.kind) + amount('monthlyAmount', a.monthly) +
    el('since', a.since) + (a.until ? el('until', a.until) : '') + '</idp:allowance>').join('');
  return `<idp:subject>${el('fin', rec.subject.fin)}</idp:subject>` +
    coded('status', STATUSES, rec.status) + el('certificateNumber', rec.certificateNumber) + el('since', rec.registeredOn) +
    el('originDistrict', rec.originDistrict) + el('currentSettlement', rec.settledAt) + el('familyMembers', String(rec.familyMembers)) +
    (rec.returnedOn ? el('returnedOn', rec.returnedOn) : '') + `<idp:allowances>${allowances}</idp:allowances>`;
}

