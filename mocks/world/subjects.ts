/**
 * Who exists in the synthetic world, and the traits that make one subject's records agree across
 * registries: a debtor has arrests on the assets he owns, a travel ban and maybe a suspended
 * licence; a convict has a detention record; an owner of a car has its insurance; and so on.
 * Every trait is a pure function of the identifier (seeded PRNG), except for the demo subjects,
 * whose traits are fixed (demo-traits.ts) so the walk-through shows every kind of record.
 */
import type { Subject } from '../../contracts/registries/common-model';
import type { PopulationPerson } from '../../contracts/registries/models';
import { isFin, isVoen } from '../../contracts/registries/identifiers';
import { REFERENCE_DATE, yearsBetween } from '../population-data/dates';
import { findPerson } from '../population-data/population';
import { COMPANY_TRADES, COMPANY_WORDS, LEGAL_FORMS } from '../population-data/names';
import { rngFor } from '../population-data/prng';
import { WEIGHTED_CITIES } from '../population-data/places';
import { DEMO_TRAITS, DEMO_COMPANY_FACTS } from './demo-traits';
import { fin as makeFin, voen as makeVoen } from './ids';
import { memo } from './memo';

export type { Subject };

export interface Traits {
  /** Properties owned (0–3). */
  properties: number;
  vehicles: number;
  /** Banks among the home banks where the subject has accounts (0–4). */
  banks: number;
  /** Enforcement proceedings as debtor / as creditor. */
  debtorProceedings: number;
  creditorProceedings: number;
  /** A loan from a bank secured by the first property (mortgage) / the first vehicle (car loan). */
  mortgage: boolean;
  preferentialMortgage: boolean;
  carLoan: boolean;
  consumerLoans: number;
  /** Stands surety for someone else's loan. */
  guarantor: boolean;
  securities: boolean;
  collateralHolder: boolean;
  utilityDebt: boolean;
  notarialAttorney: boolean;
  // persons only
  employed: boolean;
  convicted: boolean;
  openCriminalCase: boolean;
  detained: boolean;
  wanted: boolean;
  unpaidFines: number;
  traveller: boolean;
  idp: boolean;
  rentToOwn: boolean;
  licence: boolean;
  higherEducation: boolean;
  // companies
  taxAudits: number;
  inspections: number;
}

export interface PersonFacts {
  kind: 'person';
  subject: { fin: string };
  fin: string;
  person: PopulationPerson;
  name: string;
  age: number;
  city: string;
  address: string;
  traits: Traits;
  /** The VÖEN of the person's registration as an individual entrepreneur, when any. */
  entrepreneurVoen: string | null;
}

export interface CompanyFacts {
  kind: 'company';
  subject: { voen: string };
  voen: string;
  name: string;
  legalForm: 'MMC' | 'ASC' | 'QSC' | 'FS';
  taxpayerKind: 'legal-entity' | 'individual-entrepreneur';
  registeredOn: string;
  status: 'active' | 'liquidated';
  city: string;
  address: string;
  director: { fin: string; name: string };
  founders: { name: string; fin?: string; voen?: string; sharePercent: number }[];
  traits: Traits;
}

export type Facts = PersonFacts | CompanyFacts;

function fullName(p: PopulationPerson): string {
  return `${p.surname} ${p.givenName} ${p.patronymic}`;
}

function addressOf(p: PopulationPerson): string {
  return `${p.address.city}, ${p.address.district} r., ${p.address.street}`;
}

function generatedTraits(register: string, id: string, kind: 'person' | 'company', age: number): Traits {
  const r = rngFor(`traits-${register}`, id);
  const adult = age >= 18;
  const isCompany = kind === 'company';
  const debtor = r.chance(isCompany ? 0.15 : adult ? 0.09 : 0);
  const properties = !adult && !isCompany ? 0 : r.chance(isCompany ? 0.6 : 0.55) ? r.int(1, isCompany ? 3 : 2) : 0;
  const vehicles = !adult && !isCompany ? 0 : r.chance(isCompany ? 0.7 : 0.35) ? r.int(1, isCompany ? 3 : 2) : 0;
  const convicted = !isCompany && adult && r.chance(0.04);
  const openCriminalCase = !isCompany && adult && r.chance(0.012);
  return {
    properties,
    vehicles,
    banks: r.chance(isCompany ? 1 : adult ? 0.9 : 0.1) ? r.int(1, isCompany ? 4 : 3) : 0,
    debtorProceedings: debtor ? r.int(1, 2) : 0,
    creditorProceedings: adult && r.chance(0.03) ? 1 : 0,
    mortgage: properties > 0 && r.chance(0.25),
    preferentialMortgage: properties > 0 && !isCompany && r.chance(0.08),
    carLoan: vehicles > 0 && r.chance(0.2),
    consumerLoans: adult && r.chance(0.45) ? r.int(1, 3) : 0,
    guarantor: adult && r.chance(0.06),
    securities: r.chance(isCompany ? 0.15 : 0.03),
    collateralHolder: r.chance(isCompany ? 0.1 : 0.01),
    utilityDebt: r.chance(0.2),
    notarialAttorney: adult && r.chance(0.2),
    employed: !isCompany && age >= 18 && age < 65 && r.chance(0.7),
    convicted,
    openCriminalCase,
    detained: (openCriminalCase && r.chance(0.4)) || (convicted && r.chance(0.25)),
    wanted: !isCompany && adult && r.chance(0.003),
    unpaidFines: !isCompany && adult && r.chance(0.15) ? r.int(1, 3) : 0,
    traveller: !isCompany && r.chance(0.4),
    idp: !isCompany && r.chance(0.07),
    rentToOwn: !isCompany && adult && r.chance(0.02),
    licence: !isCompany && adult && (vehicles > 0 ? r.chance(0.95) : r.chance(0.4)),
    higherEducation: !isCompany && age >= 22 && r.chance(0.45),
    taxAudits: isCompany && r.chance(0.5) ? r.int(1, 3) : 0,
    inspections: isCompany && r.chance(0.6) ? r.int(1, 3) : 0,
  };
}

/**
 * Individual entrepreneurs: a fixed, seeded list of (FIN, VÖEN) pairs, so that the tax register
 * knows the same registration by the person's FIN and by its VÖEN. A VÖEN ending in 2 outside the
 * list is not registered.
 */
const ENTREPRENEUR_COUNT = 400;
let entrepreneurs: { byFin: Map<string, string>; byVoen: Map<string, string> } | undefined;
function entrepreneurIndex(): { byFin: Map<string, string>; byVoen: Map<string, string> } {
  if (entrepreneurs) return entrepreneurs;
  const byFin = new Map<string, string>();
  const byVoen = new Map<string, string>();
  const r = rngFor('entrepreneurs', 'list');
  for (const [f, v] of Object.entries(DEMO_ENTREPRENEURS)) { byFin.set(f, v); byVoen.set(v, f); }
  while (byFin.size < ENTREPRENEUR_COUNT) {
    const f = makeFin(r);
    const v = makeVoen(r, 2);
    if (byFin.has(f) || byVoen.has(v)) continue;
    byFin.set(f, v);
    byVoen.set(v, f);
  }
  entrepreneurs = { byFin, byVoen };
  return entrepreneurs;
}

/** Demo: the plaintiff of the commercial demo case is an entrepreneur. */
const DEMO_ENTREPRENEURS: Readonly<Record<string, string>> = { '3CD4E5F': '1509876542' };

/** The entrepreneurs' list, for tests that want a subject with a registration. */
export function entrepreneurPairs(): [fin: string, voen: string][] {
  return [...entrepreneurIndex().byFin.entries()];
}

export const personFacts = memo((fin: string): PersonFacts | undefined => {
  if (!isFin(fin)) return undefined;
  const person = findPerson(fin);
  if (!person) return undefined;
  const age = yearsBetween(person.birthDate, REFERENCE_DATE);
  const generated = generatedTraits('person', fin, 'person', age);
  return {
    kind: 'person',
    subject: { fin },
    fin,
    person,
    name: fullName(person),
    age,
    city: person.address.city,
    address: addressOf(person),
    traits: { ...generated, ...DEMO_TRAITS[fin] },
    entrepreneurVoen: entrepreneurIndex().byFin.get(fin) ?? null,
  };
});

export const companyFacts = memo((voenValue: string): CompanyFacts | undefined => {
  if (!isVoen(voenValue)) return undefined;
  if (voenValue.endsWith('2')) {
    const ownerFin = entrepreneurIndex().byVoen.get(voenValue);
    const owner = ownerFin ? personFacts(ownerFin) : undefined;
    if (!owner) return undefined;
    const r = rngFor('entrepreneur', voenValue);
    return {
      kind: 'company', subject: { voen: voenValue }, voen: voenValue,
      name: `Fərdi sahibkar ${owner.person.surname} ${owner.person.givenName} ${owner.person.patronymic}`,
      legalForm: 'FS', taxpayerKind: 'individual-entrepreneur',
      registeredOn: `${r.int(Math.max(2005, Number(owner.person.birthDate.slice(0, 4)) + 18), 2025)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      status: 'active', city: owner.city, address: owner.address,
      director: { fin: owner.fin, name: owner.name },
      founders: [{ name: owner.name, fin: owner.fin, sharePercent: 100 }],
      traits: { ...generatedTraits('company', voenValue, 'company', 40), ...DEMO_TRAITS[voenValue] },
    };
  }
  if (!voenValue.endsWith('1')) return undefined;
  const r = rngFor('company', voenValue);
  const demo = DEMO_COMPANY_FACTS[voenValue];
  const legalForm = demo?.legalForm ?? r.pick(LEGAL_FORMS);
  const place = r.pick(WEIGHTED_CITIES);
  const directorFin = demo?.directorFin ?? makeFin(r);
  const director = personFacts(directorFin);
  const founderCount = legalForm === 'MMC' ? r.int(1, 3) : 1;
  const founders: CompanyFacts['founders'] = [];
  let left = 100;
  for (let i = 0; i < founderCount; i++) {
    const f = i === 0 ? directorFin : makeFin(r);
    const share = i === founderCount - 1 ? left : r.int(10, Math.max(10, left - 10 * (founderCount - i - 1)));
    left -= share;
    founders.push({ name: personFacts(f)?.name ?? f, fin: f, sharePercent: share });
  }
  const registeredOn = `${r.int(1995, 2024)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  return {
    kind: 'company', subject: { voen: voenValue }, voen: voenValue,
    name: demo?.name ?? `"${r.pick(COMPANY_WORDS)} ${r.pick(COMPANY_TRADES)}" ${legalForm}`,
    legalForm, taxpayerKind: 'legal-entity', registeredOn,
    status: demo ? 'active' : r.chance(0.92) ? 'active' : 'liquidated',
    city: place.city,
    address: demo?.address ?? `${place.city}, ${r.pick(place.districts)} r., ${r.pick(place.streets)} ${r.int(1, 200)}`,
    director: { fin: directorFin, name: director?.name ?? directorFin },
    founders: demo ? demo.founders.map((x) => ({ name: personFacts(x.fin)?.name ?? x.fin, fin: x.fin, sharePercent: x.sharePercent })) : founders,
    traits: { ...generatedTraits('company', voenValue, 'company', 40), ...DEMO_TRAITS[voenValue] },
  };
});

/** The facts of a subject, or undefined when no register knows it. */
export function factsOf(s: Subject): Facts | undefined {
  if ('fin' in s) return personFacts(s.fin);
  return companyFacts(s.voen);
}

export function subjectKey(s: Subject): string {
  return 'fin' in s ? `fin:${s.fin}` : `voen:${s.voen}`;
}
