/**
 * Which agencies hear of a change (the outbox rows written with it): every addressed agency the
 * directory gives a callback, and — for a decision to be enforced — the enforcement service, whose
 * row carries `toEnforce: true` and triggers the transfer over EHİS SOAP (6.1.19). A payload
 * names the decision and what the agency must do; the parties' data stays behind the agency's own
 * signed getDecision (minimized per agency).
 */
import type { Agency } from '../../agencies/directory.types';
import type { OutboxEventInput } from '../store/repositories/outbox';
import type { SignedDecision } from '../store/repositories/signed-decisions';
import type { StatusReport } from '../store/repositories/enforcement-status';

/** The agency id of the enforcement service in the directory and in the outbox. */
export const ENFORCEMENT_AGENCY_ID = 'enforcement';

const subscribed = (agencies: Agency[], id: string) => agencies.find((a) => a.id === id && a.active && a.callbackUrl);

export function inForceEvents(d: SignedDecision, agencies: Agency[]): OutboxEventInput[] {
  const base = { type: 'decision-in-force' as const, decisionId: d.id, caseNumber: d.caseNumber, kind: d.kind, legalForceAt: d.legalForceAt?.toISOString() ?? null };
  const out: OutboxEventInput[] = [];
  for (const a of d.addressees) {
    if (a.agencyId !== ENFORCEMENT_AGENCY_ID && !subscribed(agencies, a.agencyId)) continue;
    const toEnforce = a.agencyId === ENFORCEMENT_AGENCY_ID && d.toEnforce;
    out.push({ decisionId: d.id, agencyId: a.agencyId, type: 'decision-in-force', payload: { ...base, actions: a.actions, toEnforce } });
  }
  if (d.toEnforce && !out.some((e) => e.agencyId === ENFORCEMENT_AGENCY_ID)) {
    out.push({ decisionId: d.id, agencyId: ENFORCEMENT_AGENCY_ID, type: 'decision-in-force', payload: { ...base, actions: ['enforce'], toEnforce: true } });
  }
  return out;
}

/**
 * A change every subscribed addressee hears of (e.g. 'sent-to-enforcement' once the enforcement
 * service has taken the decision over): one event each, the reporter itself left out.
 */
export function addresseeEvents(d: Pick<SignedDecision, 'id' | 'addressees'>, agencies: Agency[], type: OutboxEventInput['type'], payload: Record<string, unknown>, except?: string): OutboxEventInput[] {
  return d.addressees
    .filter((a) => a.agencyId !== except && subscribed(agencies, a.agencyId))
    .map((a) => ({ decisionId: d.id, agencyId: a.agencyId, type, payload: { type, decisionId: d.id, ...payload } }));
}

export function statusChangedEvents(d: Pick<SignedDecision, 'id' | 'addressees'>, r: StatusReport, agencies: Agency[]): OutboxEventInput[] {
  return addresseeEvents(d, agencies, 'enforcement-status-changed', { version: r.version, status: r.status }, r.agencyId);
}
