/**
 * Labour and social protection register (statute 11.2.4) over EHİS REST: GET /v1/employment?fin=
 * (contracts/registries/labour/upstream/labour.openapi.json): employment contracts with employer
 * and salary, the social insurance account, pension and benefits of a person.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { employmentPath, mapEmployment } from './labour.mapper';

export const adapter: RestAdapterDescriptor = {
  provider: 'labour',
  protocol: 'rest',
  operations: [
    {
      name: 'getEmployment',
      method: 'GET',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'subject', 'contracts', 'monthlySalary', 'socialInsurance', 'pension', 'benefits', 'monthlyAmount'],
      modelSchema: modelSchemaPath('labour', 'getEmployment'),
      path: employmentPath,
      // Employment.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/subject/fin' }, notFound: { fin: '/subject/fin' } },
      mapResponse: mapEmployment,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://labour.gov.az/problems/'),
};
