/**
 * Synthetic companies by VÖEN, for the registries that come later (11.2.1 legal entities, 11.2.2
 * tax, …). The last digit of a VÖEN tells the taxpayer kind: 1 = legal entity, 2 = natural person
 * (individual entrepreneur). Rules (mocks/README.md):
 * - a VÖEN must be 10 digits; one ending in anything but 1 or 2 is not registered;
 * - 1401234561 is the demo defendant '"Xəzər Tikinti" MMC' (core/demo/roster.ts).
 */
import { isVoen } from '../../contracts/registries/identifiers';
import { isoDate } from './dates';
import { DEMO_COMPANIES } from './demo-people';
import { COMPANY_TRADES, COMPANY_WORDS, FEMALE_NAMES, LEGAL_FORMS, MALE_NAMES, SURNAMES_OV_EV, surnameFor } from './names';
import { WEIGHTED_CITIES } from './places';
import { rngFor } from './prng';

export interface Company {
  voen: string;
  kind: 'legal-entity' | 'individual-entrepreneur';
  /** e.g. '"Xəzər Tikinti" MMC', or 'Fərdi sahibkar Əliyev Kamal' */
  name: string;
  legalForm: 'MMC' | 'ASC' | 'QSC' | 'FS';
  registeredOn: string;
  city: string;
  status: 'active' | 'liquidated';
}

export function isRegisteredCompany(voen: string): boolean {
  return isVoen(voen) && (voen.endsWith('1') || voen.endsWith('2'));
}

export function findCompany(voen: string): Company | undefined {
  if (!isRegisteredCompany(voen)) return undefined;
  const rng = rngFor('company', voen);
  const registeredOn = isoDate(rng.int(1995, 2025), rng.int(1, 12), rng.int(1, 28));
  const city = rng.pick(WEIGHTED_CITIES).city;
  const status = rng.chance(0.9) ? 'active' : 'liquidated';
  if (voen.endsWith('2')) {
    const gender = rng.chance(0.5) ? 'M' : 'F';
    const given = gender === 'M' ? rng.pick(MALE_NAMES) : rng.pick(FEMALE_NAMES);
    const name = `Fərdi sahibkar ${surnameFor(rng.pick(SURNAMES_OV_EV), gender)} ${given}`;
    return { voen, kind: 'individual-entrepreneur', name, legalForm: 'FS', registeredOn, city, status };
  }
  const legalForm = rng.pick(LEGAL_FORMS);
  const generated = `"${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_TRADES)}" ${legalForm}`;
  const name = DEMO_COMPANIES[voen]?.name ?? generated;
  const form = (DEMO_COMPANIES[voen] ? name.slice(name.lastIndexOf(' ') + 1) : legalForm) as Company['legalForm'];
  return { voen, kind: 'legal-entity', name, legalForm: form, registeredOn, city, status: DEMO_COMPANIES[voen] ? 'active' : status };
}
