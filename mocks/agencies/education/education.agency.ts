/**
 * Mock register of the Ministry of Science and Education (statute 11.2.21):
 * GET /v1/persons/{fin}/education from the synthetic world (education.wire.ts), per
 * contracts/registries/education/upstream/education.openapi.json (EHİS REST profile v2).
 */
import { restAgency } from '../../kit/rest-agency';
import { educationAnswer } from './education.wire';

export const agency = restAgency({
  id: 'education',
  problemBase: 'https://edu.gov.az/problems/',
  routes: {
    getEducation: {
      method: 'GET',
      path: '/v1/persons/{fin}/education',
      answer: (s) => ('fin' in s ? educationAnswer(s.fin) : undefined),
    },
  },
  problemDetail: {
    'not-found': 'No education record on file for the requested person',
    'internal-error': 'Internal error of the education register',
    unavailable: 'The education register is temporarily unavailable',
  },
});
