/**
 * The synthetic population register (11.2.22): person = f(FIN), deterministic.
 *
 * Rules (documented in mocks/README.md, relied on by tests and demos):
 * - a FIN must match FIN_PATTERN (7 of [0-9A-Z]); anything else is an invalid request;
 * - a FIN whose last character is '0' is not in the register (not found);
 * - every other FIN is a resident; the demo roster's people have fixed names (demo-people.ts),
 *   and 5ZK8F3R is exactly the example of contracts/registries/README.md;
 * - document status and ages are computed against REFERENCE_DATE, never the wall clock.
 */
import { isFin } from '../../contracts/registries/identifiers';
import type { CivilStatus, IdentityDocument, PopulationPerson } from '../../contracts/registries/models';
import { REFERENCE_DATE, addYears, isoDate, yearsBetween } from './dates';
import { DEMO_PEOPLE } from './demo-people';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES_INVARIANT, SURNAMES_OV_EV, patronymicFor, surnameFor } from './names';
import { WEIGHTED_CITIES } from './places';
import { type Rng, rngFor } from './prng';

const FOREIGN_CITIZENSHIPS = ['TUR', 'GEO', 'RUS', 'UKR', 'KAZ'] as const;

/** Whether the population register holds a person with this FIN. */
export function isInPopulation(fin: string): boolean {
  return isFin(fin) && !fin.endsWith('0');
}

/** The person with this FIN, or undefined when the FIN is invalid or not in the register. */
export function findPerson(fin: string): PopulationPerson | undefined {
  if (!isInPopulation(fin)) return undefined;
  const rng = rngFor('population', fin);
  const fixed = DEMO_PEOPLE[fin];
  const gender = fixed?.gender ?? (rng.chance(0.5) ? 'M' : 'F');
  const surnameBase = rng.chance(0.85) ? rng.pick(SURNAMES_OV_EV) : rng.pick(SURNAMES_INVARIANT);
  const givenName = gender === 'M' ? rng.pick(MALE_NAMES) : rng.pick(FEMALE_NAMES);
  const father = rng.pick(MALE_NAMES);
  const birthDate = isoDate(rng.int(1950, 2007), rng.int(1, 12), rng.int(1, 28));
  const citizenship = rng.chance(0.95) ? 'AZE' : rng.pick(FOREIGN_CITIZENSHIPS);
  const generated: PopulationPerson = {
    fin,
    surname: surnameFor(surnameBase, gender),
    givenName,
    patronymic: patronymicFor(father, gender),
    birthDate,
    gender,
    citizenship,
    civilStatus: civilStatusFor(rng, yearsBetween(birthDate, REFERENCE_DATE)),
    address: addressFor(rng),
    identityDocument: documentFor(rng, birthDate, citizenship),
  };
  return fixed ? { ...generated, ...fixed, fin } : generated;
}

function civilStatusFor(rng: Rng, age: number): CivilStatus {
  const r = rng.next();
  if (age < 25) return r < 0.8 ? 'single' : 'married';
  if (age >= 65) return r < 0.5 ? 'married' : r < 0.85 ? 'widowed' : r < 0.95 ? 'divorced' : 'single';
  return r < 0.65 ? 'married' : r < 0.82 ? 'single' : r < 0.95 ? 'divorced' : 'widowed';
}

function addressFor(rng: Rng): PopulationPerson['address'] {
  const place = rng.pick(WEIGHTED_CITIES);
  const house = rng.int(1, 180);
  const street = rng.chance(0.7) ? `${rng.pick(place.streets)} ${house}, mənzil ${rng.int(1, 120)}` : `${rng.pick(place.streets)} ${house}`;
  return { city: place.city, district: rng.pick(place.districts), street };
}

/** ID cards and passports are issued for 10 years; residence permits for foreigners for 3. */
function documentFor(rng: Rng, birthDate: string, citizenship: string): IdentityDocument {
  const earliest = Math.max(Number(birthDate.slice(0, 4)) + 16, 2008);
  const issuedOn = isoDate(rng.int(earliest, 2025), rng.int(1, 12), rng.int(1, 28));
  let type: IdentityDocument['type'];
  let series: string;
  let number: string;
  let validUntil: string;
  if (citizenship !== 'AZE') {
    [type, series, number, validUntil] = ['RESIDENCE_PERMIT', 'MI', rng.digits(7), addYears(issuedOn, 3)];
  } else if (rng.chance(0.85)) {
    [type, series, number, validUntil] = ['ID_CARD', 'AZE', rng.digits(8), addYears(issuedOn, 10)];
  } else {
    [type, series, number, validUntil] = ['PASSPORT', 'C', rng.digits(8), addYears(issuedOn, 10)];
  }
  const r = rng.next();
  const status = validUntil <= REFERENCE_DATE ? 'expired' : r < 0.06 ? 'lost' : r < 0.1 ? 'revoked' : 'valid';
  return { type, series, number, issuedOn, validUntil, status };
}
