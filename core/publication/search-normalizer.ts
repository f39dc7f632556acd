/**
 * The search form of Azerbaijani text (statute 6.1.21: decisions searchable). PostgreSQL has no
 * Azerbaijani stemmer, so each word is reduced here, the same way for the published text and for
 * the query: lower case by Azerbaijani rules (I → ı, İ → i), diacritics folded to the letters a
 * keyboard without them types (ə → e, ı → i, ş → s …: "borclari" finds "borcları"), then case,
 * possessive and plural suffixes stripped from the end while a stem of at least three letters
 * remains ("borcun", "borcları", "borcların", "borcunu" → "borc"). Vowel harmony is ignored: the
 * suffix list holds both variants after folding. Over-stripping is harmless as long as it is the
 * same on both sides; a search ranks, it does not prove.
 */
import { lowerAz } from '../anonymizer/normalize';

const FOLD: Record<string, string> = { ə: 'e', ı: 'i', ö: 'o', ü: 'u', ş: 's', ç: 'c', ğ: 'g' };

/**
 * Suffixes after folding, longest first: case (genitive, dative, accusative, locative, ablative,
 * instrumental), possessive (3rd person, and 1st/2nd plural), plural, the relative "-ki". The bare
 * 1st/2nd person singular "-m", "-n" are left out: decisions hardly use them and they would eat stems.
 */
const SUFFIXES = [
  'larinin', 'lerinin', 'larindan', 'lerinden', 'larinda', 'lerinde', 'larina', 'lerine', 'larini', 'lerini',
  'imiz', 'umuz', 'iniz', 'unuz', 'lari', 'leri', 'larin', 'lerin',
  'ndan', 'nden', 'daki', 'deki', 'nin', 'nun', 'dan', 'den', 'tan', 'ten', 'nda', 'nde', 'yla', 'yle',
  'lar', 'ler', 'si', 'su', 'in', 'un', 'ya', 'ye', 'na', 'ne', 'ni', 'nu', 'yi', 'yu', 'da', 'de', 'ta', 'te',
  'la', 'le', 'ki',
  'a', 'e', 'i', 'u',
].sort((a, b) => b.length - a.length);

const MIN_STEM = 3;
const MAX_STRIPS = 4;
/** A word: letters and digits (Latin and Cyrillic), with inner apostrophes dropped. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function foldWord(word: string): string {
  let out = '';
  for (const ch of lowerAz(word.normalize('NFC')).replace(/['’]/g, '')) out += FOLD[ch] ?? ch;
  // Other diacritics (typed by mistake, or foreign names) are dropped.
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The stem of one word (folded, suffixes stripped). Digits and short words are kept whole. */
export function stem(word: string): string {
  let w = foldWord(word);
  if (/\d/.test(w)) return w;
  for (let i = 0; i < MAX_STRIPS; i++) {
    const s = SUFFIXES.find((x) => w.endsWith(x) && w.length - x.length >= MIN_STEM);
    if (!s) break;
    w = w.slice(0, w.length - s.length);
  }
  return w;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The text as the index stores it: one stem per word, separated by spaces. */
export function normalizeForSearch(text: string): string {
  return words(text).map(stem).join(' ');
}

/** The distinct stems of a query, in order. */
export function queryStems(q: string): string[] {
  return [...new Set(words(q).map(stem).filter((s) => s.length > 0))];
}

/**
 * The prefix of each query word as the published text spells it (lower case, Azerbaijani letters,
 * suffixes stripped in the same places), for ts_headline's prefix query: "borc" → "borc:*"
 * highlights "borcları". Only letters and digits survive, so the tsquery syntax cannot be injected.
 */
export function headlinePrefixes(q: string): string[] {
  const out: string[] = [];
  for (const w of words(q)) {
    const lower = lowerAz(w.normalize('NFC')).replace(/['’]/g, '');
    const n = stem(w).length;
    // The stem's length counts folded letters; folding keeps one letter per letter, so it cuts the same place.
    const prefix = [...lower].slice(0, Math.max(n, 1)).join('').replace(/[^\p{L}\p{N}]/gu, '');
    if (prefix && !out.includes(prefix)) out.push(prefix);
  }
  return out;
}
