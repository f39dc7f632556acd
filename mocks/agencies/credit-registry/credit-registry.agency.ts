/**
 * Mock credit registry (statute 11.2.14): GET /v1/credit-reports?fin= or ?voen= from the synthetic
 * world (credit-registry.wire.ts), per
 * contracts/registries/credit-registry/upstream/credit-registry.openapi.json (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { creditReportAnswer } from './credit-registry.wire';

export const agency = restAgency({
  id: 'credit-registry',
  problemBase: 'https://credit-registry.gov.az/problems/',
  routes: {
    getCreditReport: {
      method: 'GET',
      path: ['/v1/credit-reports?fin={fin}', '/v1/credit-reports?voen={voen}'],
      answer: creditReportAnswer,
    },
  },
  problemDetail: {
    'not-found': 'No credit history for the requested borrower',
    'internal-error': 'Internal error of the credit registry',
    unavailable: 'The credit registry is temporarily unavailable',
  },
});
