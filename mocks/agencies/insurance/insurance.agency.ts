/**
 * Mock compulsory insurance bureau (statute 11.2.20): GET /v1/persons/{fin}/insurance-contracts and
 * /v1/organisations/{voen}/insurance-contracts from the synthetic world (insurance.wire.ts), per
 * contracts/registries/insurance/upstream/insurance.openapi.json (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { insuranceAnswer } from './insurance.wire';

export const agency = restAgency({
  id: 'insurance',
  problemBase: 'https://insurance.gov.az/problems/',
  routes: {
    getInsuranceContracts: {
      method: 'GET',
      path: ['/v1/persons/{fin}/insurance-contracts', '/v1/organisations/{voen}/insurance-contracts'],
      answer: insuranceAnswer,
    },
  },
  problemDetail: {
    'not-found': 'No compulsory insurance contract on file for the requested subject',
    'internal-error': 'Internal error of the compulsory insurance bureau',
    unavailable: 'The compulsory insurance bureau is temporarily unavailable',
  },
});
