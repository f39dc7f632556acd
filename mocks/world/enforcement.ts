/**
 * Enforcement proceedings (statute 11.2.23, "Elektron icra"): the subject as debtor or creditor,
 * with the measures applied to the debtor's own assets (assets.ts), so the property register, the
 * road police, the banks and the migration service show the same arrests and bans.
 */
import { rngFor } from '../population-data/prng';
import { MALE_NAMES, SURNAMES_OV_EV, patronymicFor } from '../population-data/names';
import type { EnforcementMeasure, ProceedingStatus } from '../../contracts/registries/enforcement/model';
import type { PartyRef } from '../../contracts/registries/common-model';
import { assets } from './assets';
import { addDays, dateIn, money } from './dates';
import { DEMO_PROCEEDINGS } from './demo-traits';
import { memo } from './memo';
import { factsOf, subjectKey, type Subject } from './subjects';
import { COURTS, ENFORCEMENT_OFFICES } from './vocab';

export interface Proceeding {
  proceedingNumber: string;
  decision: { court: string; caseNumber: string; decisionDate: string; decisionId: string | null };
  role: 'debtor' | 'creditor';
  otherParty: PartyRef;
  claim: number;
  recovered: number;
  status: ProceedingStatus;
  openedOn: string;
  closedOn: string | null;
  office: string;
  measures: EnforcementMeasure[];
}

/** Active proceedings keep their measures in force; completed ones lifted them on closing. */
export function isActive(p: Proceeding): boolean {
  return p.status === 'opened' || p.status === 'in-progress' || p.status === 'suspended';
}

function parseKey(key: string): Subject {
  return key.startsWith('fin:') ? { fin: key.slice(4) } : { voen: key.slice(5) };
}

function measuresFor(debtorKey: string, kinds: readonly EnforcementMeasure['kind'][], openedOn: string): EnforcementMeasure[] {
  const a = assets(parseKey(debtorKey));
  const f = factsOf(parseKey(debtorKey));
  const out: EnforcementMeasure[] = [];
  let day = 7;
  for (const kind of kinds) {
    let target: string | null = null;
    if (kind === 'account-arrest') target = a?.accounts.find((x) => !x.closed)?.iban ?? null;
    else if (kind === 'property-arrest') target = a?.properties[0]?.cadastralNumber ?? null;
    else if (kind === 'vehicle-arrest') target = a?.vehicles[0]?.plate ?? null;
    else if (kind === 'travel-ban' && f?.kind !== 'person') continue;
    else if (kind === 'salary-deduction' && !(f?.kind === 'person' && f.traits.employed)) continue;
    if (target === null && (kind === 'account-arrest' || kind === 'property-arrest' || kind === 'vehicle-arrest')) continue;
    out.push({ kind, appliedOn: addDays(openedOn, day), target });
    day += 5;
  }
  return out;
}

function nameOf(key: string): PartyRef {
  const f = factsOf(parseKey(key));
  if (!f) return { name: key };
  return f.kind === 'person' ? { name: f.name, fin: f.fin } : { name: f.name, voen: f.voen };
}

function generated(key: string): Proceeding[] {
  const f = factsOf(parseKey(key));
  if (!f) return [];
  const r = rngFor('enforcement', key);
  const out: Proceeding[] = [];
  const total = f.traits.debtorProceedings + f.traits.creditorProceedings;
  for (let i = 0; i < total; i++) {
    const role = i < f.traits.debtorProceedings ? 'debtor' : 'creditor';
    const decisionDate = dateIn(r, 2019);
    const openedOn = addDays(decisionDate, r.int(20, 90));
    const s = r.next();
    const status: ProceedingStatus = s < 0.2 ? 'opened' : s < 0.7 ? 'in-progress' : s < 0.75 ? 'suspended' : s < 0.95 ? 'completed' : 'returned';
    const claim = money(r.int(300, f.kind === 'company' ? 400_000 : 25_000) + r.int(0, 99) / 100);
    const recovered = status === 'completed' ? claim : status === 'opened' ? 0 : money(claim * r.next() * 0.8);
    const gender = 'M';
    const other: PartyRef = r.chance(0.5)
      ? { name: `${r.pick(SURNAMES_OV_EV)} ${r.pick(MALE_NAMES)} ${patronymicFor(r.pick(MALE_NAMES), gender)}` }
      : { name: `"${r.pick(['Abşeron', 'Kür', 'Araz', 'Ulduz'])} Servis" MMC` };
    const kinds: EnforcementMeasure['kind'][] = role === 'debtor'
      ? (['account-arrest', 'property-arrest', 'vehicle-arrest', 'travel-ban', 'salary-deduction'] as const).filter(() => r.chance(0.6))
      : [];
    const closedOn = status === 'completed' || status === 'returned' ? addDays(openedOn, r.int(60, 400)) : null;
    out.push({
      proceedingNumber: `İC-${openedOn.slice(0, 4)}-${r.digits(6)}`,
      decision: { court: r.pick(COURTS), caseNumber: `2(${r.int(101, 130)})-${r.int(100, 9999)}/${decisionDate.slice(0, 4)}`, decisionDate, decisionId: null },
      role,
      otherParty: other,
      claim,
      recovered,
      status,
      openedOn,
      closedOn: closedOn && closedOn < '2026-01-01' ? closedOn : null,
      office: r.pick(ENFORCEMENT_OFFICES),
      measures: role === 'debtor' ? measuresFor(key, kinds, openedOn) : [],
    });
  }
  return out;
}

function demo(key: string): Proceeding[] {
  return DEMO_PROCEEDINGS.filter((p) => p.debtor === key || p.creditor === key).map((p) => {
    const role = p.debtor === key ? 'debtor' : 'creditor';
    return {
      proceedingNumber: p.proceedingNumber,
      decision: { ...p.decision },
      role,
      otherParty: nameOf(role === 'debtor' ? p.creditor : p.debtor),
      claim: p.claim,
      recovered: p.recovered,
      status: p.status,
      openedOn: p.openedOn,
      closedOn: null,
      office: p.office,
      measures: measuresFor(p.debtor, p.measures, p.openedOn),
    };
  });
}

const proceedingsByKey = memo((key: string): Proceeding[] => [...demo(key), ...generated(key)]);

/** Every proceeding of the subject (debtor and creditor), in a stable order. */
export function proceedings(s: Subject): Proceeding[] {
  return proceedingsByKey(subjectKey(s));
}

/** Measures in force on the subject's assets: from active proceedings where it is the debtor. */
export function measuresInForce(s: Subject): { proceeding: Proceeding; measure: EnforcementMeasure }[] {
  return proceedings(s)
    .filter((p) => p.role === 'debtor')
    .flatMap((p) => p.measures.map((measure) => ({ proceeding: p, measure })));
}
