/**
 * Loans of a subject (statute 11.2.12 and 11.2.14): mortgages secured by the subject's first
 * property, car loans by its first vehicle, consumer and business loans, sureties. The credit
 * registry and the mortgage fund report the same loans; the property and vehicle registers show
 * their mortgage and pledge (restrictions.ts).
 */
import { rngFor } from '../population-data/prng';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES_OV_EV, surnameFor } from '../population-data/names';
import type { Currency } from '../../contracts/registries/common-model';
import { assets } from './assets';
import { bankDirectory, HOME_BANK_COUNT, type BankEntry } from './banks';
import { addDays, dateIn, money } from './dates';
import { isActive, proceedings } from './enforcement';
import { memo } from './memo';
import { factsOf, subjectKey, type Subject } from './subjects';

export interface Loan {
  contractNumber: string;
  lender: BankEntry;
  kind: 'consumer' | 'mortgage' | 'card' | 'business' | 'car';
  viaFund: 'mortgage' | 'preferential-mortgage' | 'guaranteed-business-loan' | null;
  currency: Currency;
  amount: number;
  outstanding: number;
  openedOn: string;
  maturesOn: string;
  closedOn: string | null;
  overdueDays: number;
  worstOverdueDays: number;
  collateralCadastralNumber: string | null;
  collateralPlate: string | null;
  /** Set for an obligation where the subject stands surety. */
  borrower: string | null;
  guaranteePercent: number | null;
}

const HOME_BANKS = bankDirectory(HOME_BANK_COUNT);

function parseKey(key: string): Subject {
  return key.startsWith('fin:') ? { fin: key.slice(4) } : { voen: key.slice(5) };
}

const loansByKey = memo((key: string): Loan[] => {
  const s = parseKey(key);
  const f = factsOf(s);
  const a = assets(s);
  if (!f || !a) return [];
  const r = rngFor('loans', key);
  const t = f.traits;
  // A debtor in enforcement is late on his running loans too.
  const debtor = proceedings(s).some((p) => p.role === 'debtor' && isActive(p));
  let firstLate = true;
  const out: Loan[] = [];
  const make = (kind: Loan['kind'], amountMax: number, years: number, extra: Partial<Loan> = {}): Loan => {
    // Recent enough that about half of the shorter loans still run at the reference date.
    const earliest = f.kind === 'person' ? Math.max(2012, Number(f.person.birthDate.slice(0, 4)) + 19) : 2012;
    const openedOn = extra.openedOn ?? dateIn(r, Math.max(earliest, 2025 - years - 1));
    const amount = money(r.int(Math.floor(amountMax / 10), amountMax));
    const maturesOn = `${Number(openedOn.slice(0, 4)) + years}${openedOn.slice(4)}`;
    const matured = maturesOn < '2026-01-01';
    const closedOn = matured ? maturesOn : null;
    const late = !closedOn && debtor && kind !== 'mortgage' && (firstLate || r.chance(0.5));
    if (late) firstLate = false;
    const overdueDays = late ? r.int(31, 400) : 0;
    return {
      contractNumber: `KR-${openedOn.slice(0, 4)}-${r.digits(7)}`,
      lender: r.pick(HOME_BANKS), kind, viaFund: null, currency: 'AZN', amount,
      outstanding: closedOn ? 0 : money(amount * (0.2 + r.next() * 0.7)),
      openedOn, maturesOn, closedOn, overdueDays, worstOverdueDays: Math.max(overdueDays, r.chance(0.2) ? r.int(1, 60) : 0),
      collateralCadastralNumber: null, collateralPlate: null, borrower: null, guaranteePercent: null, ...extra,
    };
  };
  if ((t.mortgage || t.preferentialMortgage) && a.properties[0]) {
    // Signed a few days before the purchase was registered.
    out.push(make('mortgage', f.kind === 'company' ? 900_000 : 120_000, 20, {
      openedOn: addDays(a.properties[0].registeredOn, -r.int(2, 20)),
      viaFund: t.preferentialMortgage ? 'preferential-mortgage' : f.kind === 'person' && r.chance(0.5) ? 'mortgage' : null,
      collateralCadastralNumber: a.properties[0].cadastralNumber,
    }));
    // A mortgage runs 20 years: never closed by maturity in this world.
    const m = out[out.length - 1];
    Object.assign(m, { closedOn: null, outstanding: m.outstanding || money(m.amount * 0.6) });
  }
  if (t.carLoan && a.vehicles[0]) out.push(make('car', 40_000, 5, { collateralPlate: a.vehicles[0].plate }));
  for (let i = 0; i < t.consumerLoans; i++) {
    if (f.kind === 'company') {
      out.push(make('business', 500_000, r.int(2, 7), r.chance(0.3) ? { viaFund: 'guaranteed-business-loan', guaranteePercent: r.pick([50, 60, 70]) } : {}));
    } else {
      out.push(make(r.chance(0.6) ? 'consumer' : 'card', 15_000, r.int(1, 5)));
    }
  }
  if (t.guarantor) {
    const g = r.chance(0.5) ? 'M' : 'F';
    const borrower = `${surnameFor(r.pick(SURNAMES_OV_EV), g)} ${g === 'M' ? r.pick(MALE_NAMES) : r.pick(FEMALE_NAMES)}`;
    out.push(make('consumer', 20_000, 4, { borrower }));
  }
  return out;
});

export function loans(s: Subject): Loan[] {
  return loansByKey(subjectKey(s));
}

/** Days between two ISO dates, for tests. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export { addDays };
