/**
 * The transferDecision payload and answer of contracts/agencies/enforcement-transfer.wsdl: pure.
 * The request carries what the enforcement service needs to open a proceeding (statute 6.1.19):
 * the decision's facts and parties, the actions, and — for its file — the judge's signed document
 * and the hub's attestation of legal force.
 */
import { HubError } from '../../contracts/hub';
import { canonicalJson } from '../../signing/canonical-json';
import { childElements, onlyChild, textContent, type XmlElement } from '../../signing/xml/light-dom';
import { xmlText } from '../kit/xml-text';

export const TRANSFER_NS = 'http://icra.gov.az/xroad/court-transfer/v1';
export const TRANSFER_SERVICE = { serviceCode: 'transferDecision', serviceVersion: 'v1' } as const;
export const TRANSFER_SOAP_ACTION = `${TRANSFER_NS}/transferDecision`;

export interface TransferInput {
  decisionId: string;
  caseNumber: string;
  courtId: string;
  kind: string;
  adoptedAt: string;
  legalForceAt: string;
  parties: { role: string; fin?: string; voen?: string; name: string }[];
  actions: string[];
  operativePart: string;
  textSha256: string;
  /** The decision document as the judge signed it (its canonical form is what the signature covers). */
  document: unknown;
  judgeSignature: Buffer;
  attestation: Buffer;
}

export interface TransferAnswer { decisionId: string; proceedingNumber: string; status: 'accepted' | 'already-accepted'; acceptedAt: string }

const el = (name: string, value: string) => `<t:${name}>${xmlText(value)}</t:${name}>`;

export function buildTransfer(t: TransferInput): string {
  const parties = t.parties.map((p) => `<t:party>${el('role', p.role)}${p.fin ? el('fin', p.fin) : el('voen', p.voen ?? '')}${el('name', p.name)}</t:party>`).join('');
  return `<t:transferDecision xmlns:t="${TRANSFER_NS}">` +
    el('decisionId', t.decisionId) + el('caseNumber', t.caseNumber) + el('courtId', t.courtId) + el('kind', t.kind) +
    el('adoptedAt', t.adoptedAt) + el('legalForceAt', t.legalForceAt) + parties + t.actions.map((a) => el('action', a)).join('') +
    el('operativePart', t.operativePart) + el('textSha256', t.textSha256) +
    el('decisionDocument', Buffer.from(canonicalJson(t.document), 'utf8').toString('base64')) +
    el('judgeSignature', t.judgeSignature.toString('base64')) + el('legalForceAttestation', t.attestation.toString('base64')) +
    `</t:transferDecision>`;
}

/** The verified answer's payload element → the proceeding. Throws on a shape it does not know. */
export function mapTransferAnswer(payload: XmlElement, decisionId: string): TransferAnswer {
  if (payload.ns !== TRANSFER_NS || payload.local !== 'transferDecisionResponse') throw new HubError('HUB_ERR_UPSTREAM_BAD_ANSWER', { origin: 'provider', details: { provider: 'enforcement', reason: 'unexpected-payload' } });
  const text = (name: string) => {
    const e = onlyChild(payload, TRANSFER_NS, name);
    if (!e) throw new HubError('HUB_ERR_UPSTREAM_BAD_ANSWER', { origin: 'provider', details: { provider: 'enforcement', reason: `missing-${name}` } });
    return textContent(e).trim();
  };
  const a = { decisionId: text('decisionId'), proceedingNumber: text('proceedingNumber'), status: text('status'), acceptedAt: text('acceptedAt') };
  if (childElements(payload).length !== 4 || (a.status !== 'accepted' && a.status !== 'already-accepted') || !a.proceedingNumber) {
    throw new HubError('HUB_ERR_UPSTREAM_BAD_ANSWER', { origin: 'provider', details: { provider: 'enforcement', reason: 'shape' } });
  }
  // The answer is about the decision sent, not another one.
  if (a.decisionId !== decisionId) throw new HubError('HUB_ERR_UPSTREAM_SUBJECT_MISMATCH', { origin: 'provider', details: { provider: 'enforcement', reason: 'decision-id' } });
  return a as TransferAnswer;
}
