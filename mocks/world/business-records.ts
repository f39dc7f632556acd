/**
 * Records about businesses: the taxpayer register (11.2.1), tax audits (11.2.2), inspections
 * (11.2.25), pledges held (11.2.15) and securities (11.2.19). A person is a business here only
 * through his registration as an individual entrepreneur (subjects.ts).
 */
import { rngFor } from '../population-data/prng';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES_OV_EV, surnameFor } from '../population-data/names';
import type { Taxpayer, TaxpayerRecord, TaxAudit, TaxAudits } from '../../contracts/registries/tax/model';
import type { Inspection, Inspections } from '../../contracts/registries/inspections/model';
import type { Collateral, CollateralItem } from '../../contracts/registries/collateral/model';
import type { Securities } from '../../contracts/registries/securities/model';
import type { Subject } from '../../contracts/registries/common-model';
import { assets } from './assets';
import { addDays, dateIn, money } from './dates';
import { isActive, measuresInForce } from './enforcement';
import { cadastral } from './ids';
import { companyFacts, factsOf, personFacts, type CompanyFacts } from './subjects';
import { ACTIVITIES, INSPECTION_AREAS, INSPECTION_AUTHORITIES, TAX_OFFICES } from './vocab';

/** The business a subject stands for: a company by VÖEN, or a person's entrepreneur registration. */
function businessOf(s: Subject): CompanyFacts | undefined {
  if ('voen' in s) return companyFacts(s.voen);
  const v = personFacts(s.fin)?.entrepreneurVoen;
  return v ? companyFacts(v) : undefined;
}

function taxpayer(c: CompanyFacts): Taxpayer {
  const r = rngFor('taxpayer', c.voen);
  const liquidated = c.status === 'liquidated';
  return {
    voen: c.voen,
    kind: c.taxpayerKind,
    name: c.name,
    legalForm: c.legalForm,
    registeredOn: c.registeredOn,
    status: liquidated ? 'liquidated' : r.chance(0.04) ? 'suspended' : 'active',
    liquidatedOn: liquidated ? addDays(c.registeredOn, r.int(400, 3000)) : null,
    legalAddress: c.address,
    activity: c.voen === '1401234561' ? ACTIVITIES[0] : r.pick(ACTIVITIES),
    vatPayer: c.taxpayerKind === 'legal-entity' ? r.chance(0.7) : r.chance(0.2),
    taxOffice: r.pick(TAX_OFFICES),
    director: c.director,
    founders: c.founders,
    authorizedCapital: c.taxpayerKind === 'legal-entity' ? { amount: r.pick([100, 1000, 5000, 50_000, 250_000]), currency: 'AZN' } : null,
  };
}

export function taxpayerRecord(s: Subject): TaxpayerRecord | undefined {
  const b = businessOf(s);
  return b ? { subject: s, taxpayers: [taxpayer(b)] } : undefined;
}

export function taxAudits(s: Subject): TaxAudits | undefined {
  const b = businessOf(s);
  if (!b) return undefined;
  const r = rngFor('tax-audits', b.voen);
  const audits: TaxAudit[] = [];
  for (let i = 0; i < b.traits.taxAudits; i++) {
    const year = r.int(Math.max(2019, Number(b.registeredOn.slice(0, 4)) + 1), 2025);
    const startedOn = `${year}-${String(r.int(1, 10)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
    const done = year < 2025 || r.chance(0.6);
    const violations = done && r.chance(0.55);
    const tax = violations ? money(r.int(500, b.taxpayerKind === 'legal-entity' ? 180_000 : 12_000)) : 0;
    audits.push({
      auditNumber: `VY-${year}-${r.digits(6)}`,
      kind: r.pick(['on-site', 'desk', 'thematic'] as const),
      period: { from: `${year - 3}-01-01`, to: `${year - 1}-12-31` },
      startedOn,
      completedOn: done ? addDays(startedOn, r.int(20, 90)) : null,
      result: !done ? 'in-progress' : violations ? 'violations-found' : 'no-violations',
      assessed: violations ? { tax: { amount: tax, currency: 'AZN' }, penalty: { amount: money(tax * 0.5), currency: 'AZN' }, interest: { amount: money(tax * 0.1 * r.next()), currency: 'AZN' } } : null,
      paid: violations ? { amount: money(tax * (r.chance(0.5) ? 1 : r.next())), currency: 'AZN' } : null,
      appealed: violations && r.chance(0.3),
    });
  }
  return { subject: s, voen: b.voen, audits };
}

/**
 * What an inspection rested on, found and imposed. Drawn from the inspection's own seed, so the
 * inspections themselves stay as they were. The law on inspections in entrepreneurship is the basis
 * of every inspection (this synthetic world cites one article for planned inspections, another for
 * unplanned ones, with the body's order); a fine is the one already in the record.
 */
function inspectionDetails(number: string, authority: string, kind: Inspection['kind'], fines: Inspection['fines']): Pick<Inspection, 'legalBasis' | 'findings' | 'sanctions'> {
  const r = rngFor('inspection-details', number);
  const area = INSPECTION_AREAS[INSPECTION_AUTHORITIES.indexOf(authority as (typeof INSPECTION_AUTHORITIES)[number])] ?? INSPECTION_AREAS[0];
  const legalBasis = `"Sahibkarlıq sahəsində aparılan yoxlamaların tənzimlənməsi və sahibkarların maraqlarının müdafiəsi haqqında" Qanun, maddə ${kind === 'planned' ? '13' : '14'}; əmr № ${r.int(10, 999)}-${kind === 'planned' ? 'P' : 'Q'}`;
  if (!fines) return { legalBasis, findings: [], sanctions: [] };
  const findings = [r.pick(area.findings)];
  const sanctions: Inspection['sanctions'] = [{ kind: 'fine', amount: fines, article: `İnzibati Xətalar Məcəlləsi, maddə ${area.article}`, executed: r.chance(0.6) }];
  if (r.chance(0.5)) sanctions.push({ kind: 'order-to-remedy', amount: null, article: `İnzibati Xətalar Məcəlləsi, maddə ${area.article}`, executed: r.chance(0.5) });
  return { legalBasis, findings, sanctions };
}

export function inspections(s: Subject): Inspections | undefined {
  const b = businessOf(s);
  if (!b) return undefined;
  const r = rngFor('inspections', b.voen);
  const list: Inspection[] = [];
  for (let i = 0; i < b.traits.inspections; i++) {
    const startedOn = dateIn(r, Math.max(2020, Number(b.registeredOn.slice(0, 4)) + 1));
    const done = startedOn < '2025-11-01' || r.chance(0.5);
    const violations = done && r.chance(0.45);
    const inspectionNumber = `YR-${startedOn.slice(0, 4)}-${r.digits(7)}`;
    const authority = r.pick(INSPECTION_AUTHORITIES);
    const kind = r.chance(0.7) ? 'planned' as const : 'unplanned' as const;
    const endedOn = done ? addDays(startedOn, r.int(1, 20)) : null;
    const fines = violations ? { amount: r.pick([500, 1000, 2500, 5000, 10_000]), currency: 'AZN' as const } : null;
    list.push({
      inspectionNumber, authority, kind, startedOn, endedOn,
      result: !done ? 'in-progress' : violations ? 'violations-found' : 'no-violations',
      fines,
      ...inspectionDetails(inspectionNumber, authority, kind, fines),
    });
  }
  return { subject: s, business: { voen: b.voen, name: b.name }, inspections: list };
}

/** Things pledged to the subject (as mortgagee or pledgee) by others. */
export function collateral(s: Subject): Collateral | undefined {
  const f = factsOf(s);
  if (!f || !f.traits.collateralHolder) return undefined;
  const r = rngFor('collateral', 'fin' in s ? s.fin : s.voen);
  const items: CollateralItem[] = [];
  const n = r.int(1, 3);
  for (let i = 0; i < n; i++) {
    const movable = r.chance(0.6);
    const g = r.chance(0.5) ? 'M' : 'F';
    const pledgor = `${surnameFor(r.pick(SURNAMES_OV_EV), g)} ${g === 'M' ? r.pick(MALE_NAMES) : r.pick(FEMALE_NAMES)}`;
    items.push({
      registrationNumber: `GR-${r.int(2018, 2025)}-${r.digits(6)}`,
      kind: movable ? 'movable' : 'immovable',
      description: movable ? r.pick(['Toyota Camry avtomobili, 2019', 'Anbar avadanlığı', 'Kənd təsərrüfatı texnikası (traktor MTZ-82)', 'Qızıl zinət əşyaları']) : `Torpaq sahəsi, kadastr nömrəsi ${cadastral(r)}`,
      pledgor: { name: pledgor },
      securedAmount: { amount: money(r.int(2000, 90_000)), currency: 'AZN' },
      registeredOn: dateIn(r, 2018),
      status: r.chance(0.8) ? 'active' : 'released',
    });
  }
  return { subject: s, items };
}

export function securities(s: Subject): Securities | undefined {
  const a = assets(s);
  if (!a || !a.securitiesAccount || a.securities.length === 0) return undefined;
  const arrests = measuresInForce(s).filter((m) => m.measure.kind === 'account-arrest');
  return {
    subject: s,
    accountNumber: a.securitiesAccount,
    holdings: a.securities.map((h, i) => ({
      isin: h.isin,
      issuer: h.issuer,
      kind: h.kind,
      quantity: h.quantity,
      nominalValue: { amount: h.nominal, currency: 'AZN' },
      // An arrest on a debtor's assets reaches his first holding too (enforcement lists it as such).
      encumbrances: i === 0 ? arrests.map((m) => ({
        type: 'arrest' as const, holder: { name: m.proceeding.office },
        basis: { kind: 'enforcement-order' as const, number: m.proceeding.proceedingNumber, date: m.measure.appliedOn, issuer: m.proceeding.office },
        registeredOn: m.measure.appliedOn, until: isActive(m.proceeding) ? null : m.proceeding.closedOn,
      })) : [],
    })),
  };
}
