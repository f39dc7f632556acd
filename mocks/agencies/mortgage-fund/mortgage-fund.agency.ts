/**
 * Mock mortgage and credit guarantee fund (statute 11.2.12): GET /v1/mortgage-loans?fin= or ?voen=
 * from the synthetic world (mortgage-fund.wire.ts), per
 * contracts/registries/mortgage-fund/upstream/mortgage-fund.openapi.json (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { mortgageLoansAnswer } from './mortgage-fund.wire';

export const agency = restAgency({
  id: 'mortgage-fund',
  problemBase: 'https://mortgage-fund.gov.az/problems/',
  routes: {
    getMortgageLoans: {
      method: 'GET',
      path: ['/v1/mortgage-loans?fin={fin}', '/v1/mortgage-loans?voen={voen}'],
      answer: mortgageLoansAnswer,
    },
  },
  problemDetail: {
    'not-found': 'No loan through the fund for the requested borrower',
    'internal-error': 'Internal error of the mortgage and credit guarantee fund',
    unavailable: 'The mortgage and credit guarantee fund is temporarily unavailable',
  },
});
