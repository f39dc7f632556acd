/**
 * Mock pledge register (statute 11.2.15): GET /v1/pledges?fin= or ?voen= from the synthetic world
 * (collateral.wire.ts), per contracts/registries/collateral/upstream/collateral.openapi.json (EHİS
 * REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { pledgesAnswer } from './collateral.wire';

export const agency = restAgency({
  id: 'collateral',
  problemBase: 'https://collateral.gov.az/problems/',
  routes: {
    getCollateral: {
      method: 'GET',
      path: ['/v1/pledges?fin={fin}', '/v1/pledges?voen={voen}'],
      answer: pledgesAnswer,
    },
  },
  problemDetail: {
    'not-found': 'No pledge registered in favour of the requested subject',
    'internal-error': 'Internal error of the pledge register',
    unavailable: 'The pledge register is temporarily unavailable',
  },
});
