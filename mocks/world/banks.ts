/**
 * Credit institutions and utilities of the synthetic world, as the hub's directories list them
 * (registry/institutions.ts; statute 11.2.13 is answered by every bank, 11.2.17 by three
 * utilities). The directory size is configuration (30 in the demo, 200 in the benchmark); every
 * subject's accounts are at the first 30 ("home") banks, so the same subject has the same accounts
 * whatever the size.
 */
import { bankEntry, DEFAULT_BANKS_COUNT, MAX_BANKS_COUNT, UTILITY_INSTITUTIONS } from '../../registry/institutions';
import type { Rng } from '../population-data/prng';

export interface BankEntry {
  /** Directory id, e.g. "bank-007". */
  id: string;
  /** The 4-letter code inside the IBAN. */
  code: string;
  name: { az: string; en: string };
  /** X-Road member code of the bank. */
  memberCode: string;
}

export const HOME_BANK_COUNT = DEFAULT_BANKS_COUNT;

function entry(i: number): BankEntry {
  const e = bankEntry(i);
  return { id: e.id, code: e.code as string, name: e.name, memberCode: e.xroad.memberCode };
}

/** The first `n` credit institutions of the directory. */
export function bankDirectory(n = HOME_BANK_COUNT): BankEntry[] {
  return Array.from({ length: n }, (_, i) => entry(i));
}

export function bankById(id: string): BankEntry | undefined {
  const m = /^bank-(\d{3})$/.exec(id);
  if (!m) return undefined;
  const i = Number(m[1]) - 1;
  return i >= 0 && i < MAX_BANKS_COUNT ? entry(i) : undefined;
}

/** `count` distinct home banks for one subject, in a stable order. */
export function homeBanksFor(r: Rng, count: number): BankEntry[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, HOME_BANK_COUNT)) chosen.add(r.int(0, HOME_BANK_COUNT - 1));
  return [...chosen].sort((a, b) => a - b).map(entry);
}

/** The utilities of statute 11.2.17: electricity, drinking water, gas. */
export const UTILITIES = UTILITY_INSTITUTIONS.map((u) => ({ id: u.id, service: u.service, name: u.name, memberCode: u.xroad.memberCode }));

export type UtilityId = 'electricity' | 'water' | 'gas';
