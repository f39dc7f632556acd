/**
 * The National Depository Centre's answers (securities.xsd: the content of getSecuritiesResponse; the agency kit writes the element around it) written from the synthetic world's
 * record (mocks/world: securities). The labels are the depository's code tables; every value about
 * the subject comes from the world; the holding's total is quantity × nominal, as the depository
 * states it.
 */
import type { Encumbrance, Money } from '../../../contracts/registries/common-model';
import type { Securities } from '../../../contracts/registries/securities/model';
import { escapeXml } from '../../kit/xroad-soap';

export const SECURITIES_NS = 'http://securities.gov.az/xroad/v1';

const CLASSES: Readonly<Record<string, string>> = { share: 'Səhm', bond: 'İstiqraz' };
const ENCUMBRANCE_KINDS: Readonly<Record<string, string>> = { arrest: 'Həbs', pledge: 'Girov' };
const BASIS_KINDS: Readonly<Record<string, string>> = {
  'court-decision': 'Məhkəmə qərarı', 'enforcement-order': 'İcra məmurunun qərarı', 'pledge-contract': 'Girov müqaviləsi', 'investigator-order': 'Müstəntiqin qərarı',
};

const el = (name: string, value: string) => `<sec:${name}>${escapeXml(value)}</sec:${name}>`;

function coded(name: string, table: Readonly<Record<string, string>>, code: string): string {
  const label = table[code];
  if (!label) throw new Error(`depository: no label for ${name} code ${code}`);
  return `<sec:${name} code="${escapeXml(code)}">${escapeXml(label)}</sec:${name}>`;
}

/** Money in minor units avoids binary fractions: 2527 × 100.00 is 252700.00, exactly. */
function amount(name: string, m: Money, times = 1): string {
  const cents = Math.round(m.amount * 100) * times;
  return `<sec:${name} currency="${m.currency}">${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}</sec:${name}>`;
}

export function subjectXml(s: { fin: string } | { voen: string }): string {
  return `<sec:subject>${'fin' in s ? el('fin', s.fin) : el('voen', s.voen)}</sec:subject>`;
}

function encumbranceXml(e: Encumbrance): string {
  return '<sec:encumbrance>' + coded('kind', ENCUMBRANCE_KINDS, e.type) +
    `<sec:holder>${el('name', e.holder.name)}${e.holder.voen ? el('voen', e.holder.voen) : ''}</sec:holder>` +
    `<sec:basis>${coded('kind', BASIS_KINDS, e.basis.kind)}${el('number', e.basis.number)}${el('date', e.basis.date)}${el('issuer', e.basis.issuer)}</sec:basis>` +
    el('registeredOn', e.registeredOn) + (e.until ? el('until', e.until) : '') + '</sec:encumbrance>';
}

export function securitiesPayload(rec: Securities): string {
  const holdings = rec.holdings.map((h) => '<sec:holding>' + el('isin', h.isin) +
    `<sec:issuer>${el('name', h.issuer.name)}${el('voen', h.issuer.voen)}</sec:issuer>` + coded('class', CLASSES, h.kind) +
    el('quantity', String(h.quantity)) + amount('nominalValue', h.nominalValue) + amount('totalNominalValue', h.nominalValue, h.quantity) +
    `<sec:encumbrances>${h.encumbrances.map(encumbranceXml).join('')}</sec:encumbrances></sec:holding>`).join('');
  return `${subjectXml(rec.subject)}${el('custodyAccount', rec.accountNumber)}<sec:holdings>${holdings}</sec:holdings>`;
}

