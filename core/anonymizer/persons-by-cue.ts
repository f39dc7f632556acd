/**
 * Who each name chunk is: an official (kept in clear), a listed party, or a person the case file
 * does not list (witness, relative, child, deceased, director…). Officials are decided first, from
 * their role words, and remembered by name; a party's strong match (surname with a fitting given name
 * or initial) still wins over a role word, since a party may be a civil servant.
 */
import { genderOfGiven, isAmbiguousGiven, isPlace } from './gazetteer';
import { type Reserved } from './institutions';
import { kinSuffix, splits, type Split } from './morphology';
import { skel, type Token } from './normalize';
import { listContinues, roleAfter, roleBefore } from './officials';
import { initialFits, type PartyForm } from './party-forms';
import { findChunks, PERSON_CUE, type Chunk, type TokenInfo } from './chunks';
import type { Finding, KeptSpan } from './types';

// A capitalized word followed by one of these is a street, a place, an eponym or a holiday.
const GUARD_AFTER = /^(küçə|prospekt|döngə|dalan|bulvar|şosse|meydan|qəsəbə|kənd|rayon|şəhər|adına|dəniz|çay|göl|dağ|bayram|park|metro|stansiya|məktəb|lisey|mikrorayon|massiv|məhəllə|körpü|gömrük|limanı|aeroport|kafe|mağaza|restoran|zavod|markalı|mmc|asc|qsc)/;
// Honorifics after a given name ("Səadət xanım", "Kamran kişi", "Rauf müəllim").
const HONORIFIC_AFTER = /^(xanım|xanımın|xanıma|bəy|bəyin|bəyə|müəllim|müəllimin|müəllimə|kişi|kişinin|ağa|əmi|dayı)$/;
const WITNESS_CUE = /^(şahid|şahidi|şahidlər|şahidləri|şahidin)$/;

export interface PersonEntry {
  id: string;
  known: boolean;
  party?: number;
  surnames: Set<string>;
  givens: Set<string>;
  witness: boolean;
  firstAt: number;
}

interface Official { surnames: Set<string>; given?: string; patronymic?: string }

export interface PersonsOut { mentions: Finding[]; persons: PersonEntry[]; kept: KeptSpan[] }

const genderless = (sk: string) => sk.replace(/(ova|ava)$/, (m) => m.slice(0, -1));

interface PartyEval { form: PartyForm; score: number; surname: boolean; given: boolean; patronymic: boolean; initialsOk: boolean; split?: Split }

function evalParties(toks: Token[], info: TokenInfo[], c: Chunk, forms: PartyForm[]): PartyEval | undefined {
  const patronymicAt = c.kin !== undefined ? c.words[c.words.length - 1] : c.words.find((w) => info[w].russianPatronymic);
  let best: PartyEval | undefined;
  for (const form of forms) {
    const e: PartyEval = { form, score: 0, surname: false, given: false, patronymic: false, initialsOk: false };
    let contradiction = false;
    let patronymicMismatch = false;
    for (const w of c.words) {
      const hits = info[w].parties.filter((h) => h.form === form);
      if (w === patronymicAt && form.parts.some((p) => p.kind === 'patronymic') && c.words.length > 1) {
        const h = hits.find((x) => x.hit.part.kind === 'patronymic');
        if (h) { e.patronymic = true; e.split = h.hit.split; } else patronymicMismatch = true;
        continue;
      }
      const h = hits.find((x) => x.hit.part.kind === 'surname') ?? hits.find((x) => x.hit.part.kind === 'given');
      if (!h) { contradiction = true; continue; }
      if (h.hit.part.kind === 'surname') e.surname = true; else e.given = true;
      e.split = h.hit.split;
    }
    // Initials: given then patronymic; before a lone given name, the initial is the surname's.
    if (c.initials.length > 0) {
      const letters = c.initials.map((i) => toks[i]);
      const surnamePart = form.parts.find((p) => p.kind === 'surname')?.folded;
      if (!e.surname && e.given && letters.length === 1) e.initialsOk = initialFits(letters[0], surnamePart);
      else {
        e.initialsOk = initialFits(letters[0], form.initials.given) && (letters.length < 2 || initialFits(letters[1], form.initials.patronymic));
      }
      if (!e.initialsOk) contradiction = true;
    }
    // A different patronymic makes it a relative, unless surname and given name both match
    // (a Russian patronymic may be formed from a shorter name: "Сулейманович" for Süleyməddin).
    if (patronymicMismatch && !(e.surname && e.given)) contradiction = true;
    if (contradiction || (!e.surname && !e.given)) continue;
    e.score = (e.surname ? 3 : 0) + (e.given ? 2 : 0) + (e.patronymic ? 1 : 0) + (e.initialsOk ? 1 : 0);
    if (!best || e.score > best.score) best = e;
  }
  return best;
}

/** Persons of a document, from its chunks. */
export function classifyPersons(text: string, toks: Token[], info: TokenInfo[], forms: PartyForm[], reserved: Reserved): PersonsOut {
  const chunks = findChunks(text, toks, info);
  const kept: KeptSpan[] = [];
  const officials: Official[] = [];
  const officialChunk = new Set<Chunk>();
  // Pass 1: officials by their role words (before, after, or in a list opened by a plural role word).
  let listOpen: Chunk | undefined;
  for (const c of chunks) {
    const before = roleBefore(text, toks, c.from, reserved.spans);
    const continues = listOpen !== undefined && listContinues(text, toks, listOpen.to, c.from);
    // A lone given name is never how a decision names an official ("ekspert Azadın qohumudur").
    const lone = c.words.length === 1 && c.initials.length === 0 && !info[c.words[0]].surname;
    const cue = !lone && (before.official || roleAfter(text, toks, c.to) || continues);
    const party = evalParties(toks, info, c, forms);
    const strongParty = party && ((party.surname && (party.given || party.initialsOk || party.patronymic)) || (party.given && party.patronymic));
    if (cue && !strongParty) {
      officialChunk.add(c);
      officials.push(officialNames(toks, info, c));
      listOpen = before.plural || continues ? c : undefined;
    } else listOpen = undefined;
  }
  const persons: PersonEntry[] = [];
  const mentions: Finding[] = [];
  const partyPerson = new Map<number, PersonEntry>();
  const knownGivens = new Set<string>();
  for (const f of forms) { const g = f.parts.find((p) => p.kind === 'given'); if (g) knownGivens.add(g.skels[0]); }

  for (const c of chunks) {
    const first = toks[c.from];
    if (officialChunk.has(c)) { kept.push({ start: first.start, end: toks[c.to].end, kind: 'official' }); continue; }
    // "… Alina Petrova Bakı şəhəri": a place closing the chunk belongs to what follows, not to the name.
    while (c.words.length > 1 && c.kin === undefined && isPlace(toks[c.to].fold) && GUARD_AFTER.test(toks[c.to + 1]?.fold ?? '')) {
      c.words.pop();
      c.to = c.words[c.words.length - 1];
    }
    const last = toks[c.to];
    const next = toks[c.to + 1];
    let guarded = c.kin === undefined && next && /^[ \t]+$/.test(text.slice(last.end, next.start)) && GUARD_AFTER.test(next.fold);
    // "N.Nərimanov adına Universitet" names an institution; "X adına verilmiş order" is X's own.
    const party = evalParties(toks, info, c, forms);
    const eponym = guarded && next.fold === 'adına' && !party && /^\s+\p{Lu}/u.test(text.slice(next.end, next.end + 3))
      && !reserved.spans.some((k) => k.kind === 'company' && k.start > next.end && k.start <= next.end + 2);
    if (eponym) { kept.push({ start: first.start, end: last.end, kind: 'eponym' }); continue; }
    if (guarded && next.fold === 'adına') guarded = false;
    if (guarded && !(party && party.score >= 3 && c.words.length > 1)) continue;
    let entry: PersonEntry | undefined;
    let split: Split | undefined;
    if (party) {
      entry = partyPerson.get(party.form.index);
      if (!entry) {
        entry = { id: `p${party.form.index}`, known: true, party: party.form.index, surnames: new Set(), givens: new Set(), witness: false, firstAt: first.start };
        partyPerson.set(party.form.index, entry);
        persons.push(entry);
      }
      split = party.split;
    } else if (matchesOfficial(toks, info, c, officials)) {
      kept.push({ start: first.start, end: last.end, kind: 'official' });
      continue;
    } else {
      if (!isUnknownPerson(toks, info, c, knownGivens)) continue;
      entry = unknownEntry(toks, info, c, persons);
      const w = c.words[c.words.length - 1];
      split = info[w].surname ?? info[w].given?.split;
    }
    const patronymicAt = c.kin !== undefined ? c.words[c.words.length - 1] : -1;
    for (const w of c.words) {
      if (w === patronymicAt) continue;
      if (info[w].surname) entry.surnames.add(genderless(skel(info[w].surname!.stem)));
      else if (info[w].given) { entry.givens.add(skel(info[w].given!.split.stem)); knownGivens.add(skel(info[w].given!.split.stem)); }
    }
    if (!entry.known && hasWitnessCue(toks, c)) entry.witness = true;
    // A closing initial takes its dot along unless the dot also ends the sentence ("İsmayılov E.R. borcu", "E.R.-dən").
    let end = last.end;
    if (last.initial && /^\.(?=\s*[\p{Ll}(,-])/u.test(text.slice(end))) end++;
    const grammarOf = c.kin !== undefined ? kinSuffix(toks[c.kin].skel) : (split?.info ?? splits(last.fold)[0].info);
    mentions.push({
      start: first.start, end, label: 'PERSON', personId: entry.id, source: entry.known ? 'party' : 'cue',
      grammar: { case: grammarOf?.case ?? 'nom', plural: grammarOf?.plural ?? false, foreign: last.cyrillic },
    });
  }
  return { mentions, persons, kept };
}

function officialNames(toks: Token[], info: TokenInfo[], c: Chunk): Official {
  const o: Official = { surnames: new Set() };
  const words = c.kin !== undefined ? c.words.slice(0, -1) : c.words;
  const patronymic = c.kin !== undefined ? c.words[c.words.length - 1] : undefined;
  for (const w of words) {
    const sk = genderless(skel(info[w].surname?.stem ?? toks[w].fold));
    if (info[w].surname && !o.surnames.size) o.surnames.add(sk);
    else if (!o.given) o.given = skel(info[w].given?.split.stem ?? toks[w].fold);
  }
  if (!o.surnames.size && words.length) o.surnames.add(genderless(skel(toks[words[0]].fold)));
  if (patronymic !== undefined) o.patronymic = skel(info[patronymic].given?.split.stem ?? toks[patronymic].fold);
  const inits = c.initials.map((i) => skel(toks[i].fold));
  if (!o.given && inits[0]) o.given = inits[0];
  if (!o.patronymic && inits[1]) o.patronymic = inits[1];
  return o;
}

function matchesOfficial(toks: Token[], info: TokenInfo[], c: Chunk, officials: Official[]): boolean {
  return officials.some((o) => {
    const sur = c.words.find((w) => info[w].surname && o.surnames.has(genderless(skel(info[w].surname!.stem))));
    if (sur === undefined) return false;
    // Written names must be the official's own (given, then patronymic before oğlu/qızı); initials their first letters.
    const patronymicAt = c.kin !== undefined ? c.words[c.words.length - 1] : -1;
    const nameOf = (w: number) => skel(info[w].given?.split.stem ?? toks[w].fold);
    for (const w of c.words) {
      if (w === sur) continue;
      const expected = w === patronymicAt ? o.patronymic : o.given;
      if (!expected || expected.length === 1 ? false : nameOf(w) !== expected) return false;
    }
    const letters = c.initials.map((i) => skel(toks[i].fold));
    if (letters[0] && o.given && letters[0] !== o.given[0]) return false;
    if (letters[1] && o.patronymic && letters[1] !== o.patronymic[0]) return false;
    return true;
  });
}

function isUnknownPerson(toks: Token[], info: TokenInfo[], c: Chunk, knownGivens: Set<string>): boolean {
  if (c.kin !== undefined) return true;
  if (c.words.some((w) => info[w].russianPatronymic)) return true;
  const named = c.words.filter((w) => info[w].surname || info[w].given);
  if (c.words.length >= 2 && named.length >= 1) return true;
  if (c.initials.length > 0 && named.length >= 1) return true;
  const prev = toks[c.from - 1];
  const next = toks[c.to + 1];
  const cue = (prev && PERSON_CUE.test(prev.fold)) || (next && HONORIFIC_AFTER.test(next.fold));
  if (cue && c.words.every((w) => !toks[w].upper || toks[w].raw.length > 3)) return true;
  if (c.words.length !== 1) return false;
  const w = c.words[0];
  if (info[w].surname && !isPlace(toks[w].fold)) return true;
  const g = info[w].given;
  if (!g) return false;
  const sk = skel(g.split.stem);
  if (isAmbiguousGiven(sk)) return knownGivens.has(sk);
  return true;
}

function hasWitnessCue(toks: Token[], c: Chunk): boolean {
  for (let k = c.from - 1; k >= Math.max(0, c.from - 3); k--) if (WITNESS_CUE.test(toks[k].fold)) return true;
  return false;
}

function unknownEntry(toks: Token[], info: TokenInfo[], c: Chunk, persons: PersonEntry[]): PersonEntry {
  const surnames = c.words.filter((w) => info[w].surname).map((w) => genderless(skel(info[w].surname!.stem)));
  const givens = c.words.filter((w) => !info[w].surname && info[w].given && w !== (c.kin !== undefined ? c.words[c.words.length - 1] : -1))
    .map((w) => skel(info[w].given!.split.stem));
  const unknown = persons.filter((p) => !p.known).reverse();
  const found = unknown.find((p) => surnames.some((s) => p.surnames.has(s)) && givens.some((g) => p.givens.has(g)))
    ?? (givens.length === 0 ? unknown.find((p) => surnames.some((s) => p.surnames.has(s))) : undefined)
    ?? (surnames.length === 0 ? unknown.find((p) => givens.some((g) => p.givens.has(g)) && !hasOtherGender(p, givens)) : undefined);
  if (found) return found;
  const e: PersonEntry = { id: `u${persons.filter((p) => !p.known).length + 1}`, known: false, surnames: new Set(), givens: new Set(), witness: false, firstAt: toks[c.from].start };
  persons.push(e);
  return e;
}

function hasOtherGender(p: PersonEntry, givens: string[]): boolean {
  const g = [...p.givens][0];
  return !!g && !!givens[0] && genderOfGiven(g) !== undefined && genderOfGiven(givens[0]) !== undefined && genderOfGiven(g) !== genderOfGiven(givens[0]);
}
