/**
 * Restrictions derived from loans and enforcement, one source for every register that shows them:
 * the property register's encumbrances (11.2.6), the road police's vehicle encumbrances (11.2.8),
 * arrests on bank accounts (11.2.13), on securities (11.2.19) and travel bans (11.2.11).
 */
import { rngFor } from '../population-data/prng';
import type { Encumbrance, PartyRef } from '../../contracts/registries/common-model';
import type { TravelBan } from '../../contracts/registries/migration/model';
import { loans } from './credit';
import { addDays } from './dates';
import { isActive, measuresInForce, type Proceeding } from './enforcement';
import { factsOf, subjectKey, type Subject } from './subjects';

function arrest(p: Proceeding, appliedOn: string, type: Encumbrance['type'] = 'arrest'): Encumbrance {
  const holder: PartyRef = { name: p.office };
  return {
    type,
    holder,
    basis: { kind: 'enforcement-order', number: p.proceedingNumber, date: appliedOn, issuer: p.office },
    registeredOn: appliedOn,
    until: isActive(p) ? null : p.closedOn ?? addDays(appliedOn, 180),
  };
}

function arrestsOn(s: Subject, kind: 'account-arrest' | 'property-arrest' | 'vehicle-arrest', target: string): Encumbrance[] {
  return measuresInForce(s).filter((m) => m.measure.kind === kind && m.measure.target === target).map((m) => arrest(m.proceeding, m.measure.appliedOn));
}

/** Mortgage and arrests on one property of the subject. */
export function propertyEncumbrances(s: Subject, cadastralNumber: string, kind: string): Encumbrance[] {
  const out: Encumbrance[] = [];
  for (const l of loans(s)) {
    if (l.collateralCadastralNumber !== cadastralNumber || l.closedOn) continue;
    out.push({
      type: 'mortgage',
      holder: { name: l.lender.name.az },
      basis: { kind: 'mortgage-contract', number: l.contractNumber, date: l.openedOn, issuer: l.lender.name.az },
      registeredOn: addDays(l.openedOn, 3),
      until: null,
    });
  }
  // A business's non-residential premises may be leased out.
  const f = factsOf(s);
  if (f?.kind === 'company' && kind === 'non-residential') {
    const r = rngFor('lease', `${subjectKey(s)}:${cadastralNumber}`);
    if (r.chance(0.3)) {
      const since = `${r.int(2020, 2025)}-0${r.int(1, 9)}-1${r.int(0, 9)}`;
      out.push({ type: 'lease', holder: { name: `"${r.pick(['Günəş', 'Mavi', 'Kür'])} Ticarət" MMC` }, basis: { kind: 'lease-contract', number: `İC-${r.digits(6)}`, date: since, issuer: 'Daşınmaz Əmlakın Dövlət Reyestri' }, registeredOn: since, until: `${Number(since.slice(0, 4)) + 5}${since.slice(4)}` });
    }
  }
  return [...out, ...arrestsOn(s, 'property-arrest', cadastralNumber)];
}

export function vehicleEncumbrances(s: Subject, plate: string): Encumbrance[] {
  const out: Encumbrance[] = [];
  for (const l of loans(s)) {
    if (l.collateralPlate !== plate || l.closedOn) continue;
    out.push({
      type: 'pledge',
      holder: { name: l.lender.name.az },
      basis: { kind: 'pledge-contract', number: l.contractNumber, date: l.openedOn, issuer: l.lender.name.az },
      registeredOn: addDays(l.openedOn, 2),
      until: null,
    });
  }
  return [...out, ...arrestsOn(s, 'vehicle-arrest', plate)];
}

export function accountArrests(s: Subject, iban: string): Encumbrance[] {
  return arrestsOn(s, 'account-arrest', iban);
}

/** Travel bans: from enforcement (a debtor barred from leaving, 11.2.11) and from investigators. */
export function travelBans(s: Subject): TravelBan[] {
  const f = factsOf(s);
  if (f?.kind !== 'person') return [];
  const out: TravelBan[] = measuresInForce(s)
    .filter((m) => m.measure.kind === 'travel-ban')
    .map((m) => ({
      banNumber: `SQ-${m.measure.appliedOn.slice(0, 4)}-${m.proceeding.proceedingNumber.slice(-6)}`,
      basis: { kind: 'enforcement-proceeding' as const, number: m.proceeding.proceedingNumber, date: m.measure.appliedOn, issuer: m.proceeding.office },
      since: m.measure.appliedOn,
      until: isActive(m.proceeding) ? null : m.proceeding.closedOn,
      status: isActive(m.proceeding) ? ('active' as const) : ('lifted' as const),
    }));
  if (f.traits.openCriminalCase && !f.traits.detained) {
    const r = rngFor('ban-criminal', f.fin);
    if (r.chance(0.5)) {
      const since = `2025-${String(r.int(1, 11)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
      out.push({ banNumber: `SQ-2025-${r.digits(6)}`, basis: { kind: 'investigator-order', number: `${r.int(100, 999)}${r.digits(6)}`, date: since, issuer: 'Daxili İşlər Nazirliyinin Baş İstintaq İdarəsi' }, since, until: null, status: 'active' });
    }
  }
  return out;
}

/** The date from which the person may not leave the country, when a ban is in force. */
export function barredSince(s: Subject): string | null {
  const active = travelBans(s).filter((b) => b.status === 'active').map((b) => b.since).sort();
  return active[0] ?? null;
}
