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

/*
 * The canonical answer of getDetentionStatus (model.getDetentionStatus.schema.json), what the adapter
 * returns: the kind as a code with its Azerbaijani label, null for what is not set.
 */
export interface DetentionModel {
  kind: { code: DetentionRecord['kind']; label: string };
  facility: string;
  since: string;
  /** Held now: end of the term or of the detention order. */
  plannedRelease: string | null;
  /** Past detentions: the day of release. */
  releasedOn: string | null;
  basis: { court: string; caseNumber: string; decisionDate: string };
}

export interface DetentionStatusModel {
  subject: { fin: string };
  heldNow: boolean;
  current: DetentionModel | null;
  history: DetentionModel[];
}
