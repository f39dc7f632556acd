/** Canonical model of the penitentiary service (statute 11.2.24). */

export interface DetentionRecord {
  /** Why the person is (was) held: a court's detention order, or a prison sentence. */
  kind: 'pre-trial-detention' | 'sentence';
  status: 'pre-trial-detention' | 'serving-sentence' | 'released';
  facility: string;
  since: string;
  /** Planned release (or the release date, when released). */
  until: string | null;
  basis: { court: string; caseNumber: string; decisionDate: string };
}

/** 11.2.24, getDetentionStatus: a person never detained is "not found". */
export interface DetentionStatus {
  subject: { fin: string };
  current: DetentionRecord | null;
  history: DetentionRecord[];
}
