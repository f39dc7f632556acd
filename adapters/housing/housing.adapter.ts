/**
 * State Housing Agency (statute 11.2.18) over EHİS REST: GET /v1/persons/{fin}/rent-to-own-contracts
 * (contracts/registries/housing/upstream/housing.openapi.json): rent-to-own contracts with the
 * apartment, price, amounts paid and outstanding, arrears and status.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { mapRentToOwn, rentToOwnPath } from './housing.mapper';

export const adapter: RestAdapterDescriptor = {
  provider: 'housing',
  protocol: 'rest',
  operations: [
    {
      name: 'getRentToOwn',
      method: 'GET',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'subject', 'contracts', 'contractNumber', 'address', 'apartment', 'paid', 'outstanding', 'arrears'],
      modelSchema: modelSchemaPath('housing', 'getRentToOwn'),
      path: rentToOwnPath,
      // RentToOwn.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/subject/fin' }, notFound: { fin: '/subject/fin' } },
      mapResponse: mapRentToOwn,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://mida.gov.az/problems/'),
};
