/**
 * Register of the Ministry of Science and Education (statute 11.2.21) over EHİS REST:
 * GET /v1/persons/{fin}/education (contracts/registries/education/upstream/education.openapi.json):
 * education completed with its diplomas and certificates, and the current enrolment.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { educationPath, mapEducation } from './education.mapper';

export const adapter: RestAdapterDescriptor = {
  provider: 'education',
  protocol: 'rest',
  operations: [
    {
      name: 'getEducation',
      method: 'GET',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'subject', 'records', 'document', 'number', 'currentEnrolment'],
      modelSchema: modelSchemaPath('education', 'getEducation'),
      path: educationPath,
      // Education.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/subject/fin' }, notFound: { fin: '/subject/fin' } },
      mapResponse: mapEducation,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://edu.gov.az/problems/'),
};
