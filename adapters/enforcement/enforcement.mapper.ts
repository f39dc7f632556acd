/**
 * Pure mapper of the enforcement service's answer (contracts/registries/enforcement/upstream/
 * enforcement.xsd) to the canonical model (contracts/registries/enforcement/model.ts): statute
 * 11.2.23 getEnforcementStatus. Input: the verified payload element only. An element missing or
 * repeated where the XSD allows one is a shape we do not know: it throws and the engine reports a
 * bad answer. Enumerations and formats are checked by the model schema afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { Money, PartyRef } from '../../contracts/registries/common-model';
import type { EnforcementMeasure, EnforcementProceeding, EnforcementStatus, ProceedingStatus } from '../../contracts/registries/enforcement/model';
import { childElements, onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import type { MapResult } from '../kit/descriptor';
import { xmlText } from '../kit/xml-text';

export const ENFORCEMENT_NS = 'http://icra.gov.az/xroad/v1';

export function buildGetEnforcementStatus(params: AdapterCallParams): string {
  const [kind, value] = 'fin' in params.subject ? ['fin', params.subject.fin] : ['voen', params.subject.voen];
  return `<enf:getEnforcementStatus xmlns:enf="${ENFORCEMENT_NS}"><enf:${kind}>${xmlText(value)}</enf:${kind}></enf:getEnforcementStatus>`;
}

function child(el: XmlElement, local: string): XmlElement {
  const c = onlyChild(el, ENFORCEMENT_NS, local);
  if (!c) throw new Error(`enforcement answer: expected exactly one ${local} in ${el.local}`);
  return c;
}

function optional(el: XmlElement, local: string): XmlElement | undefined {
  const all = childElements(el, ENFORCEMENT_NS, local);
  if (all.length > 1) throw new Error(`enforcement answer: more than one ${local} in ${el.local}`);
  return all[0];
}

const text = (el: XmlElement, local: string): string => textContent(child(el, local)).trim();
const optText = (el: XmlElement, local: string): string | null => {
  const c = optional(el, local);
  return c ? textContent(c).trim() : null;
};

function money(el: XmlElement): Money {
  const amount = Number(text(el, 'amount'));
  if (!Number.isFinite(amount)) throw new Error('enforcement answer: amount is not a number');
  return { amount, currency: text(el, 'currency') as Money['currency'] };
}

function party(el: XmlElement): PartyRef {
  const p: PartyRef = { name: text(el, 'name') };
  const fin = optText(el, 'fin');
  const voen = optText(el, 'voen');
  if (fin) p.fin = fin;
  if (voen) p.voen = voen;
  return p;
}

function proceeding(el: XmlElement): EnforcementProceeding {
  const d = child(el, 'decision');
  return {
    proceedingNumber: text(el, 'proceedingNumber'),
    decision: { court: text(d, 'court'), caseNumber: text(d, 'caseNumber'), decisionDate: text(d, 'decisionDate'), decisionId: optText(d, 'decisionId') },
    role: text(el, 'role') as EnforcementProceeding['role'],
    otherParty: party(child(el, 'otherParty')),
    claim: money(child(el, 'claim')),
    recovered: money(child(el, 'recovered')),
    status: text(el, 'status') as ProceedingStatus,
    openedOn: text(el, 'openedOn'),
    closedOn: optText(el, 'closedOn'),
    office: text(el, 'office'),
    measures: childElements(el, ENFORCEMENT_NS, 'measures').map((m): EnforcementMeasure => ({
      kind: text(m, 'kind') as EnforcementMeasure['kind'], appliedOn: text(m, 'appliedOn'), target: optText(m, 'target'),
    })),
  };
}

export function mapGetEnforcementStatusResponse(payload: XmlElement): MapResult<EnforcementStatus> {
  const status = child(payload, 'enforcementStatus');
  const subjectEl = child(status, 'subject');
  const fin = optText(subjectEl, 'fin');
  const voen = optText(subjectEl, 'voen');
  if ((fin === null) === (voen === null)) throw new Error('enforcement answer: the subject must be one of fin and voen');
  const proceedings = childElements(status, ENFORCEMENT_NS, 'proceedings').map(proceeding);
  if (proceedings.length === 0) throw new Error('enforcement answer: a record without proceedings');
  return { outcome: 'ok', data: { subject: fin !== null ? { fin } : { voen: voen as string }, proceedings } };
}
