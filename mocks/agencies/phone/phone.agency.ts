/**
 * Mock telecom register (statute 11.2.3): GET /v1/persons/{fin}/phone-numbers from the synthetic
 * population, per contracts/registries/phone/upstream/phone.openapi.json (EHİS REST profile v2).
 */
import { findPhoneNumbers } from '../../population-data/phones';
import { restAgency } from '../../kit/rest-agency';

export const agency = restAgency({
  id: 'phone',
  problemBase: 'https://phone.gov.az/problems/',
  routes: {
    getPhoneNumbers: {
      method: 'GET',
      path: '/v1/persons/{fin}/phone-numbers',
      answer: (s) => ('fin' in s ? findPhoneNumbers(s.fin) : undefined),
    },
  },
  problemDetail: {
    'bad-request': 'fin: expected 7 characters of [0-9A-Z]',
    'not-found': 'No phone numbers registered for the requested FIN',
    'internal-error': 'Internal error of the telecom register',
    unavailable: 'The telecom register is temporarily unavailable',
  },
});
