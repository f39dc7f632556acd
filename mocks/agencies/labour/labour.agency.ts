/**
 * Mock labour and social protection register (statute 11.2.4): GET /v1/employment?fin= from the
 * synthetic world (labour.wire.ts), per contracts/registries/labour/upstream/labour.openapi.json
 * (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { employmentAnswer } from './labour.wire';

export const agency = restAgency({
  id: 'labour',
  problemBase: 'https://labour.gov.az/problems/',
  routes: {
    getEmployment: {
      method: 'GET',
      path: '/v1/employment?fin={fin}',
      answer: (s) => ('fin' in s ? employmentAnswer(s.fin) : undefined),
    },
  },
  problemDetail: {
    'not-found': 'No employment, pension or benefit on file for the requested person',
    'internal-error': 'Internal error of the labour and social protection register',
    unavailable: 'The labour and social protection register is temporarily unavailable',
  },
});
