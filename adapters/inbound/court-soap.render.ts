/** The Body payloads of the court's agency service answers (contracts/agencies/court.xsd), as XML text. */
import { xmlText } from '../kit/xml-text';
import type { AgencyResult } from '../../core/agency/agency.flow';
import type { DecisionSummary, DecisionView } from '../../core/agency/decision-view';

const NS = 'http://court.gov.az/xroad/agency/v1';
const el = (name: string, v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : `<crt:${name}>${xmlText(String(v))}</crt:${name}>`);

function summary(d: DecisionSummary): string {
  return el('cursor', d.cursor) + el('decisionId', d.decisionId) + el('caseNumber', d.caseNumber) + el('courtId', d.courtId) + el('kind', d.kind) +
    el('adoptedAt', d.adoptedAt) + el('legalForceAt', d.legalForceAt) + el('toEnforce', d.toEnforce) + d.actions.map((a) => el('action', a)).join('');
}

function decision(d: DecisionView): string {
  return summary(d) +
    d.parties.map((p) => `<crt:party>${el('role', p.role)}${el('fin', p.fin)}${el('voen', p.voen)}${el('name', p.name)}</crt:party>`).join('') +
    el('operativePart', d.operativePart) + el('textSha256', d.textSha256) + el('documentSha256', d.documentSha256) + el('judgeSignature', d.judgeSignature) +
    el('signedDocument', d.signedDocument) + el('inForceSignature', d.inForceSignature) + el('attestation', d.attestation) + el('attestedContent', d.attestedContent);
}

type Entry = { version: number; agencyId: string; status: string; amountRecovered: string | null; note: string | null; reportedAt: string; receivedAt: string };
function entry(name: string, s: Entry | null): string {
  if (!s) return '';
  return `<crt:${name}>${el('version', s.version)}${el('agencyId', s.agencyId)}${el('status', s.status)}${el('amountRecovered', s.amountRecovered)}${el('note', s.note)}${el('reportedAt', s.reportedAt)}${el('receivedAt', s.receivedAt)}</crt:${name}>`;
}

export function renderResult(r: AgencyResult): string {
  const open = (name: string) => `<crt:${name} xmlns:crt="${NS}">`;
  switch (r.method) {
    case 'listDecisions':
      return `${open('listDecisionsResponse')}${r.decisions.map((d) => `<crt:decision>${summary(d)}</crt:decision>`).join('')}${el('nextCursor', r.nextCursor)}</crt:listDecisionsResponse>`;
    case 'getDecision':
      return `${open('getDecisionResponse')}<crt:decision>${decision(r.decision)}</crt:decision></crt:getDecisionResponse>`;
    case 'getEnforcementStatus':
      return `${open('getEnforcementStatusResponse')}${el('decisionId', r.decisionId)}${entry('current', r.current)}${r.history.map((h) => entry('history', h)).join('')}</crt:getEnforcementStatusResponse>`;
    case 'reportEnforcementStatus':
      return `${open('reportEnforcementStatusResponse')}${el('decisionId', r.decisionId)}${el('outcome', r.outcome)}${entry('current', r.current)}</crt:reportEnforcementStatusResponse>`;
  }
}
