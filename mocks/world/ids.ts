/**
 * Identifiers of the synthetic world with their real check rules where a rule is public: IBAN
 * (ISO 13616, mod 97), VIN (ISO 3779 alphabet), Azerbaijani plates ("90-HA-123"), VÖEN kind digit.
 */
import type { Rng } from '../population-data/prng';

const VIN_ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const PLATE_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVXYZ';

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

function toNumeric(s: string): string {
  return [...s].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
}

/** AZ IBAN: "AZ" + 2 check digits + 4-letter bank code + 20 characters (ISO 13616 mod 97). */
export function iban(bankCode: string, account20: string): string {
  const bban = `${bankCode}${account20}`;
  const check = 98 - mod97(toNumeric(`${bban}AZ00`));
  return `AZ${String(check).padStart(2, '0')}${bban}`;
}

export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  return mod97(toNumeric(value.slice(4) + value.slice(0, 4))) === 1;
}

export function vin(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 17; i++) s += VIN_ALPHABET[rng.int(0, VIN_ALPHABET.length - 1)];
  return s;
}

export function plate(rng: Rng, region: string): string {
  const l = () => PLATE_LETTERS[rng.int(0, PLATE_LETTERS.length - 1)];
  return `${region}-${l()}${l()}-${rng.digits(3).replace(/^0/, String(rng.int(1, 9)))}`;
}

/** A VÖEN: 9 digits and the kind digit (1 legal entity, 2 natural person). */
export function voen(rng: Rng, kind: 1 | 2): string {
  return `${rng.int(1, 9)}${rng.digits(8)}${kind}`;
}

/** A FIN: 7 of [0-9A-Z], never ending in "0" (those are not in the population register). */
export function fin(rng: Rng): string {
  const A = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 6; i++) s += A[rng.int(0, A.length - 1)];
  return s + A[rng.int(1, A.length - 1)];
}

export function cadastral(rng: Rng): string {
  return `${rng.int(10, 99)}-${rng.int(10, 99)}-${rng.digits(4)}-${rng.digits(4)}`;
}
