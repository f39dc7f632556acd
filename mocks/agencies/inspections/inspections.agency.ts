/**
 * Mock unified register of inspections (statute 11.2.25): GET /v1/persons/{fin}/inspections (an
 * individual entrepreneur) and /v1/entrepreneurs/{voen}/inspections from the synthetic world
 * (inspections.wire.ts), per contracts/registries/inspections/upstream/inspections.openapi.json
 * (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { inspectionsAnswer } from './inspections.wire';

export const agency = restAgency({
  id: 'inspections',
  problemBase: 'https://yoxlama.gov.az/problems/',
  routes: {
    getInspections: {
      method: 'GET',
      path: ['/v1/persons/{fin}/inspections', '/v1/entrepreneurs/{voen}/inspections'],
      answer: inspectionsAnswer,
    },
  },
  problemDetail: {
    'not-found': 'No business registered for the requested subject in the register of inspections',
    'internal-error': 'Internal error of the unified register of inspections',
    unavailable: 'The unified register of inspections is temporarily unavailable',
  },
});
