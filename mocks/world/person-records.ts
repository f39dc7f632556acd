/**
 * Records about a person's life: work and pension (11.2.4), education (11.2.21), driving licences
 * (11.2.9), border crossings (11.2.10), IDP status (11.2.16), rent-to-own housing (11.2.18),
 * criminal records (11.2.7) and detention (11.2.24). Each answers undefined ("not found") when the
 * register holds nothing about the person, except the registers that certify an absence: the
 * criminal record, travel bans and border crossings answer for every resident.
 */
import { rngFor } from '../population-data/prng';
import type { Employment, EmploymentContract, SocialBenefit } from '../../contracts/registries/labour/model';
import type { Education, EducationRecord } from '../../contracts/registries/education/model';
import type { DrivingLicence, DrivingLicences } from '../../contracts/registries/road-police/model';
import type { BorderCrossing, BorderCrossings, TravelBans } from '../../contracts/registries/migration/model';
import type { IdpStatus } from '../../contracts/registries/idp/model';
import type { RentToOwn } from '../../contracts/registries/housing/model';
import type { CriminalRecord, Conviction, CriminalCase, UnpaidFine } from '../../contracts/registries/police/model';
import type { DetentionRecord, DetentionStatus } from '../../contracts/registries/penitentiary/model';
import { assets } from './assets';
import { addDays, addYears, dateIn, isoDate, laterOf, money, REFERENCE_DATE } from './dates';
import { fin as makeFin, voen as makeVoen } from './ids';
import { barredSince, travelBans } from './restrictions';
import { companyFacts, personFacts, type PersonFacts } from './subjects';
import { BORDER_CHECKPOINTS, COURTS, HOUSING_COMPLEXES, OCCUPIED_DISTRICTS, PENITENTIARY_FACILITIES, POSITIONS, SPECIALITIES, UNIVERSITIES, VOCATIONAL_SCHOOLS } from './vocab';

/** Sentences are served in penal institutions, pre-trial detention in investigation isolators. */
const PRISONS = PENITENTIARY_FACILITIES.filter((x) => x.includes('Cəzaçəkmə'));
const REMAND_CENTRES = PENITENTIARY_FACILITIES.filter((x) => x.includes('İstintaq'));

/** Courts that try criminal cases and order detention (the administrative-economic court does not). */
const CRIMINAL_COURTS = COURTS.filter((c) => !c.includes('İnzibati-İqtisadi'));

function birthYear(f: PersonFacts): number {
  return Number(f.person.birthDate.slice(0, 4));
}

function monthsBetween(from: string, to: string): number {
  const m = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return Math.max(0, m(to) - m(from));
}

/** The social insurance account as the contracts make it: every month worked was paid for. */
function insuranceOf(contracts: EmploymentContract[]): Employment['socialInsurance'] {
  if (contracts.length === 0) return { insuredSince: null, insuredMonths: 0, lastContributionMonth: null };
  const last = contracts[contracts.length - 1];
  const lastDay = last.endDate ?? addDays(REFERENCE_DATE, -1);
  return {
    insuredSince: contracts[0].startDate,
    insuredMonths: contracts.reduce((n, c) => n + monthsBetween(c.startDate, c.endDate ?? REFERENCE_DATE), 0),
    lastContributionMonth: lastDay.slice(0, 7),
  };
}

export function employment(fin: string): Employment | undefined {
  const f = personFacts(fin);
  if (!f) return undefined;
  const r = rngFor('labour', fin);
  const contracts: EmploymentContract[] = [];
  const firstJob = birthYear(f) + r.int(19, 24);
  const past = f.age >= 24 ? r.int(0, 2) : 0;
  let start = isoDate(Math.min(firstJob, 2024), r.int(1, 12), 1);
  const employer = () => {
    const v = makeVoen(r, 1);
    return { voen: v, name: companyFacts(v)?.name ?? v };
  };
  for (let i = 0; i < past + (f.traits.employed ? 1 : 0); i++) {
    const current = f.traits.employed && i === past;
    const end = current ? null : addDays(start, r.int(300, 2500));
    if (end && end >= REFERENCE_DATE) break;
    contracts.push({
      contractNumber: `ƏM-${start.slice(0, 4)}-${r.digits(7)}`,
      employer: employer(),
      position: r.pick(POSITIONS),
      startDate: start,
      endDate: end,
      monthlySalary: { amount: money(r.int(400, 3500)), currency: 'AZN' },
      kind: r.chance(0.8) ? 'permanent' : r.chance(0.5) ? 'fixed-term' : 'part-time',
    });
    if (!end) break;
    start = addDays(end, r.int(15, 200));
    if (start >= REFERENCE_DATE) break;
  }
  const pension = f.age >= 65
    ? { kind: 'old-age' as const, since: addYears(f.person.birthDate, 65), monthlyAmount: { amount: money(r.int(280, 900)), currency: 'AZN' as const } }
    : r.chance(0.03) ? { kind: 'disability' as const, since: dateIn(r, 2012), monthlyAmount: { amount: money(r.int(200, 500)), currency: 'AZN' as const } } : null;
  const benefits: SocialBenefit[] = [];
  if (!f.traits.employed && f.age < 65 && r.chance(0.2)) {
    benefits.push({ kind: 'targeted-social-assistance', since: dateIn(r, 2021), until: null, monthlyAmount: { amount: money(r.int(150, 400)), currency: 'AZN' } });
  }
  if (f.traits.idp && r.chance(0.8)) {
    benefits.push({ kind: 'targeted-social-assistance', since: dateIn(r, 2015), until: null, monthlyAmount: { amount: 90, currency: 'AZN' } });
  }
  if (contracts.length === 0 && !pension && benefits.length === 0) return undefined;
  return { subject: { fin }, contracts, socialInsurance: insuranceOf(contracts), pension, benefits };
}

export function education(fin: string): Education | undefined {
  const f = personFacts(fin);
  if (!f) return undefined;
  const r = rngFor('education', fin);
  const by = birthYear(f);
  const records: EducationRecord[] = [];
  const school = by + 17;
  if (school > 2025) return undefined;
  records.push({
    level: 'general-secondary', institution: `${f.city} şəhəri ${r.int(1, 320)} nömrəli tam orta məktəb`, speciality: null,
    startYear: by + 6, endYear: school, document: { type: 'attestat', number: `A${r.digits(7)}`, issuedOn: isoDate(school, 6, r.int(15, 28)) },
  });
  if (!f.traits.higherEducation && r.chance(0.25) && school + 3 <= 2025) {
    records.push({ level: 'vocational', institution: r.pick(VOCATIONAL_SCHOOLS), speciality: r.pick(['Elektrik', 'Aşpaz', 'Dərzi', 'Avtomexanik']), startYear: school, endYear: school + 2, document: { type: 'diploma', number: `PT${r.digits(6)}`, issuedOn: isoDate(school + 2, 6, 30) } });
  }
  if (f.traits.higherEducation) {
    const uni = r.pick(UNIVERSITIES);
    const spec = r.pick(SPECIALITIES);
    const end = school + 4;
    records.push({ level: 'bachelor', institution: uni, speciality: spec, startYear: school, endYear: end <= 2025 ? end : null, document: end <= 2025 ? { type: 'diploma', number: `B${r.digits(7)}`, issuedOn: isoDate(end, 7, r.int(1, 20)) } : null });
    if (end + 2 <= 2025 && r.chance(0.35)) {
      records.push({ level: 'master', institution: r.chance(0.6) ? uni : r.pick(UNIVERSITIES), speciality: spec, startYear: end, endYear: end + 2, document: { type: 'diploma', number: `M${r.digits(7)}`, issuedOn: isoDate(end + 2, 7, r.int(1, 20)) } });
      if (end + 6 <= 2025 && r.chance(0.08)) {
        records.push({ level: 'doctorate', institution: 'Azərbaycan Milli Elmlər Akademiyası', speciality: spec, startYear: end + 2, endYear: end + 6, document: { type: 'diploma', number: `FD${r.digits(6)}`, issuedOn: isoDate(end + 6, 11, r.int(1, 28)) } });
      }
    }
  }
  // School leavers of the last four years without a degree: about half are students now, in a
  // four-year bachelor programme (drawn last, so the records above stay as they were).
  if (!f.traits.higherEducation && records.length === 1 && school >= 2022 && r.chance(0.55)) {
    records.push({ level: 'bachelor', institution: r.pick(UNIVERSITIES), speciality: r.pick(SPECIALITIES), startYear: school, endYear: null, document: null });
  }
  // The institution reports studies in progress (no end year yet) as the current enrolment.
  const open = records.find((x) => x.endYear === null);
  const currentEnrolment = open ? { level: open.level, institution: open.institution, speciality: open.speciality, startYear: open.startYear, course: 2025 - open.startYear + 1 } : null;
  return { subject: { fin }, records, currentEnrolment };
}

/** The periods the person was (or is) held by the penitentiary service; a current one has no end. */
function heldPeriods(fin: string): { from: string; to: string | null }[] {
  const d = detention(fin);
  if (!d) return [];
  return [...d.history.map((h) => ({ from: h.since, to: h.until })), ...(d.current ? [{ from: d.current.since, to: null }] : [])];
}

function overlapsHeld(periods: { from: string; to: string | null }[], from: string, to: string): boolean {
  return periods.some((p) => from <= (p.to ?? '9999-12-31') && to >= p.from);
}

export function drivingLicences(fin: string): DrivingLicences | undefined {
  const f = personFacts(fin);
  if (!f || !f.traits.licence) return undefined;
  const r = rngFor('licences', fin);
  let issuedOn = dateIn(r, Math.max(birthYear(f) + 18, 2012));
  // Nobody passes a driving test in custody: a licence falling in a held period is issued after
  // release, or before the arrest when the person is still held.
  const held = heldPeriods(fin).find((p) => overlapsHeld([p], issuedOn, issuedOn));
  if (held) issuedOn = held.to && addDays(held.to, 60) < REFERENCE_DATE ? addDays(held.to, 60) : addDays(held.from, -200);
  const validUntil = addYears(issuedOn, 10);
  const hasTruck = (assets({ fin })?.vehicles ?? []).some((v) => v.kind === 'truck');
  const categories = hasTruck || r.chance(0.1) ? ['B', 'C'] : r.chance(0.05) ? ['A', 'B'] : ['B'];
  // Detention suspends the right to drive while the person is held (the licence is kept by the
  // facility), until the planned release, on the decision that holds the person.
  const current = detention(fin)?.current ?? null;
  const suspended = current !== null && validUntil > REFERENCE_DATE;
  const licence: DrivingLicence = {
    number: `AB${r.digits(6)}`,
    categories,
    issuedOn,
    validUntil,
    status: validUntil <= REFERENCE_DATE ? 'expired' : suspended ? 'suspended' : 'valid',
    suspension: suspended && current
      ? {
        until: current.until ?? validUntil,
        basis: current.kind === 'pre-trial-detention'
          ? `Məhkəmənin həbs qətimkan tədbiri haqqında ${current.basis.decisionDate} tarixli qərarı`
          : `Məhkəmənin ${current.basis.decisionDate} tarixli hökmü (azadlıqdan məhrum etmə)`,
      }
      : null,
  };
  return { subject: { fin }, licences: [licence] };
}

export function borderCrossings(fin: string): BorderCrossings | undefined {
  const f = personFacts(fin);
  if (!f) return undefined;
  const r = rngFor('crossings', fin);
  const crossings: BorderCrossing[] = [];
  if (f.traits.traveller && f.age >= 1) {
    const barred = barredSince({ fin });
    const held = heldPeriods(fin);
    // A person sought by the police is stopped at the border from the day the search began.
    const wantedSince = criminalRecord(fin)?.wanted.since ?? null;
    const stopAt = [barred, wantedSince].filter((d): d is string => d !== null).sort()[0] ?? null;
    const plates = assets({ fin })?.vehicles.map((v) => v.plate) ?? [];
    const trips = r.int(1, 5);
    let day = dateIn(r, 2023, 2023);
    for (let i = 0; i < trips; i++) {
      const cp = r.pick(BORDER_CHECKPOINTS);
      const out = addDays(day, r.int(10, 120));
      if (out >= REFERENCE_DATE || (stopAt && out >= stopAt)) break;
      const back = addDays(out, r.int(3, 21));
      const byCar = !cp.name.includes('Aeroport') && plates.length > 0 && r.chance(0.6) ? r.pick(plates) : null;
      const country = r.pick(cp.countries);
      const document = `${f.person.identityDocument.series}${f.person.identityDocument.number}`;
      // Nobody crosses the border while held by the penitentiary service.
      if (overlapsHeld(held, out, back)) { day = back; continue; }
      crossings.push({ at: `${out}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00Z`, direction: 'exit', checkpoint: cp.name, country, document, vehiclePlate: byCar });
      if (back < REFERENCE_DATE) crossings.push({ at: `${back}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00Z`, direction: 'entry', checkpoint: cp.name, country, document, vehiclePlate: byCar });
      day = back;
    }
  }
  crossings.sort((a, b) => (a.at < b.at ? 1 : -1));
  return { subject: { fin }, crossings };
}

export function travelBanRecord(fin: string): TravelBans | undefined {
  if (!personFacts(fin)) return undefined;
  const bans = travelBans({ fin });
  return { subject: { fin }, barred: bans.some((b) => b.status === 'active'), bans };
}

export function idpStatus(fin: string): IdpStatus | undefined {
  const f = personFacts(fin);
  if (!f || !f.traits.idp) return undefined;
  const r = rngFor('idp', fin);
  const origin = r.pick(OCCUPIED_DISTRICTS);
  const status = r.chance(0.9) ? 'idp' : 'refugee';
  const certificateNumber = `MK-${r.digits(7)}`;
  // A child born to displaced parents gets the status at birth, never before it.
  const registeredOn = laterOf(dateIn(r, Math.max(1993, birthYear(f)), Math.max(1993, Math.min(2005, birthYear(f) + 1))), f.person.birthDate);
  const familyMembers = r.int(1, 6);
  const returned = r.chance(0.08);
  // Drawn after the fields above, so adding them changed none of those.
  const returnedOn = returned ? dateIn(r, 2023, 2025) : null;
  return {
    subject: { fin },
    status,
    certificateNumber,
    registeredOn,
    originDistrict: origin,
    settledAt: f.address,
    familyMembers,
    returned,
    returnedOn,
    // The monthly food allowance, paid from registration until the return home.
    allowances: [{ kind: 'monthly-food', monthly: { amount: 30, currency: 'AZN' }, since: registeredOn, until: returnedOn }],
  };
}

export function rentToOwn(fin: string): RentToOwn | undefined {
  const f = personFacts(fin);
  if (!f || !f.traits.rentToOwn) return undefined;
  const r = rngFor('housing', fin);
  const startedOn = dateIn(r, 2020, 2024);
  const monthly = money(r.int(250, 700));
  const term = r.pick([120, 180, 240]);
  const arrears = f.traits.utilityDebt || f.traits.debtorProceedings > 0 ? money(monthly * r.int(2, 6)) : 0;
  const contractNumber = `MİDA-${startedOn.slice(0, 4)}-${r.digits(5)}`;
  const site = r.pick(HOUSING_COMPLEXES);
  const building = r.int(1, 12);
  const flat = r.int(1, 200);
  const remaining = money(monthly * (term - 12 * (2026 - Number(startedOn.slice(0, 4)))));
  // Drawn from the contract's own seed, so the contract's other terms stay as they were.
  const d = rngFor('housing-apartment', contractNumber);
  const rooms = d.int(1, 3);
  const price = money(monthly * term);
  return {
    subject: { fin },
    contracts: [{
      contractNumber,
      complex: site.complex,
      address: `${site.place}, "${site.complex}" yaşayış kompleksi, bina ${building}, mənzil ${flat}`,
      apartment: { building, number: flat, rooms, areaSqm: d.int(30, 45) + rooms * d.int(15, 22) },
      startedOn,
      termMonths: term,
      monthlyPayment: { amount: monthly, currency: 'AZN' },
      price: { amount: price, currency: 'AZN' },
      // Paid: the price less what the schedule still has to come and what fell due unpaid.
      paid: { amount: money(Math.max(0, price - remaining - arrears)), currency: 'AZN' },
      remaining: { amount: remaining, currency: 'AZN' },
      arrears: { amount: arrears, currency: 'AZN' },
      status: 'active',
    }],
  };
}

export function criminalRecord(fin: string): CriminalRecord | undefined {
  const f = personFacts(fin);
  if (!f) return undefined;
  const r = rngFor('criminal', fin);
  const cases: CriminalCase[] = [];
  const convictions: Conviction[] = [];
  const articles = ['177.2.3', '178.3.2', '186.1', '221.3', '234.1', '206.3.2', '308.1'];
  if (f.traits.openCriminalCase) {
    const openedOn = dateIn(r, 2025, 2025);
    cases.push({ caseNumber: `${r.int(100, 999)}${r.digits(6)}`, articles: [r.pick(articles)], openedOn, role: 'accused', status: r.chance(0.5) || f.traits.detained ? 'in-court' : 'investigation' });
  }
  if (f.traits.convicted) {
    const decisionDate = dateIn(r, 2010, 2022);
    const years = r.int(1, 6);
    const prison = r.chance(0.5);
    convictions.push({
      court: r.pick(CRIMINAL_COURTS), caseNumber: `1(${r.int(101, 130)})-${r.int(10, 999)}/${decisionDate.slice(0, 4)}`, decisionDate,
      articles: [r.pick(articles)], sentence: prison ? `${years} il azadlıqdan məhrum etmə` : `${r.int(1000, 5000)} manat cərimə`,
      // A term ends `years` after the decision (detention() keeps the same dates); a fine is paid.
      served: !prison || addYears(decisionDate, years) < REFERENCE_DATE,
      // Criminal Code art. 83: a fine is spent a year after it is paid; a prison term some years after release.
      spentOn: !prison ? addYears(decisionDate, 1) : Number(decisionDate.slice(0, 4)) + years + 3 <= 2025 ? addYears(decisionDate, years + 3) : null,
    });
  }
  const fines: UnpaidFine[] = [];
  for (let i = 0; i < f.traits.unpaidFines; i++) {
    fines.push({ protocolNumber: `YP${r.digits(9)}`, article: r.pick(['328.1', '329', '333', '342.1', '346.1']), issuedOn: dateIn(r, 2024), amount: { amount: r.pick([20, 40, 60, 100, 200]), currency: 'AZN' } });
  }
  // Someone held by the penitentiary service is not sought.
  const wanted = f.traits.wanted && !f.traits.detained
    ? { wanted: true, since: dateIn(r, 2024), authority: 'Daxili İşlər Nazirliyi', kind: r.chance(0.2) ? ('interstate' as const) : ('national' as const) }
    : { wanted: false, since: null, authority: null, kind: null };
  // A person is sought because they hide from a prosecution: the case against them is suspended
  // until they are found (Code of Criminal Procedure, suspension of the preliminary investigation).
  if (wanted.since && !cases.some((c) => c.status === 'investigation' || c.status === 'in-court')) {
    cases.push({ caseNumber: `${r.int(100, 999)}${r.digits(6)}`, articles: [r.pick(articles)], openedOn: addDays(wanted.since, -r.int(20, 200)), role: 'accused', status: 'suspended' });
  }
  return {
    subject: { fin }, wanted, criminalCases: cases, convictions, unpaidFines: fines,
    unpaidFinesTotal: { amount: money(fines.reduce((s, x) => s + x.amount.amount, 0)), currency: 'AZN' },
  };
}

export function detention(fin: string): DetentionStatus | undefined {
  const f = personFacts(fin);
  if (!f || !(f.traits.detained || f.traits.convicted)) return undefined;
  const record = criminalRecord(fin);
  const r = rngFor('detention', fin);
  const history: DetentionRecord[] = [];
  let current: DetentionRecord | null = null;
  const conviction = record?.convictions[0];
  if (conviction && conviction.sentence.includes('azadlıqdan')) {
    const years = Number(conviction.sentence.split(' ')[0]);
    const until = addYears(conviction.decisionDate, years);
    const rec: DetentionRecord = { kind: 'sentence', status: until < REFERENCE_DATE ? 'released' : 'serving-sentence', facility: r.pick(PRISONS), since: conviction.decisionDate, until, basis: { court: conviction.court, caseNumber: conviction.caseNumber, decisionDate: conviction.decisionDate } };
    if (rec.status === 'released') history.push(rec); else current = rec;
  }
  const open = record?.criminalCases.find((c) => c.status === 'in-court' || c.status === 'investigation');
  if (f.traits.detained && open && !current) {
    const since = addDays(open.openedOn, r.int(1, 10));
    // Code of Criminal Procedure art. 159: the court extends the detention while the case goes on,
    // so a current detention always ends after the reference date.
    let until = addDays(since, 120);
    while (until <= REFERENCE_DATE) until = addDays(until, 90);
    // The detainee is held in an investigation isolator of the ordering court's city.
    const court = r.pick(CRIMINAL_COURTS);
    const local = REMAND_CENTRES.filter((x) => x.startsWith(court.split(' ')[0]));
    const facility = r.pick(local.length > 0 ? local : REMAND_CENTRES.filter((x) => !x.startsWith('Gəncə')));
    current = { kind: 'pre-trial-detention', status: 'pre-trial-detention', facility, since, until, basis: { court, caseNumber: open.caseNumber, decisionDate: since } };
  }
  if (!current && history.length === 0) return undefined;
  return { subject: { fin }, current, history };
}

/** A FIN the world will also have (e.g. a company's founder); exported for tests. */
export { makeFin };
