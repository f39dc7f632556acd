/** Canonical models of the border and migration service (statute 11.2.10 and 11.2.11). */

export interface BorderCrossing {
  /** ISO date-time, UTC. */
  at: string;
  direction: 'exit' | 'entry';
  checkpoint: string;
  /** Country of departure (entry) or destination (exit), ISO 3166-1 alpha-3. */
  country: string;
  document: string;
  /** The vehicle the person crossed in, when any. */
  vehiclePlate: string | null;
}

/** 11.2.10, getBorderCrossings: the last crossings, newest first. */
export interface BorderCrossings {
  subject: { fin: string };
  crossings: BorderCrossing[];
}

export interface TravelBan {
  banNumber: string;
  /** e.g. a court decision or an enforcement proceeding. */
  basis: { kind: 'court-decision' | 'enforcement-proceeding' | 'investigator-order'; number: string; date: string; issuer: string };
  since: string;
  until: string | null;
  status: 'active' | 'lifted';
}

/** 11.2.11, getTravelBans: a person without bans gets an empty list (a certificate of none). */
export interface TravelBans {
  subject: { fin: string };
  barred: boolean;
  bans: TravelBan[];
}

/*
 * The canonical answers of getBorderCrossings and getTravelBans (model.<operation>.schema.json), what
 * the adapter returns: codes with their Azerbaijani labels, null for what is not set.
 */
export interface CodedValue<C extends string = string> { code: C; label: string }

export interface BorderCrossingModel {
  at: string;
  direction: CodedValue<BorderCrossing['direction']>;
  checkpoint: string;
  country: string;
  document: string;
  vehiclePlate: string | null;
}

export interface BorderCrossingsModel {
  subject: { fin: string };
  crossings: BorderCrossingModel[];
}

export interface TravelBanModel {
  banNumber: string;
  basis: { kind: CodedValue<TravelBan['basis']['kind']>; number: string; date: string; issuer: string };
  since: string;
  until: string | null;
  status: CodedValue<TravelBan['status']>;
}

export interface TravelBansModel {
  subject: { fin: string };
  barred: boolean;
  bans: TravelBanModel[];
}
