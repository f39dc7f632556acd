/**
 * Every form of each listed party: the case file writes "Surname Given Patronymic oğlu/qızı"; the
 * decision may write the surname alone, the given name alone, both in any order, initials, the
 * male or female form of the surname, inflected, transliterated or misspelt. A party becomes a set
 * of name parts, each with skeletons; a word matches a part through its suffix splits, exactly on the
 * skeleton or, when the word is not itself a known name, within a small edit distance.
 */
import { allowedEdits, osaDistance } from './fuzzy';
import { givenName, surnameShape } from './gazetteer';
import { splits, russianPatronymicStem, kinSuffix, type Split } from './morphology';
import { memo } from './memo';
import { fold, skel, type Token } from './normalize';
import type { Party } from './types';

export type PartKind = 'surname' | 'given' | 'patronymic';
export interface NamePart { kind: PartKind; folded: string; folds: string[]; skels: string[] }
export interface PartyForm { index: number; parts: NamePart[]; female: boolean; initials: { given?: string; patronymic?: string } }

const SOLE_TRADER = /^fərdi\s+sahibkar\s+/i;

/** The surname as written, then the other gender's form ("Orucova" / "Orucov"). */
function surnameForms(f: string): string[] {
  const out = [f];
  if (/(ov|ev|yev|in)$/.test(f)) out.push(f + 'a');
  if (/(ova|eva|yeva|ina)$/.test(f)) out.push(f.slice(0, -1));
  return out;
}

/** The name parts of a person party; entities have none (they are matched as institutions). */
export function parseParty(p: Party, index: number): PartyForm | undefined {
  if (p.type !== 'person') return undefined;
  const words = p.name.replace(SOLE_TRADER, '').split(/\s+/).filter(Boolean);
  const kinAt = words.findIndex((w) => kinSuffix(skel(fold(w))) !== undefined);
  const names = words.filter((_, i) => i !== kinAt);
  let female = /qız|kız|gız/i.test(words[kinAt] ?? '') || /(ova|eva|yeva|ina|ovna|evna)$/i.test(names[0] ?? '');
  const parts: NamePart[] = [];
  const push = (kind: PartKind, w: string | undefined) => {
    if (!w) return;
    const f = fold(w);
    const rp = kind === 'patronymic' ? russianPatronymicStem(f) : undefined;
    const base = rp ?? f;
    const folds = kind === 'surname' ? surnameForms(base) : [base];
    parts.push({ kind, folded: base, folds, skels: [...new Set(folds.map(skel))] });
  };
  if (kinAt === 2 && words.length === 4) {
    // "Given Patronymic oğlu Surname"
    push('given', words[0]); push('patronymic', words[1]); push('surname', words[3]);
  } else {
    push('surname', names[0]); push('given', names[1]); push('patronymic', names[2]);
  }
  if (/(ovna|evna)$/i.test(names[2] ?? '')) female = true;
  const first = (k: PartKind) => parts.find((x) => x.kind === k)?.folded[0];
  return { index, parts, female, initials: { given: first('given'), patronymic: first('patronymic') } };
}

/** True when the stem is itself a name we know, so a near miss is another name, not a typo. */
const knownName = memo(isKnownName);

function isKnownName(stem: string): boolean {
  if (givenName(stem)?.split.suffix === '') return true;
  const sur = surnameShape(stem);
  if (sur && sur.suffix === '') {
    const base = stem.replace(/(ova|eva|yeva|ov|ev|yev|li|lı|lu|lü|zadə)$/, '');
    if (base.length >= 3 && givenName(base)?.split.suffix === '') return true;
  }
  return false;
}

export interface PartHit { part: NamePart; split: Split; exact: boolean }

/** Whether a word is a form of a name part; Russian patronymics are compared by their father's name. */
export function matchPart(t: Token, part: NamePart): PartHit | undefined {
  const russian = t.cyrillic || t.upper;
  let candidates = splits(t.fold, { russian });
  if (part.kind === 'patronymic') {
    const rp = russianPatronymicStem(t.fold);
    if (rp) candidates = [{ stem: rp, suffix: '', info: { case: 'nom', plural: false } }, ...candidates];
  }
  // The party's own form first ("Nəcəfova" of a man is "Nəcəfov" + dative), then the other gender's;
  // spelled forms before skeletons, which fold the buffer "y" ("Orucovaya" = "Orucova" + "ya").
  for (const variant of part.folds) {
    for (const s of candidates) if (s.stem === variant) return { part, split: s, exact: true };
  }
  for (const variant of part.skels) {
    for (const s of candidates) if (skel(s.stem) === variant) return { part, split: s, exact: true };
  }
  for (const s of candidates) {
    const k = skel(s.stem);
    if (k.length < 5 || knownName(s.stem)) continue;
    for (const ps of part.skels) {
      const max = Math.min(allowedEdits(k.length), allowedEdits(ps.length));
      if (max > 0 && osaDistance(k, ps, max) <= max) return { part, split: s, exact: false };
    }
  }
  return undefined;
}

/** Every part of every party the word may be. */
export function matchParties(t: Token, forms: PartyForm[]): { form: PartyForm; hit: PartHit }[] {
  if (t.fold.length < 2) return [];
  const out: { form: PartyForm; hit: PartHit }[] = [];
  for (const form of forms) {
    for (const part of form.parts) {
      const hit = matchPart(t, part);
      if (hit) out.push({ form, hit });
    }
  }
  return out;
}

/** An initial is consistent with a name when it is that name's first letter (after folding). */
export function initialFits(initial: Token, name: string | undefined): boolean {
  if (!name) return false;
  return skel(initial.fold)[0] === skel(name)[0];
}
