/**
 * Pure mapper of one utility's answer (contracts/registries/utilities/upstream/utilities.openapi.json,
 * UtilityAccounts; statute 11.2.17) to the canonical model. Copies the known fields only.
 */
import type { AdapterCallParams } from '../../contracts/hub';
import type { UtilityAccounts, UtilitySubscription } from '../../contracts/registries/utilities/model';
import { amount } from '../banks/banks.mapper';
import { array, object, subject } from '../kit/json-read';
import type { MapResult } from '../kit/descriptor';

/** GET /v1/subscribers/{fin|voen}/{id}/accounts. */
export function subscriberAccountsPath(params: AdapterCallParams): string {
  const [kind, id] = 'fin' in params.subject ? ['fin', params.subject.fin] : ['voen', params.subject.voen];
  return `/v1/subscribers/${kind}/${encodeURIComponent(id)}/accounts`;
}

export function mapUtilityAccounts(body: unknown): MapResult<UtilityAccounts> {
  const b = object(body, 'body');
  const u = object(b.utility, 'utility');
  const subscriptions = array(b.subscriptions, 'subscriptions').map((v, i): UtilitySubscription => {
    const x = object(v, `subscriptions[${i}]`);
    return {
      accountNumber: x.accountNumber as string, service: x.service as UtilitySubscription['service'], address: x.address as string,
      since: x.since as string, status: x.status as UtilitySubscription['status'], debt: amount(x.debt, `subscriptions[${i}].debt`),
      lastPaymentOn: x.lastPaymentOn as string,
    };
  });
  return { outcome: 'ok', data: { subject: subject(b.subject, '/subject'), utility: { id: u.id as string, name: u.name as string }, subscriptions } };
}
