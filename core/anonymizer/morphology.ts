/**
 * Azerbaijani inflection of names, enough to find a name under its case and plural suffixes and to
 * give the replacing token the same case ("Cavabdeh1-in"). Suffixes are matched harmony-blind
 * (typos and transliterations break harmony), then classified; the token's own suffix is built with
 * vowel harmony and buffer consonants.
 */
import { memo } from './memo';
import type { GrammarCase } from './types';

const CASE_FORMS: Record<Exclude<GrammarCase, 'nom'>, string[]> = {
  gen: ['ın', 'in', 'un', 'ün', 'nın', 'nin', 'nun', 'nün'],
  dat: ['a', 'ə', 'ya', 'yə', 'na', 'nə'],
  acc: ['ı', 'i', 'u', 'ü', 'nı', 'ni', 'nu', 'nü', 'yı', 'yi', 'yu', 'yü'],
  loc: ['da', 'də', 'nda', 'ndə', 'ta', 'tə', 'dakı', 'dəki', 'ndakı', 'ndəki'],
  abl: ['dan', 'dən', 'ndan', 'ndən', 'tan', 'tən'],
  ins: ['la', 'lə', 'yla', 'ylə'],
  cop: ['dır', 'dir', 'dur', 'dür', 'dı', 'di', 'du', 'dü', 'ydı', 'ydi', 'dırlar', 'dirlər', 'gil', 'ki', 'nki', 'ca', 'cə'],
};
// Russian case endings of surnames and names in quoted Russian text ("Керимовым", "Мамедову").
const RUSSIAN_ENDINGS = ['ım', 'im', 'om', 'oy', 'ey', 'em', 'e', 'u', 'a', 'ıy', 'iy', 'oj'];

interface SuffixInfo { case: GrammarCase; plural: boolean }
const SUFFIXES = new Map<string, SuffixInfo>();
for (const plural of ['', 'lar', 'lər']) {
  SUFFIXES.set(plural, { case: 'nom', plural: plural !== '' });
  for (const [c, forms] of Object.entries(CASE_FORMS)) {
    for (const f of forms) {
      const key = plural + (plural && /^n/.test(f) ? f.slice(1) : f);
      if (!SUFFIXES.has(key)) SUFFIXES.set(key, { case: c as GrammarCase, plural: plural !== '' });
      if (plural && !SUFFIXES.has(plural + f)) SUFFIXES.set(plural + f, { case: c as GrammarCase, plural: true });
    }
  }
}
SUFFIXES.delete('');
const MAX_SUFFIX = Math.max(...[...SUFFIXES.keys()].map((k) => k.length));

export interface Split { stem: string; suffix: string; info: SuffixInfo }

const splitsAz = memo((f: string) => computeSplits(f, false));
const splitsRu = memo((f: string) => computeSplits(f, true));

/** Every way to read a folded word as stem + case/plural suffix (the bare word first). Do not mutate the result. */
export function splits(folded: string, opts: { russian?: boolean } = {}): Split[] {
  return opts.russian ? splitsRu(folded) : splitsAz(folded);
}

function computeSplits(folded: string, russian: boolean): Split[] {
  const out: Split[] = [{ stem: folded, suffix: '', info: { case: 'nom', plural: false } }];
  for (let n = 1; n <= Math.min(MAX_SUFFIX, folded.length - 2); n++) {
    const suf = folded.slice(folded.length - n);
    const info = SUFFIXES.get(suf);
    if (info) out.push({ stem: folded.slice(0, folded.length - n), suffix: suf, info });
  }
  if (russian) {
    for (const suf of RUSSIAN_ENDINGS) {
      if (folded.length - suf.length >= 3 && folded.endsWith(suf)) {
        out.push({ stem: folded.slice(0, folded.length - suf.length), suffix: suf, info: { case: 'nom', plural: false } });
      }
    }
  }
  return out;
}

/** "oğlu", "qızı" and their inflected, Russian and Cyrillic forms ("oğlunun", "оглы", "kyzy"). */
export function kinSuffix(skeleton: string): SuffixInfo | undefined {
  for (const stem of ['oglu', 'ogli', 'ogl', 'gizi', 'giz', 'kizi']) {
    if (!skeleton.startsWith(stem)) continue;
    const rest = skeleton.slice(stem.length);
    if (rest === '') return { case: 'nom', plural: false };
    // Skeletons fold vowels: "nun" → "nun", "ndan" → "ndan"; map back through the folded suffix list.
    const info = SKEL_SUFFIXES.get(rest);
    if (info) return info;
  }
  return undefined;
}
const SKEL_SUFFIXES = new Map<string, SuffixInfo>();
for (const [k, v] of SUFFIXES) {
  const s = k.replace(/[əe]/g, 'a').replace(/ı/g, 'i').replace(/ü/g, 'u').replace(/ö/g, 'o');
  if (!SKEL_SUFFIXES.has(s)) SKEL_SUFFIXES.set(s, v);
}

// Russian patronymics: "Süleymanoviç", "Сулейманович", "Nikolayevich", "Агабабаевна", "Tofikovna".
const RUS_PATRONYMIC = /(ovic|ovich|oviç|evic|evich|eviç|yevich|yeviç|ovna|evna|yevna|ic|iç|icna|içna|ichna)$/;

/** The father's name inside a Russian patronymic, folded ("süleymanoviç" → "süleyman"), or undefined. */
export const russianPatronymicStem = memo(patronymicStem);

function patronymicStem(folded: string): string | undefined {
  for (const s of splits(folded, { russian: true })) {
    const m = RUS_PATRONYMIC.exec(s.stem);
    if (m && s.stem.length - m[0].length >= 3) return s.stem.slice(0, s.stem.length - m[0].length);
  }
  return undefined;
}

const BACK = new Set(['a', 'ı', 'o', 'u']);
const ROUND = new Set(['o', 'u', 'ö', 'ü']);
const ALL_VOWELS = new Set(['a', 'ı', 'o', 'u', 'e', 'ə', 'i', 'ö', 'ü']);
const NUMBER_WORDS = ['sıfır', 'bir', 'iki', 'üç', 'dörd', 'beş', 'altı', 'yeddi', 'səkkiz', 'doqquz'];
const TENS = ['', 'on', 'iyirmi', 'otuz', 'qırx', 'əlli', 'altmış', 'yetmiş', 'səksən', 'doxsan'];

/** How a token is read aloud at its end: "Cavabdeh12" ends in "iki", "Cavabdeh10" in "on". */
function spokenEnding(token: string): string {
  const m = /(\d+)$/.exec(token);
  if (!m) return token.toLowerCase();
  const n = Number(m[1]);
  if (n % 10 !== 0) return NUMBER_WORDS[n % 10];
  if (n % 100 !== 0) return TENS[(n % 100) / 10];
  return n % 1000 === 0 ? 'min' : 'yüz';
}

/** The suffix that gives `token` the case and number of the replaced word, with harmony and buffer letters. */
export function tokenSuffix(token: string, info: SuffixInfo): string {
  if (info.case === 'nom' && !info.plural) return '';
  let word = spokenEnding(token);
  let out = '';
  const harmony = (w: string) => {
    const vowels = [...w].filter((c) => ALL_VOWELS.has(c));
    const v = vowels[vowels.length - 1] ?? 'a';
    return { back: BACK.has(v), round: ROUND.has(v), endsVowel: ALL_VOWELS.has(w[w.length - 1]) };
  };
  if (info.plural) {
    const h = harmony(word);
    out += h.back ? 'lar' : 'lər';
    word += out;
  }
  const h = harmony(word);
  const a = h.back ? 'a' : 'ə';
  const i4 = h.back ? (h.round ? 'u' : 'ı') : (h.round ? 'ü' : 'i');
  switch (info.case) {
    case 'gen': out += (h.endsVowel ? 'n' : '') + i4 + 'n'; break;
    case 'acc': out += (h.endsVowel ? 'n' : '') + i4; break;
    case 'dat': out += (h.endsVowel ? 'y' : '') + a; break;
    case 'loc': out += 'd' + a; break;
    case 'abl': out += 'd' + a + 'n'; break;
    case 'ins': out += (h.endsVowel ? 'y' : '') + 'l' + a; break;
    case 'cop': out += 'd' + i4 + 'r'; break;
    case 'nom': break;
  }
  return out;
}
