/**
 * The registers of things and money: real estate (11.2.5, 11.2.6), vehicles (11.2.8), the mortgage
 * fund (11.2.12), one bank (11.2.13), the credit registry (11.2.14), one utility (11.2.17),
 * compulsory insurance (11.2.20), notarial acts (11.2.26) and enforcement (11.2.23). Each answers
 * undefined ("not found") when it holds nothing about the subject.
 */
import { rngFor } from '../population-data/prng';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES_OV_EV, surnameFor } from '../population-data/names';
import type { Subject } from '../../contracts/registries/common-model';
import type { RealEstateEncumbrances, RealEstateRights } from '../../contracts/registries/property/model';
import type { Vehicles } from '../../contracts/registries/road-police/model';
import type { MortgageLoans } from '../../contracts/registries/mortgage-fund/model';
import type { BankAccounts } from '../../contracts/registries/banks/model';
import type { CreditObligation, CreditReport, GuaranteedObligation } from '../../contracts/registries/credit-registry/model';
import type { UtilityAccounts, UtilitySubscription } from '../../contracts/registries/utilities/model';
import type { InsuranceContract, InsuranceContracts } from '../../contracts/registries/insurance/model';
import type { NotarialAct, NotarialActs } from '../../contracts/registries/notary/model';
import type { EnforcementStatus } from '../../contracts/registries/enforcement/model';
import { assets } from './assets';
import { bankById, UTILITIES, type UtilityId } from './banks';
import { loans, type Loan } from './credit';
import { addDays, addYears, dateIn, money, REFERENCE_DATE } from './dates';
import { proceedings } from './enforcement';
import { accountArrests, propertyEncumbrances, vehicleEncumbrances } from './restrictions';
import { factsOf, subjectKey } from './subjects';
import { INSURERS, NOTARY_OFFICES } from './vocab';

export function realEstateRights(s: Subject): RealEstateRights | undefined {
  const a = assets(s);
  if (!a || a.properties.length === 0) return undefined;
  return {
    subject: s,
    rights: a.properties.map((p) => ({
      registryNumber: p.registryNumber, cadastralNumber: p.cadastralNumber, kind: p.kind, address: p.address, areaSqm: p.areaSqm,
      rightType: p.rightType, share: p.share, registeredOn: p.registeredOn, basisDocument: p.basisDocument,
    })),
  };
}

/** 11.2.6: an owner whose property carries no restriction gets an empty list, a non-owner "not found". */
export function realEstateEncumbrances(s: Subject): RealEstateEncumbrances | undefined {
  const a = assets(s);
  if (!a || a.properties.length === 0) return undefined;
  return {
    subject: s,
    encumbrances: a.properties.flatMap((p) => propertyEncumbrances(s, p.cadastralNumber, p.kind).map((e) => ({
      registryNumber: p.registryNumber, cadastralNumber: p.cadastralNumber, address: p.address, ...e,
    }))),
  };
}

export function vehicles(s: Subject): Vehicles | undefined {
  const a = assets(s);
  if (!a || a.vehicles.length === 0) return undefined;
  return {
    subject: s,
    vehicles: a.vehicles.map((v) => ({
      plate: v.plate, vin: v.vin, make: v.make, model: v.model, year: v.year, colour: v.colour, kind: v.kind,
      registeredOn: v.registeredOn, encumbrances: vehicleEncumbrances(s, v.plate),
    })),
  };
}

export function mortgageLoans(s: Subject): MortgageLoans | undefined {
  const fund = loans(s).filter((l) => l.viaFund !== null);
  if (fund.length === 0) return undefined;
  return {
    subject: s,
    loans: fund.map((l) => ({
      loanNumber: `İKZF-${l.contractNumber.slice(3)}`,
      kind: l.viaFund as 'mortgage' | 'preferential-mortgage' | 'guaranteed-business-loan',
      bank: { id: l.lender.id, name: l.lender.name.az },
      amount: { amount: l.amount, currency: l.currency },
      outstanding: { amount: l.outstanding, currency: l.currency },
      issuedOn: l.openedOn,
      maturesOn: l.maturesOn,
      status: l.closedOn ? 'closed' : l.overdueDays > 0 ? 'overdue' : 'active',
      overdueDays: l.overdueDays,
      collateralCadastralNumber: l.collateralCadastralNumber,
      guaranteePercent: l.guaranteePercent,
    })),
  };
}

/** One credit institution's answer: the subject's accounts there, or "not found". */
export function bankAccounts(s: Subject, bankId: string): BankAccounts | undefined {
  const bank = bankById(bankId);
  const a = assets(s);
  if (!bank || !a) return undefined;
  const here = a.accounts.filter((x) => x.bank.id === bankId);
  if (here.length === 0) return undefined;
  return {
    subject: s,
    bank: { id: bank.id, name: bank.name.az },
    accounts: here.map((x) => {
      const arrests = accountArrests(s, x.iban);
      return {
        iban: x.iban, kind: x.kind, currency: x.currency, balance: { amount: x.closed ? 0 : x.balance, currency: x.currency },
        openedOn: x.openedOn, status: x.closed ? 'closed' : arrests.some((e) => e.until === null) ? 'blocked' : 'active', arrests,
      };
    }),
  };
}

function obligation(l: Loan): CreditObligation {
  return {
    contractNumber: l.contractNumber, lender: { id: l.lender.id, name: l.lender.name.az }, kind: l.kind,
    amount: { amount: l.amount, currency: l.currency }, outstanding: { amount: l.outstanding, currency: l.currency },
    openedOn: l.openedOn, closedOn: l.closedOn, overdueDays: l.overdueDays, worstOverdueDays: l.worstOverdueDays,
    collateral: l.collateralCadastralNumber ? { kind: 'real-estate', reference: l.collateralCadastralNumber }
      : l.collateralPlate ? { kind: 'vehicle', reference: l.collateralPlate } : null,
  };
}

export function creditReport(s: Subject): CreditReport | undefined {
  const all = loans(s);
  if (all.length === 0) return undefined;
  const own = all.filter((l) => l.borrower === null);
  const active = own.filter((l) => !l.closedOn).map(obligation);
  const guaranteed: GuaranteedObligation[] = all.filter((l) => l.borrower !== null).map((l) => ({ ...obligation(l), borrower: { name: l.borrower as string } }));
  return {
    subject: s,
    active,
    closed: own.filter((l) => l.closedOn).map(obligation),
    guaranteed,
    totalOutstanding: { amount: money(active.reduce((sum, o) => sum + o.outstanding.amount, 0)), currency: 'AZN' },
  };
}

/** One utility's answer: the subject's subscriptions with it (its home, and owned buildings). */
export function utilityAccounts(s: Subject, utilityId: UtilityId): UtilityAccounts | undefined {
  const f = factsOf(s);
  const a = assets(s);
  const u = UTILITIES.find((x) => x.id === utilityId);
  if (!f || !a || !u) return undefined;
  const r = rngFor(`utility-${utilityId}`, subjectKey(s));
  const places = new Set<string>();
  if (f.kind === 'person') places.add(f.address);
  for (const p of a.properties) if (p.kind !== 'land' && p.rightType !== 'use') places.add(p.address);
  // Not every building has piped water or gas.
  const share = utilityId === 'electricity' ? 1 : utilityId === 'water' ? 0.95 : 0.85;
  const subs: UtilitySubscription[] = [];
  // The utility a debtor owes: gas first, then electricity (stable per subject).
  const owed: UtilityId = rngFor('utility-debt', subjectKey(s)).chance(0.6) ? 'gas' : 'electricity';
  let i = 0;
  for (const address of places) {
    if (!r.chance(share)) continue;
    const debt = f.traits.utilityDebt && utilityId === owed && i === 0 ? money(r.int(60, 1800) + r.int(0, 99) / 100) : 0;
    subs.push({
      accountNumber: `${utilityId.slice(0, 2).toUpperCase()}${r.digits(10)}`,
      service: u.service,
      address,
      since: dateIn(r, 2005),
      status: debt > 1000 ? 'disconnected' : 'active',
      debt: { amount: debt, currency: 'AZN' },
      lastPaymentOn: debt > 0 ? addDays(REFERENCE_DATE, -r.int(90, 400)) : addDays(REFERENCE_DATE, -r.int(3, 40)),
    });
    i++;
  }
  if (subs.length === 0) return undefined;
  return { subject: s, utility: { id: u.id, name: u.name.az }, subscriptions: subs };
}

/**
 * Premium, limit of liability and claims of a compulsory policy. Drawn from the policy's own seed,
 * so the policies themselves stay as they were. Limits: the compulsory insurance law's fixed
 * amounts for motor third-party liability; a building's insured value; the employer's payroll band.
 */
function policyTerms(kind: InsuranceContract['kind'], policyNumber: string, startDate: string): Pick<InsuranceContract, 'premium' | 'sumInsured' | 'claims'> {
  const r = rngFor('insurance-terms', policyNumber);
  const azn = (amount: number) => ({ amount: money(amount), currency: 'AZN' as const });
  const sum = kind === 'vehicle-liability' ? 50_000 : kind === 'real-estate' ? r.int(20, 250) * 1000 : kind === 'employer-liability' ? r.int(50, 500) * 1000 : 10_000;
  const premium = kind === 'vehicle-liability' ? r.pick([50, 60, 70, 90, 110]) : kind === 'real-estate' ? Math.max(10, sum * 0.001) : sum * 0.002;
  const claims: InsuranceContract['claims'] = [];
  if (kind === 'vehicle-liability' && r.chance(0.15)) {
    const eventDate = addDays(startDate, r.int(10, 200));
    if (eventDate < REFERENCE_DATE) {
      const status = r.pick(['paid', 'paid', 'under-review', 'rejected'] as const);
      const reported = addDays(eventDate, r.int(0, 5));
      claims.push({ claimNumber: `ZB-${eventDate.slice(0, 4)}-${r.digits(6)}`, eventDate, reportedOn: reported < REFERENCE_DATE ? reported : eventDate, status, paid: status === 'paid' ? azn(r.int(150, 4800)) : null });
    }
  }
  return { premium: azn(premium), sumInsured: azn(sum), claims };
}

export function insuranceContracts(s: Subject): InsuranceContracts | undefined {
  const f = factsOf(s);
  const a = assets(s);
  if (!f || !a) return undefined;
  const r = rngFor('insurance', subjectKey(s));
  const out: InsuranceContract[] = [];
  const policy = (kind: InsuranceContract['kind'], object: string) => {
    const startDate = dateIn(r, 2025, 2025);
    const endDate = addYears(startDate, 1);
    const policyNumber = `${kind === 'vehicle-liability' ? 'NVS' : kind === 'real-estate' ? 'DƏS' : 'İS'}-${r.digits(9)}`;
    const insurer = r.pick(INSURERS);
    const status = r.chance(0.1) ? 'terminated' as const : 'active' as const;
    out.push({ policyNumber, kind, insurer, object, startDate, endDate, status, ...policyTerms(kind, policyNumber, startDate) });
  };
  for (const v of a.vehicles) policy('vehicle-liability', v.plate);
  for (const p of a.properties) if (p.kind !== 'land' && r.chance(f.kind === 'company' ? 0.9 : 0.3)) policy('real-estate', p.cadastralNumber);
  if (f.kind === 'company' && f.taxpayerKind === 'legal-entity') policy('employer-liability', f.name);
  if (out.length === 0) return undefined;
  return { subject: s, contracts: out };
}

export function notarialActs(s: Subject): NotarialActs | undefined {
  const f = factsOf(s);
  const a = assets(s);
  if (!f || !a) return undefined;
  const r = rngFor('notary', subjectKey(s));
  const acts: NotarialAct[] = [];
  const notary = () => {
    const g = r.chance(0.5) ? 'M' : 'F';
    return { name: `${surnameFor(r.pick(SURNAMES_OV_EV), g)} ${g === 'M' ? r.pick(MALE_NAMES) : r.pick(FEMALE_NAMES)}`, office: r.pick(NOTARY_OFFICES) };
  };
  const someone = () => {
    const g = r.chance(0.5) ? 'M' : 'F';
    return `${surnameFor(r.pick(SURNAMES_OV_EV), g)} ${g === 'M' ? r.pick(MALE_NAMES) : r.pick(FEMALE_NAMES)}`;
  };
  const act = (type: NotarialAct['type'], date: string, role: NotarialAct['role'], others: { role: string; name: string }[], object: string | null) =>
    acts.push({ registryNumber: `${date.slice(0, 4)}/${r.digits(6)}`, type, date, notary: notary(), role, otherParties: others, object, status: 'valid' });
  for (const p of a.properties) {
    const date = addDays(p.registeredOn, -r.int(3, 20));
    if (p.acquisition === 'sale') act('sale-contract', date, 'buyer', [{ role: 'seller', name: someone() }], p.cadastralNumber);
    else if (p.acquisition === 'inheritance') act('inheritance-certificate', date, 'heir', [{ role: 'testator', name: someone() }], p.cadastralNumber);
    else if (p.acquisition === 'gift') act('gift-contract', date, 'donee', [{ role: 'donor', name: someone() }], p.cadastralNumber);
  }
  for (const v of a.vehicles) if (v.acquisition === 'sale') act('sale-contract', addDays(v.registeredOn, -2), 'buyer', [{ role: 'seller', name: someone() }], v.plate);
  for (const l of loans(s)) {
    if (l.kind === 'mortgage' && l.collateralCadastralNumber) act('mortgage-contract', l.openedOn, 'mortgagor', [{ role: 'mortgagee', name: l.lender.name.az }], l.collateralCadastralNumber);
  }
  if (f.traits.notarialAttorney) {
    act('power-of-attorney', dateIn(r, 2022), 'principal', [{ role: 'attorney', name: someone() }], null);
    // A principal may revoke a power of attorney; drawn apart, so no other act changes.
    if (rngFor('notary-revoked', subjectKey(s)).chance(0.3)) acts[acts.length - 1].status = 'revoked';
  }
  if (acts.length === 0) return undefined;
  acts.sort((x, y) => (x.date < y.date ? 1 : -1));
  return { subject: s, acts };
}

export function enforcementStatus(s: Subject): EnforcementStatus | undefined {
  if (!factsOf(s)) return undefined;
  const list = proceedings(s);
  if (list.length === 0) return undefined;
  return {
    subject: s,
    proceedings: list.map((p) => ({
      proceedingNumber: p.proceedingNumber, decision: p.decision, role: p.role, otherParty: p.otherParty,
      claim: { amount: p.claim, currency: 'AZN' }, recovered: { amount: p.recovered, currency: 'AZN' },
      status: p.status, openedOn: p.openedOn, closedOn: p.closedOn, office: p.office, measures: p.measures,
    })),
  };
}
