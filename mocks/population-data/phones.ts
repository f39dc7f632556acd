/**
 * The synthetic telecom register (11.2.3): phone numbers = f(FIN), deterministic.
 *
 * Rules (mocks/README.md):
 * - a FIN whose last character is '0' (not in the population) or '9' (a resident without a
 *   mobile contract) has no record: the register answers 404 not-found;
 * - everyone else has 1 to 3 numbers, +994 and a mobile prefix of a real operator:
 *   Azercell 50, 51; Bakcell 55, 99; Nar 70, 77;
 * - 5ZK8F3R has exactly the number of the contracts/registries/README.md example.
 */
import { isFin } from '../../contracts/registries/identifiers';
import type { MobileOperator, PhoneNumber, PhoneNumbers } from '../../contracts/registries/models';
import { isoDate } from './dates';
import { findPerson } from './population';
import { DEMO_PHONES } from './demo-people';
import { rngFor } from './prng';

export const MOBILE_PREFIXES: Readonly<Record<string, MobileOperator>> = {
  '50': 'Azercell', '51': 'Azercell', '55': 'Bakcell', '99': 'Bakcell', '70': 'Nar', '77': 'Nar',
};
const PREFIXES = Object.keys(MOBILE_PREFIXES);

export function hasPhoneRecord(fin: string): boolean {
  return isFin(fin) && !fin.endsWith('0') && !fin.endsWith('9');
}

/** The person's numbers, or undefined when the FIN is invalid or the register has no record. */
export function findPhoneNumbers(fin: string): PhoneNumbers | undefined {
  if (!hasPhoneRecord(fin)) return undefined;
  const fixed = DEMO_PHONES[fin];
  if (fixed) return { fin, numbers: fixed.map((n) => ({ ...n })) };
  const rng = rngFor('phone', fin);
  // Contracts are signed by adults: never before the holder's 16th birthday year.
  const firstYear = Math.max(2005, Number(findPerson(fin)?.birthDate.slice(0, 4) ?? 1990) + 16);
  const count = rng.int(1, 3);
  const numbers: PhoneNumber[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = rng.pick(PREFIXES);
    const r = rng.next();
    numbers.push({
      msisdn: `+994${prefix}${rng.int(2, 9)}${rng.digits(6)}`,
      operator: MOBILE_PREFIXES[prefix],
      registeredOn: isoDate(rng.int(Math.min(firstYear, 2025), 2025), rng.int(1, 12), rng.int(1, 28)),
      // The first number is the one in use; older ones may be suspended or terminated.
      status: i === 0 || r < 0.6 ? 'active' : r < 0.8 ? 'suspended' : 'terminated',
    });
  }
  return { fin, numbers };
}
