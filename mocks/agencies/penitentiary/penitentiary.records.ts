/**
 * The penitentiary service's answer to getDetentionStatus (statute 11.2.24) from the synthetic
 * world's detention record, laid out as penitentiary.xsd getDetentionStatusResponse: the kind with
 * the service's Azerbaijani label; a current detention's end is its planned release, a past one's
 * the day of release.
 */
import type { DetentionRecord, DetentionStatus } from '../../../contracts/registries/penitentiary/model';

const KIND = { 'pre-trial-detention': 'Həbs qətimkan tədbiri', sentence: 'Azadlıqdan məhrum etmə cəzası' } as const;

function detention(d: DetentionRecord, held: boolean) {
  return {
    kind: { code: d.kind, label: KIND[d.kind] },
    facility: d.facility,
    since: d.since,
    plannedRelease: held ? d.until : null,
    releasedOn: held ? null : d.until,
    basis: { court: d.basis.court, caseNumber: d.basis.caseNumber, decisionDate: d.basis.decisionDate },
  };
}

export function detentionStatusPayload(s: DetentionStatus): Record<string, unknown> {
  return {
    subject: { fin: s.subject.fin },
    heldNow: s.current !== null,
    current: s.current ? detention(s.current, true) : null,
    history: { detention: s.history.map((d) => detention(d, false)) },
  };
}
