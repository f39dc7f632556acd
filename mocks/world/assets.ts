/**
 * What a subject owns, before any restriction: real estate, vehicles, bank accounts, securities.
 * Restrictions (mortgages, pledges, arrests) are derived in restrictions.ts from loans and
 * enforcement, so every register shows the same arrest on the same thing.
 */
import { rngFor } from '../population-data/prng';
import { WEIGHTED_CITIES } from '../population-data/places';
import type { PropertyKind, RightType } from '../../contracts/registries/property/model';
import type { Currency } from '../../contracts/registries/common-model';
import { homeBanksFor, type BankEntry } from './banks';
import { dateIn, money } from './dates';
import { cadastral, iban, plate, vin, voen as makeVoen } from './ids';
import { memo } from './memo';
import { factsOf, subjectKey, type Facts, type Subject } from './subjects';
import { COLOURS, PLATE_REGIONS, VEHICLE_MODELS } from './vocab';

export interface PropertyAsset {
  registryNumber: string;
  cadastralNumber: string;
  kind: PropertyKind;
  address: string;
  areaSqm: number;
  rightType: RightType;
  share: string;
  registeredOn: string;
  acquisition: 'sale' | 'inheritance' | 'gift' | 'privatisation' | 'construction';
  basisDocument: string;
}

export interface VehicleAsset {
  plate: string;
  vin: string;
  make: string;
  model: string;
  year: number;
  colour: string;
  kind: 'car' | 'truck' | 'bus' | 'motorcycle' | 'trailer';
  registeredOn: string;
  acquisition: 'sale' | 'new';
}

export interface AccountAsset {
  bank: BankEntry;
  iban: string;
  kind: 'current' | 'deposit' | 'card';
  currency: Currency;
  balance: number;
  openedOn: string;
  closed: boolean;
}

export interface SecurityAsset {
  isin: string;
  issuer: { name: string; voen: string };
  kind: 'share' | 'bond';
  quantity: number;
  nominal: number;
}

export interface Assets {
  properties: PropertyAsset[];
  vehicles: VehicleAsset[];
  accounts: AccountAsset[];
  securities: SecurityAsset[];
  securitiesAccount: string | null;
}

const BASIS_DOC: Record<PropertyAsset['acquisition'], string> = {
  sale: 'Alqı-satqı müqaviləsi', inheritance: 'Vərəsəlik hüququ haqqında şəhadətnamə', gift: 'Bağışlama müqaviləsi',
  privatisation: 'Mənzilin özəlləşdirilməsi haqqında qərar', construction: 'İstismara qəbul aktı',
};

function properties(f: Facts): PropertyAsset[] {
  const r = rngFor('property', subjectKey(f.subject));
  const out: PropertyAsset[] = [];
  const earliest = f.kind === 'person' ? Math.max(1995, Number(f.person.birthDate.slice(0, 4)) + 18) : Number(f.registeredOn.slice(0, 4));
  for (let i = 0; i < f.traits.properties; i++) {
    const kind: PropertyKind = f.kind === 'company' ? (r.chance(0.7) ? 'non-residential' : 'land') : i === 0 ? (r.chance(0.85) ? 'apartment' : 'house') : r.pick(['land', 'house', 'apartment', 'non-residential'] as const);
    const place = r.pick(WEIGHTED_CITIES);
    const address = i === 0 && f.kind === 'person' && kind !== 'land' ? f.address : `${place.city}, ${r.pick(place.districts)} r., ${r.pick(place.streets)} ${r.int(1, 200)}${kind === 'apartment' ? `, mənzil ${r.int(1, 150)}` : ''}`;
    // A mortgaged home was bought (credit.ts puts the mortgage on the first property).
    const financed = i === 0 && (f.traits.mortgage || f.traits.preferentialMortgage);
    const acquisition = financed ? 'sale' : f.kind === 'company' ? (r.chance(0.6) ? 'sale' : 'construction') : r.pick(['sale', 'sale', 'sale', 'inheritance', 'gift', 'privatisation'] as const);
    const joint = f.kind === 'person' && f.person.civilStatus === 'married' && r.chance(0.4);
    out.push({
      registryNumber: `${r.int(10, 99)}${r.digits(8)}`,
      cadastralNumber: cadastral(r),
      kind,
      address,
      areaSqm: kind === 'land' ? r.int(300, 5000) : kind === 'non-residential' ? r.int(80, 2500) : kind === 'house' ? r.int(90, 320) : r.int(38, 160),
      rightType: joint ? 'joint-ownership' : f.kind === 'company' && r.chance(0.2) ? 'use' : 'ownership',
      share: joint ? '1/2' : '1/1',
      registeredOn: dateIn(r, earliest),
      acquisition,
      basisDocument: BASIS_DOC[acquisition],
    });
  }
  return out;
}

function vehicles(f: Facts): VehicleAsset[] {
  const r = rngFor('vehicles', subjectKey(f.subject));
  const regions = PLATE_REGIONS[f.city] ?? PLATE_REGIONS['Bakı'];
  const out: VehicleAsset[] = [];
  for (let i = 0; i < f.traits.vehicles; i++) {
    const candidates = VEHICLE_MODELS.filter((m) => (f.kind === 'company' ? m.kind !== 'motorcycle' : m.kind === 'car' || m.kind === 'motorcycle'));
    const m = r.pick(candidates);
    const year = r.int(2005, 2025);
    out.push({
      plate: plate(r, r.pick(regions)),
      vin: vin(r),
      make: m.make,
      model: m.model,
      year,
      colour: r.pick(COLOURS),
      kind: m.kind,
      registeredOn: dateIn(r, Math.max(year, f.kind === 'person' ? Number(f.person.birthDate.slice(0, 4)) + 18 : 1995)),
      acquisition: r.chance(0.5) ? 'sale' : 'new',
    });
  }
  return out;
}

function accounts(f: Facts): AccountAsset[] {
  const r = rngFor('accounts', subjectKey(f.subject));
  const out: AccountAsset[] = [];
  const earliest = f.kind === 'person' ? Math.max(2000, Number(f.person.birthDate.slice(0, 4)) + 16) : Number(f.registeredOn.slice(0, 4));
  for (const bank of homeBanksFor(r, f.traits.banks)) {
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      const kind = i === 0 ? (f.kind === 'company' ? 'current' : r.pick(['card', 'current'] as const)) : r.pick(['deposit', 'card', 'current'] as const);
      const currency: Currency = r.chance(0.75) ? 'AZN' : r.chance(0.8) ? 'USD' : 'EUR';
      const scale = f.kind === 'company' ? 250_000 : kind === 'deposit' ? 30_000 : 4_000;
      out.push({
        bank,
        iban: iban(bank.code, `${currency === 'AZN' ? '3801' : '3802'}${r.digits(16)}`),
        kind,
        currency,
        balance: money(r.next() * r.next() * scale),
        openedOn: dateIn(r, earliest),
        closed: i > 0 && r.chance(0.1),
      });
    }
  }
  return out;
}

function securities(f: Facts): Pick<Assets, 'securities' | 'securitiesAccount'> {
  if (!f.traits.securities) return { securities: [], securitiesAccount: null };
  const r = rngFor('securities', subjectKey(f.subject));
  const holdings: SecurityAsset[] = [];
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) {
    let issuerVoen = makeVoen(r, 1);
    let issuer = factsOf({ voen: issuerVoen });
    const kind = r.chance(0.7) ? 'share' : 'bond';
    // Shares are issued by joint-stock companies only (ASC, QSC); bonds by any company.
    const jointStock = () => issuer?.kind === 'company' && (issuer.legalForm === 'ASC' || issuer.legalForm === 'QSC');
    for (let tries = 0; kind === 'share' && !jointStock() && tries < 50; tries++) {
      issuerVoen = makeVoen(r, 1);
      issuer = factsOf({ voen: issuerVoen });
    }
    holdings.push({
      isin: `AZ${r.int(1, 9)}${r.digits(8)}${r.int(0, 9)}`,
      issuer: { name: issuer?.name ?? issuerVoen, voen: issuerVoen },
      kind,
      quantity: kind === 'share' ? r.int(10, 5000) : r.int(1, 200),
      nominal: kind === 'share' ? r.pick([1, 5, 10, 100]) : 1000,
    });
  }
  return { securities: holdings, securitiesAccount: `MDM-${r.digits(8)}` };
}

export const assetsOf = memo((key: string): Assets | undefined => {
  const s: Subject = key.startsWith('fin:') ? { fin: key.slice(4) } : { voen: key.slice(5) };
  const f = factsOf(s);
  if (!f) return undefined;
  return { properties: properties(f), vehicles: vehicles(f), accounts: accounts(f), ...securities(f) };
});

export function assets(s: Subject): Assets | undefined {
  return assetsOf(subjectKey(s));
}
