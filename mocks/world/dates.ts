/** Drawing dates before the world's reference date (population-data/dates.ts REFERENCE_DATE). */
import { isoDate } from '../population-data/dates';
import type { Rng } from '../population-data/prng';

export { REFERENCE_DATE, isoDate, addYears } from '../population-data/dates';

const REF_YEAR = 2025;

/** A date in [fromYear, toYear] (toYear capped at the last full year before the reference date). */
export function dateIn(r: Rng, fromYear: number, toYear = REF_YEAR): string {
  const to = Math.min(toYear, REF_YEAR);
  const from = Math.min(fromYear, to);
  return isoDate(r.int(from, to), r.int(1, 12), r.int(1, 28));
}

/** `date` plus `days` (UTC), ISO. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/** Rounds to money: two fraction digits. */
export function money(n: number): number {
  return Math.round(n * 100) / 100;
}
