/**
 * A decision as one agency receives it: minimized to what it needs (the directory's partyFields
 * and operativePart; only the parties its addressee entry names — the enforcement service, all
 * parties of a decision to be enforced), with the judge's signature and the hub's attestation of
 * legal force. The signed document itself is handed out only to an agency that may see all of it;
 * the others check the judge's signature over `documentSha256` (the CMS messageDigest) and the
 * hub's attestation that binds it.
 */
import { hash } from 'node:crypto';
import type { Agency } from '../../agencies/directory.types';
import { partyId } from '../decisions/decision.types';
import { legalForceAttestation } from '../decisions/decision.flow';
import { canonicalBytes } from '../orders/order.canonical';
import type { SignedDecision } from '../store/repositories/signed-decisions';

export interface DecisionSummary {
  cursor: number;
  decisionId: string;
  caseNumber: string;
  courtId: string;
  kind: string;
  adoptedAt: string;
  legalForceAt: string;
  toEnforce: boolean;
  actions: string[];
}

export interface PartyView { role: string; fin?: string; voen?: string; name?: string }

export interface DecisionView extends DecisionSummary {
  parties: PartyView[];
  operativePart?: string;
  textSha256: string;
  /** SHA-256 of the canonical bytes of the judge's document: the messageDigest of the judge's CMS. */
  documentSha256: string;
  judgeSignature: string;
  /** Base64 of the canonical document, only to an agency that may see all of it. */
  signedDocument?: string;
  inForceSignature: string;
  attestation: string;
  /** Base64 of the canonical attestation the hub signed (detached). */
  attestedContent: string;
}

function actionsFor(d: SignedDecision, agency: Agency): string[] {
  const mine = d.addressees.find((a) => a.agencyId === agency.id)?.actions ?? [];
  return agency.rules.enforcement && d.toEnforce && !mine.includes('enforce') ? [...mine, 'enforce'] : mine;
}

export function summaryFor(d: SignedDecision, agency: Agency): DecisionSummary {
  return {
    cursor: d.feedSeq ?? 0, decisionId: d.id, caseNumber: d.caseNumber, courtId: d.courtId ?? '', kind: d.kind,
    adoptedAt: d.adoptedAt.toISOString(), legalForceAt: (d.legalForceAt as Date).toISOString(), toEnforce: d.toEnforce, actions: actionsFor(d, agency),
  };
}

export function viewFor(d: SignedDecision, agency: Agency): DecisionView {
  const doc = d.document!;
  const rules = agency.rules;
  const addressee = doc.addressees.find((a) => a.agencyId === agency.id);
  const concerned = new Set(addressee?.subjects ?? []);
  const allParties = rules.enforcement && d.toEnforce;
  const parties = doc.parties
    .filter((p) => allParties || concerned.has(partyId(p)))
    .map((p) => {
      const v: PartyView = { role: p.role };
      if (rules.partyFields.includes('fin') && p.fin) v.fin = p.fin;
      if (rules.partyFields.includes('voen') && p.voen) v.voen = p.voen;
      if (rules.partyFields.includes('name')) v.name = p.name;
      return v;
    });
  const canonical = canonicalBytes(doc);
  const everything = rules.operativePart && ['fin', 'voen', 'name'].every((f) => rules.partyFields.includes(f as never)) && allParties;
  const inForceSha = hash('sha256', d.inForceSignature!, 'hex');
  const attested = legalForceAttestation(d, (d.legalForceAt as Date).toISOString(), inForceSha);
  return {
    ...summaryFor(d, agency),
    parties,
    ...(rules.operativePart ? { operativePart: doc.operativePart } : {}),
    textSha256: doc.textSha256,
    documentSha256: hash('sha256', canonical, 'hex'),
    judgeSignature: d.signature!.toString('base64'),
    ...(everything ? { signedDocument: canonical.toString('base64') } : {}),
    inForceSignature: d.inForceSignature!.toString('base64'),
    attestation: d.attestation!.toString('base64'),
    attestedContent: canonicalBytes(attested).toString('base64'),
  };
}
