/**
 * Credit institutions (statute 11.2.13) over EHİS REST, one contract every bank implements
 * (contracts/registries/banks/upstream/banks.openapi.json): GET /v1/customers/{fin|voen}/{id}/accounts.
 * A scatter-gather descriptor: the kit's fan-out (adapters/kit/fan-out.ts) runs it against every
 * institution of the directory (registry/institutions.ts). Data only.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
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
      modelSchema: modelSchemaPath('banks', 'getBankAccounts'),
      path: customerAccountsPath,
      // BankAccounts.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/subject/fin', voen: '/subject/voen' }, notFound: { fin: '/subject/fin', voen: '/subject/voen' } },
      mapResponse: mapBankAccounts,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults(BANKS_PROBLEM),
};
