/** The labelled-decision format of the anonymizer evaluation (docs/anonymization.md, "Gold annotation"). */
export type GoldLabel =
  | 'PERSON' | 'FIN' | 'VOEN_PRIVATE' | 'ID_DOC' | 'PHONE' | 'EMAIL' | 'ADDRESS'
  | 'BIRTH_DATE' | 'ACCOUNT' | 'CAR_PLATE' | 'HEALTH' | 'KEEP';

export interface GoldSpan {
  start: number;
  end: number;
  label: GoldLabel;
  text: string;
  keys: [number, number][];
  known?: boolean;
  party?: string;
  relation?: string;
  kind?: string;
  tags?: string[];
}

export interface GoldParty { name: string; role: string; type: 'person' | 'entity' }

export interface GoldDoc {
  id: string;
  kind?: string;
  instance?: string;
  text: string;
  parties: GoldParty[];
  spans: GoldSpan[];
}

/** One predicted line, as the anonymizer CLI writes it: `text_out` wins when both are present. */
export interface Prediction {
  id: string;
  text_out?: string;
  spans?: { start: number; end: number; label?: string }[];
}
