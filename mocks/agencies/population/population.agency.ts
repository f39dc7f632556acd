/**
 * Mock population register (statute 11.2.22): getPerson(fin) from the synthetic population, per
 * contracts/registries/population/upstream/population.wsdl. Fault strings never carry the FIN.
 */
import { findPerson } from '../../population-data/population';
import { soapAgency } from '../../kit/soap-agency';

export const agency = soapAgency({
  id: 'population',
  namespace: 'http://population.gov.az/xroad/v1',
  prefix: 'pop',
  operations: {
    getPerson: {
      subjects: ['fin'],
      answer: (s) => {
        const person = 'fin' in s ? findPerson(s.fin) : undefined;
        return person ? { payload: { person } } : { notFound: true };
      },
    },
  },
  faultText: {
    'Server.NotFound': 'No person with the requested FIN in the population register',
    'Server.Unavailable': 'The population register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the population register',
  },
});
