/**
 * Unified register of inspections of entrepreneurs (statute 11.2.25) over EHİS REST:
 * GET /v1/persons/{fin}/inspections and /v1/entrepreneurs/{voen}/inspections
 * (contracts/registries/inspections/upstream/inspections.openapi.json): inspections with the
 * inspecting body, kind, legal basis, findings, sanctions imposed with their amounts, and status.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { inspectionsPath, mapInspections } from './inspections.mapper';

export const adapter: RestAdapterDescriptor = {
  provider: 'inspections',
  protocol: 'rest',
  operations: [
    {
      name: 'getInspections',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      // An individual entrepreneur's business name is his own name.
      personalData: ['fin', 'voen', 'subject', 'business', 'name'],
      modelSchema: modelSchemaPath('inspections', 'getInspections'),
      path: inspectionsPath,
      // Inspections.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: {
        data: { fin: '/subject/fin', voen: '/subject/voen' },
        notFound: { fin: '/subject/fin', voen: '/subject/voen' },
      },
      mapResponse: mapInspections,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://yoxlama.gov.az/problems/'),
};
