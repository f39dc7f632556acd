/**
 * Normalization before matching. Names are compared through two keys computed per word:
 * - `fold`: the word in Azerbaijani Latin, lower case (Turkish I/İ rules), with Cyrillic look-alikes
 *   inside a Latin word read as the Latin letter they imitate ("Məmmədоv"), an all-Cyrillic word
 *   transliterated (Azerbaijani Cyrillic "Бабајев", Russian "Мамедов"), and Cyrillic ә read as ə;
 * - `skel`: a skeleton that forgets what transliteration and typing habits change (diacritics,
 *   ə/e/a, q/g/k, x/h, doubled letters, "kh"/"sh"/"dzh"), so "MAMMADOV", "Memmedov", "Мамедов" and
 *   "Məmmədov" meet.
 * Tokens keep their original offsets; a name hyphenated across a line break ("Süley-\nmanova") is one token.
 */

import { memo } from './memo';

const CYR_TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'q', ғ: 'ğ', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y', ј: 'y',
  к: 'k', ҝ: 'g', л: 'l', м: 'm', н: 'n', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ү: 'ü',
  ф: 'f', х: 'x', һ: 'h', ц: 'ts', ч: 'ç', ҹ: 'c', ш: 'ş', щ: 'şç', ъ: '', ы: 'ı', ь: '', э: 'e', ю: 'yu',
  я: 'ya', ә: 'ə', і: 'i',
};
// Cyrillic letters that look like Latin ones, read as the Latin letter when mixed into a Latin word.
const CYR_LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', һ: 'h', ә: 'ə', ө: 'ö', ү: 'ü', ы: 'ı',
};
const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[A-Za-z\u00C0-\u024F\u0259]/;

export function lowerAz(s: string): string {
  return s.replace(/I/g, 'ı').replace(/İ/g, 'i').toLowerCase();
}

export function isCyrillicWord(word: string): boolean {
  return CYRILLIC.test(word) && !LATIN.test(word);
}

/** A word folded to lower-case Azerbaijani Latin (see the module comment). */
export const fold = memo(foldWord);

function foldWord(word: string): string {
  const lower = lowerAz(word.normalize('NFC'));
  const mixed = CYRILLIC.test(lower) && LATIN.test(lower);
  const table = mixed ? CYR_LOOKALIKE : CYR_TRANSLIT;
  let out = '';
  for (const ch of lower) {
    if (ch === '-' || ch === '\n' || ch === '\r' || ch === ' ' || ch === '\u00AD') continue;
    out += table[ch] ?? ch;
  }
  // Strip combining marks that are not part of an Azerbaijani letter (diacritics typed by mistake).
  return out.normalize('NFD').replace(/[\u0300-\u0305\u0307\u0309-\u0326\u0328-\u036f]/g, '').normalize('NFC');
}

const SKEL_LETTERS: Record<string, string> = {
  ə: 'a', e: 'a', ı: 'i', ö: 'o', ü: 'u', ş: 's', ç: 'c', ğ: 'g', q: 'g', k: 'g', x: 'h', j: 'c', w: 'v',
};
const VOWELS = new Set(['a', 'i', 'o', 'u', 'e', 'ə', 'ı', 'ö', 'ü']);

/** The transliteration-blind skeleton of a folded word. */
export const skel = memo(skeleton);

function skeleton(folded: string): string {
  let s = folded
    .replace(/dzh|dj/g, 'c').replace(/kh/g, 'x').replace(/sh/g, 'ş').replace(/ch/g, 'ç').replace(/zh/g, 'j')
    .replace(/gh/g, 'ğ');
  // Russian "ю/ё" after a consonant stand for ü/ö ("Гюльнара" = Gülnarə).
  s = s.replace(/([^aeiouəıöü])yu/g, '$1ü').replace(/([^aeiouəıöü])yo/g, '$1ö');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    // "y" between vowels is a glide transliterations drop ("Əliyev" / "Алиев", "Rzayev" / "Рзаев").
    if (ch === 'y' && i > 0 && i + 1 < s.length && VOWELS.has(s[i - 1]) && VOWELS.has(s[i + 1])) continue;
    const m = SKEL_LETTERS[ch] ?? ch;
    if (out.length > 0 && out[out.length - 1] === m) continue;
    out += m;
  }
  return out;
}

export interface Token {
  /** Offsets into the original text (a hyphenated word spans the line break). */
  start: number;
  end: number;
  raw: string;
  fold: string;
  skel: string;
  /** First letter upper case. */
  cap: boolean;
  /** Every letter upper case (two or more letters). */
  upper: boolean;
  /** A single letter followed by a dot: an initial ("E." in "E.R.İsmayılov"). */
  initial: boolean;
  cyrillic: boolean;
  /** First word of a sentence or of a line. */
  sentenceStart: boolean;
  index: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Word tokens of a text, with offsets; "Süley-\nmanova" becomes one token. */
export function tokenize(text: string): Token[] {
  const raw: { s: number; e: number }[] = [];
  for (const m of text.matchAll(WORD)) raw.push({ s: m.index!, e: m.index! + m[0].length });
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i].s;
    let e = raw[i].e;
    // A word cut by a hyphen at the end of a line continues on the next line in lower case.
    while (i + 1 < raw.length && /^-[ \t]*\r?\n[ \t]*$/.test(text.slice(e, raw[i + 1].s))
      && /^\p{Ll}/u.test(text[raw[i + 1].s])) {
      e = raw[++i].e;
    }
    const word = text.slice(s, e);
    const letters = word.replace(/[^\p{L}]/gu, '');
    const f = fold(word);
    out.push({
      start: s,
      end: e,
      raw: word,
      fold: f,
      skel: skel(f),
      cap: /^\p{Lu}/u.test(word),
      upper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      initial: letters.length === 1 && text[e] === '.',
      cyrillic: isCyrillicWord(word),
      sentenceStart: startsSentence(text, s),
      index: out.length,
    });
  }
  return out;
}

function startsSentence(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n') return true;
  if (text[i] === '.' || text[i] === '!' || text[i] === '?' || text[i] === ':') {
    // "E.R.İsmayılov": a dot after an initial does not end a sentence.
    const prev = text.slice(Math.max(0, i - 2), i);
    return !/(^|[^\p{L}])\p{Lu}$/u.test(prev);
  }
  return false;
}

/** The text between two tokens (punctuation and spaces). */
export function gap(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}
