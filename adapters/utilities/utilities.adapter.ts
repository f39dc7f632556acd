/**
 * Utilities (statute 11.2.17: electricity, drinking water, gas) over EHİS REST, one contract the three utilities implement
 * (contracts/registries/utilities/upstream/utilities.openapi.json): GET /v1/subscribers/{fin|voen}/{id}/accounts.
 * A scatter-gather descriptor: the kit's fan-out (adapters/kit/fan-out.ts) runs it against every
 * institution of the directory (registry/institutions.ts). Data only.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { mapUtilityAccounts, subscriberAccountsPath } from './utilities.mapper';

export const UTILITIES_PROBLEM = 'https://utilities.ehis.gov.az/problems/';

export const adapter: RestAdapterDescriptor = {
  provider: 'utilities',
  protocol: 'rest',
  operations: [
    {
      name: 'getUtilityAccounts',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['subject', 'subscriptions', 'accountNumber', 'address', 'debt'],
      modelSchema: modelSchemaPath('utilities', 'getUtilityAccounts'),
      path: subscriberAccountsPath,
      // UtilityAccounts.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/subject/fin', voen: '/subject/voen' }, notFound: { fin: '/subject/fin', voen: '/subject/voen' } },
      mapResponse: mapUtilityAccounts,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults(UTILITIES_PROBLEM),
};
