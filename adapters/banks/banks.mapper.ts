/**
 * Pure mapper of one credit institution's answer (contracts/registries/banks/upstream/banks.openapi.json,
 * BankAccounts; statute 11.2.13) to the canonical model. Copies the known fields only; formats are
 * checked by the model schema afterwards.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { BankAccount, BankAccounts } from '../../contracts/registries/banks/model';
import type { Encumbrance } from '../../contracts/registries/common-model';
import type { MapResult } from '../kit/descriptor';
import { array, object, subject } from '../kit/json-read';

/** GET /v1/customers/{fin|voen}/{id}/accounts, every segment URL-encoded. */
export function customerAccountsPath(params: AdapterCallParams): string {
  const [kind, id] = 'fin' in params.subject ? ['fin', params.subject.fin] : ['voen', params.subject.voen];
  return `/v1/customers/${kind}/${encodeURIComponent(id)}/accounts`;
}

/** The bank model's balance: a number with its ISO 4217 currency (the model schema checks both). */
export function amount(v: unknown, at: string): { amount: number; currency: 'AZN' | 'USD' | 'EUR' } {
  const m = object(v, at);
  return { amount: m.amount as number, currency: m.currency as 'AZN' };
}

function encumbrance(v: unknown, what: string): Encumbrance {
  const e = object(v, what);
  const holder = object(e.holder, `${what}.holder`);
  const basis = object(e.basis, `${what}.basis`);
  return {
    type: e.type as Encumbrance['type'],
    holder: { name: holder.name as string, ...(holder.fin !== undefined ? { fin: holder.fin as string } : {}), ...(holder.voen !== undefined ? { voen: holder.voen as string } : {}) },
    basis: { kind: basis.kind as Encumbrance['basis']['kind'], number: basis.number as string, date: basis.date as string, issuer: basis.issuer as string },
    registeredOn: e.registeredOn as string,
    until: (e.until ?? null) as string | null,
  };
}

export function mapBankAccounts(body: unknown): MapResult<BankAccounts> {
  const b = object(body, 'body');
  const bank = object(b.bank, 'bank');
  const accounts = array(b.accounts, 'accounts').map((a, i): BankAccount => {
    const x = object(a, `accounts[${i}]`);
    return {
      iban: x.iban as string, kind: x.kind as BankAccount['kind'], currency: x.currency as BankAccount['currency'],
      balance: amount(x.balance, `accounts[${i}].balance`), openedOn: x.openedOn as string, status: x.status as BankAccount['status'],
      arrests: array(x.arrests, `accounts[${i}].arrests`).map((e, j) => encumbrance(e, `accounts[${i}].arrests[${j}]`)),
    };
  });
  return { outcome: 'ok', data: { subject: subject(b.subject, '/subject'), bank: { id: bank.id as string, name: bank.name as string }, accounts } };
}
