/**
 * Credit institutions (statute 11.2.13) over EHİS REST, one contract every bank implements
 * (contracts/registries/banks/upstream/banks.openapi.json): GET /v1/customers/{fin|voen}/{id}/accounts.
 * A scatter-gather descriptor: the kit's fan-out (adapters/kit/fan-out.ts) runs it against every
 * institution of the directory (registry/institutions.ts). Data only.
 */
import { join } from 'node:path';
import { registriesDir } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { customerAccountsPath, mapBankAccounts } from './banks.mapper';

export const BANKS_PROBLEM = 'https://cbar.az/ehis/problems/';

export const adapter: RestAdapterDescriptor = {
  provider: 'banks',
  protocol: 'rest',
  operations: [
    {
      name: 'getBankAccounts',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['subject', 'accounts', 'iban', 'balance', 'arrests'],
      modelSchema: join(registriesDir(), 'banks', 'model.getBankAccounts.schema.json'),
      path: customerAccountsPath,
      // BankAccounts.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/subject/fin', voen: '/subject/voen' }, notFound: { fin: '/subject/fin', voen: '/subject/voen' } },
      mapResponse: mapBankAccounts,
    },
  ],
  faults: [
    { httpStatus: 404, problemType: `${BANKS_PROBLEM}not-found`, result: 'not-found' },
    { httpStatus: 400, problemType: `${BANKS_PROBLEM}bad-request`, result: 'HUB_ERR_UPSTREAM_REJECTED' },
    { httpStatus: 401, problemType: `${BANKS_PROBLEM}invalid-signature`, result: 'HUB_ERR_UPSTREAM_REJECTED' },
    { httpStatus: 500, problemType: `${BANKS_PROBLEM}internal-error`, result: 'HUB_ERR_UPSTREAM_SERVER_ERROR' },
    { httpStatus: 503, problemType: `${BANKS_PROBLEM}unavailable`, result: 'HUB_ERR_UPSTREAM_UNAVAILABLE' },
  ],
};
