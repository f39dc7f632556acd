/**
 * The two scatter-gather contracts the mock institutions speak (contracts/registries/banks and
 * utilities), answering from the synthetic world: a subject's accounts are spread over the banks
 * consistently (IBAN of the bank, currency, balance, status, arrests already registered), its
 * subscriptions over the three utilities.
 */
import type { Subject } from '../../../contracts/registries/common-model';
import { bankAccounts, utilityAccounts, type UtilityId } from '../../world';
import type { InstitutionContract } from './institution.agency';

const kindAndId = (s: Subject): [string, string] => ('fin' in s ? ['fin', s.fin] : ['voen', s.voen]);

export const BANK_CONTRACT: InstitutionContract = {
  problemBase: 'https://cbar.az/ehis/problems/',
  route: /^\/v1\/customers\/(fin|voen)\/([^/?#]*)\/accounts\/?(?:\?.*)?$/,
  path: (s) => { const [k, id] = kindAndId(s); return `/v1/customers/${k}/${encodeURIComponent(id)}/accounts`; },
  answer: (s, bankId) => bankAccounts(s, bankId),
  notFoundDetail: 'The bank holds no account of the requested subject',
};

export const UTILITY_CONTRACT: InstitutionContract = {
  problemBase: 'https://utilities.ehis.gov.az/problems/',
  route: /^\/v1\/subscribers\/(fin|voen)\/([^/?#]*)\/accounts\/?(?:\?.*)?$/,
  path: (s) => { const [k, id] = kindAndId(s); return `/v1/subscribers/${k}/${encodeURIComponent(id)}/accounts`; },
  answer: (s, utilityId) => utilityAccounts(s, utilityId as UtilityId),
  notFoundDetail: 'The utility holds no subscription of the requested subject',
};
