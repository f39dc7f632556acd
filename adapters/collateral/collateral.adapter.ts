/**
 * Pledge register (statute 11.2.15) over EHİS REST: GET /v1/pledges?fin= or ?voen=
 * (contracts/registries/collateral/upstream/collateral.openapi.json): the movable and immovable
 * things pledged or mortgaged in favour of the subject, with pledgor, secured amount and status.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { mapPledges, pledgesPath } from './collateral.mapper';

// Pledges.subject of a 200 and the profile's subject member of the not-found problem.
const named = { fin: '/subject/fin', voen: '/subject/voen' };

export const adapter: RestAdapterDescriptor = {
  provider: 'collateral',
  protocol: 'rest',
  operations: [
    {
      name: 'getCollateral',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'voen', 'subject', 'pledges', 'pledgor', 'description', 'securedAmount', 'registrationNumber'],
      modelSchema: modelSchemaPath('collateral', 'getCollateral'),
      path: pledgesPath,
      answerSubject: { data: named, notFound: named },
      mapResponse: mapPledges,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://collateral.gov.az/problems/'),
};
