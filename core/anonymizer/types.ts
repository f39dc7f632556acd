/**
 * The anonymizer's public types (statute 2.1.6, 4.2.13, 12.6). A decision's text and its case
 * file's parties go in; the text as it will be published and the replaced spans come out. A
 * detection can be edited by a reviewer (add or undo a replacement) and rendered again.
 */
export type Label =
  | 'PERSON' | 'FIN' | 'VOEN_PRIVATE' | 'ID_DOC' | 'PHONE' | 'EMAIL' | 'ADDRESS'
  | 'BIRTH_DATE' | 'ACCOUNT' | 'CAR_PLATE' | 'HEALTH'
  // Only when legal entities are not kept (the switch is off): a listed entity party's name.
  | 'LEGAL_ENTITY';

/** A participant as the case file writes it: "Surname Given Patronymic oğlu/qızı", or a legal entity. */
export interface Party { name: string; role: string; type: 'person' | 'entity' }

export interface AnonymizeOptions {
  /** Legal entities stay in clear (their names and VÖEN are public registry data). Default true. */
  keepLegalEntities?: boolean;
  /** Health data (special category) is removed. Default true. */
  removeHealth?: boolean;
}

/** A person the document names: a listed party or someone found by cues. */
export interface PersonRef {
  id: string;
  /** The role token that replaces every mention ("İddiaçı", "Cavabdeh1", "Şahid2"). */
  token: string;
  known: boolean;
  /** Index into `parties` for a listed party. */
  party?: number;
}

/** Grammatical case carried by a replaced word, re-attached to the token with a hyphen. */
export type GrammarCase = 'nom' | 'gen' | 'dat' | 'acc' | 'loc' | 'abl' | 'ins' | 'cop';

/** One span to replace, with offsets into the input text. */
export interface Finding {
  start: number;
  end: number;
  label: Label;
  /** For PERSON: the person this mention belongs to. */
  personId?: string;
  /** For PERSON: case and plural of the mention's last word, so the token can carry them. */
  grammar?: { case: GrammarCase; plural: boolean; foreign: boolean };
  /** For masked identifiers: the replacement text (same role as the token for persons). */
  mask?: string;
  /** How it was found: a listed party, a cue, a pattern with its validator, or a reviewer. */
  source: 'party' | 'cue' | 'pattern' | 'review';
}

/** A span deliberately left in clear (officials, courts, public bodies, companies): shown to the reviewer. */
export interface KeptSpan { start: number; end: number; kind: 'official' | 'court' | 'public_body' | 'company' | 'eponym' }

export interface Detection {
  findings: Finding[];
  persons: PersonRef[];
  kept: KeptSpan[];
}

/** A replaced span in the output: input offsets, output offsets, label and what replaced it. */
export interface ReplacedSpan {
  start: number;
  end: number;
  label: Label;
  replacement: string;
  outStart: number;
  outEnd: number;
  personId?: string;
}

export interface AnonymizationResult {
  textOut: string;
  spans: ReplacedSpan[];
  detection: Detection;
}
