/**
 * Mock State Housing Agency (statute 11.2.18): GET /v1/persons/{fin}/rent-to-own-contracts from the
 * synthetic world (housing.wire.ts), per contracts/registries/housing/upstream/housing.openapi.json
 * (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { rentToOwnAnswer } from './housing.wire';

export const agency = restAgency({
  id: 'housing',
  problemBase: 'https://mida.gov.az/problems/',
  routes: {
    getRentToOwn: {
      method: 'GET',
      path: '/v1/persons/{fin}/rent-to-own-contracts',
      answer: (s) => ('fin' in s ? rentToOwnAnswer(s.fin) : undefined),
    },
  },
  problemDetail: {
    'not-found': 'No rent-to-own or preferential purchase contract on file for the requested person',
    'internal-error': 'Internal error of the State Housing Agency register',
    unavailable: 'The State Housing Agency register is temporarily unavailable',
  },
});
