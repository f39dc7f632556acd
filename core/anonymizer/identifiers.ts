/**
 * Identifiers removed by pattern, each with its validator where it has one (policy table "Remove"):
 * FIN, a sole trader's VÖEN (10th digit 2), identity documents, phones in any format, e-mails, bank
 * accounts (IBAN with mod 97, cards with Luhn, plain account numbers after "hesab"), vehicle plates.
 * Matching runs on a copy of the text where Cyrillic look-alikes are read as Latin (same length, so
 * offsets hold). Each finding carries the mask that replaces it: the identifying part becomes "*".
 */
import type { Finding } from './types';
import { finShape, ibanValid, luhnValid, phoneDigitsValid, voenKind } from './validators';

const LOOKALIKE: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', І: 'I', Ј: 'J',
};

export function latinView(text: string): string {
  let out = '';
  for (const ch of text) out += ch.length === 1 ? (LOOKALIKE[ch] ?? ch) : ch;
  return out;
}

/** Replaces letters and digits from position `from` (counting alphanumerics) with "*". */
export function maskAlnum(s: string, from = 0, to = Infinity): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    if (/[\p{L}\p{N}]/u.test(ch)) {
      out += n >= from && n < to ? '*' : ch;
      n++;
    } else out += ch;
  }
  return out;
}

function maskLastDigits(s: string, count: number): string {
  const total = (s.match(/\d/g) ?? []).length;
  let n = 0;
  let out = '';
  for (const ch of s) {
    if (/\d/.test(ch)) { out += n >= total - count ? '*' : ch; n++; } else out += ch;
  }
  return out;
}

const near = (text: string, at: number, re: RegExp, before = 40, after = 0) =>
  re.test(text.slice(Math.max(0, at - before), at).toLowerCase()) || (after > 0 && re.test(text.slice(at, at + after).toLowerCase()));

const PHONE_CUE = /(telefon|nömrə|mobil|zəng|əlaqə|tel\.|mob\.)/;
const FIN_CUE = /(f[iİı]n|fərdi identifikasiya)[\s\S]{0,6}$/i;
const ID_CUE = /(vəsiqə|pasport|passport|şəhadətnamə|çıxarış|reyestr|sənəd)/;

/** All identifier findings of a text (not yet de-overlapped). */
export function findIdentifiers(text: string): Finding[] {
  const v = latinView(text);
  const out: Finding[] = [];
  const add = (start: number, end: number, label: Finding['label'], mask: string) => out.push({ start, end, label, mask, source: 'pattern' });

  for (const m of v.matchAll(/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g)) {
    const at = m[0].indexOf('@');
    add(m.index!, m.index! + m[0].length, 'EMAIL', '*****' + m[0].slice(at));
  }
  // IBAN, compact or in groups of four: the bank code may stay, the account part goes.
  for (const m of v.matchAll(/\bAZ\d{2}[ ]?[A-Z]{4}(?:[ ]?[A-Z0-9]){20}\b/g)) {
    add(m.index!, m.index! + m[0].length, 'ACCOUNT', maskAlnum(m[0], 8));
    void ibanValid; // validity is reported by the review view; a mistyped IBAN is still an account.
  }
  // Card numbers: 16 digits in groups or compact, Luhn-valid, or any such number after "kart".
  for (const m of v.matchAll(/(?<![\d\w])\d{4}([ -]?)\d{4}\1\d{4}\1\d{4}(?![\d\w])/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (luhnValid(digits) || near(v, m.index!, /kart/)) add(m.index!, m.index! + m[0].length, 'ACCOUNT', maskAlnum(m[0], 6, 12));
  }
  // Plain bank account numbers (20 digits) after "hesab".
  for (const m of v.matchAll(/(?<![\d\w])\d{20}(?![\d\w])/g)) {
    if (near(v, m.index!, /hesab/, 60, 40)) add(m.index!, m.index! + m[0].length, 'ACCOUNT', maskAlnum(m[0]));
  }
  // Identity documents: ID cards (AZE + 8, AA + 7), passports, driving licences, registry numbers.
  for (const m of v.matchAll(/\b(AZE|AA)[ ]?(\d{4}[ ]?\d{4}|\d{7})\b/g)) {
    add(m.index!, m.index! + m[0].length, 'ID_DOC', m[1] + maskAlnum(m[0].slice(m[1].length)));
  }
  for (const m of v.matchAll(/\b([A-Z]{1,2})[ ]?(\d{6,9})\b/g)) {
    if (/^(AZE|AA)$/.test(m[1]) && /^\d{7,8}$/.test(m[2])) continue;
    const passport = /^[CP]$/.test(m[1]) && m[2].length >= 7;
    if (passport || near(v, m.index!, ID_CUE, 60, 60)) add(m.index!, m.index! + m[0].length, 'ID_DOC', m[1] + maskAlnum(m[0].slice(m[1].length)));
  }
  for (const m of v.matchAll(/(?<![\d\w])(\d{2}[ ]?\d{7}|\d{3,5}(?:-\d{3,5}){1,3})(?![\d\w/])/g)) {
    if (near(v, m.index!, /(pasport|passport|çıxarış|reyestr)[^.]{0,40}$/, 60)) add(m.index!, m.index! + m[0].length, 'ID_DOC', maskAlnum(m[0]));
  }
  // Vehicle plates: region code, two series letters, three digits ("01-XU-594", "10 RT 447", "01VM366").
  for (const m of v.matchAll(/(?<![\w-])(\d{2})([ ]?-?[ ]?)([A-Z]{2})\2(\d{3})(?![\w])/g)) {
    add(m.index!, m.index! + m[0].length, 'CAR_PLATE', m[1] + maskAlnum(m[0].slice(2)));
  }
  for (const m of v.matchAll(/\b([A-Z]{2})-(\d{3})-([A-Z]{2})\b/g)) {
    if (near(v, m.index!, /nömrə|nişan/, 40, 30)) add(m.index!, m.index! + m[0].length, 'CAR_PLATE', maskAlnum(m[0]));
  }
  // FIN: 7 letters and digits; after "FİN" in any case, otherwise upper case and mixed.
  for (const m of v.matchAll(/(?<![\w-])([0-9A-Za-z]{7})(?![\w-])/g)) {
    const cue = FIN_CUE.test(v.slice(Math.max(0, m.index! - 30), m.index!));
    if (!finShape(m[1])) continue;
    if (/^\d{2}[A-Z]{2}\d{3}$/.test(m[1])) continue; // a plate
    if (cue || (/^[0-9A-Z]+$/.test(m[1]) && (m[1].match(/\d/g) ?? []).length >= 2 && (m[1].match(/[A-Z]/g) ?? []).length >= 2)) {
      add(m.index!, m.index! + 7, 'FIN', '*******');
    }
  }
  // VÖEN of a sole trader: 10 digits ending in 2 (a legal entity's, ending in 1, is public and stays).
  for (const m of v.matchAll(/(?<![\d\w])(\d{10})(?![\d\w])/g)) {
    if (voenKind(m[1]) === 'person') add(m.index!, m.index! + 10, 'VOEN_PRIVATE', '**********');
  }
  // Phones: a run of digits with the separators people type, checked against country and operator codes.
  for (const m of v.matchAll(/(?<![\w+\-/.])(\+?\(?\d[\d \-().]{5,22}\d)(?![\w/])/g)) {
    const s = m[1];
    if (/\d\.\d{3}\b/.test(s) && !/^\d{3}\.\d{3}\.\d{2}\.\d{2}$/.test(s)) continue; // an amount ("23.200") or a date
    if (/\d{2}\.\d{2}\.\d{4}/.test(s)) continue;
    const d = s.replace(/\D/g, '');
    const cue = near(v, m.index!, PHONE_CUE, 40, 40);
    if (phoneDigitsValid(d, { plus: s.startsWith('+'), cue })) add(m.index!, m.index! + s.length, 'PHONE', maskLastDigits(s, 7));
  }
  return out;
}
