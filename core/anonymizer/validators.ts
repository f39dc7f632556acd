/** Check digits and shapes of the identifiers the anonymizer removes. */

/** IBAN (ISO 13616): move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return false;
  if (s.startsWith('AZ') && s.length !== 28) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + Number(d)) % 97;
  }
  return rem === 1;
}

/** Luhn check of a payment card number (13–19 digits). */
export function luhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

/** FIN: 7 characters, Latin letters and digits, at least one of each. */
export function finShape(s: string): boolean {
  return /^[0-9A-Z]{7}$/i.test(s) && /\d/.test(s) && /[A-Z]/i.test(s);
}

/** VÖEN: 10 digits; the 10th is 1 for a legal entity and 2 for a natural person (sole trader). */
export function voenKind(s: string): 'entity' | 'person' | undefined {
  if (!/^[1-9]\d{9}$/.test(s)) return undefined;
  return s[9] === '2' ? 'person' : s[9] === '1' ? 'entity' : undefined;
}

// Azerbaijani mobile operators and city codes after the country code 994 or the trunk 0.
const AZ_CODES = new Set(['10', '12', '18', '20', '21', '22', '23', '24', '25', '26', '36', '40', '50', '51', '55', '60', '70', '77', '99']);

/** Whether a run of digits is a phone number; `cue` when a phone word is near (then 7 and 9 digits pass too). */
export function phoneDigitsValid(d: string, opts: { plus: boolean; cue: boolean }): boolean {
  if (d.startsWith('994') && d.length === 12) return AZ_CODES.has(d.slice(3, 5));
  if (d.startsWith('0') && d.length === 10) return AZ_CODES.has(d.slice(1, 3));
  if (d.startsWith('80') && d.length === 11) return AZ_CODES.has(d.slice(2, 4));
  if (opts.plus && d.length >= 10 && d.length <= 13) return true;
  if (opts.cue && d.length === 9) return AZ_CODES.has(d.slice(0, 2));
  if (opts.cue && d.length === 7) return /^[2-9]/.test(d);
  return false;
}
