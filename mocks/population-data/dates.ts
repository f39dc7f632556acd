/**
 * The synthetic registers are frozen at a reference date so that a person never changes with the
 * wall clock: document status (valid / expired) and ages are computed against it.
 */
export const REFERENCE_DATE = '2026-01-01';

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Same month and day, `years` later (dates are drawn with day <= 28, so no leap-day edge). */
export function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

export function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
