/**
 * Mock tax register (statute 11.2.1 getTaxpayer, 11.2.2 getTaxAudits) from the synthetic world, per
 * contracts/registries/tax/upstream/tax.wsdl. Fault strings never carry the subject.
 */
import { taxAudits, taxpayerRecord } from '../../world';
import { soapAgency } from '../../kit/soap-agency';

export const agency = soapAgency({
  id: 'tax',
  namespace: 'http://taxes.gov.az/xroad/v1',
  prefix: 'tax',
  operations: {
    getTaxpayer: (s) => {
      const r = taxpayerRecord(s);
      return r ? { payload: { taxpayerRecord: r } } : { notFound: true };
    },
    getTaxAudits: (s) => {
      const r = taxAudits(s);
      return r ? { payload: { taxAudits: r } } : { notFound: true };
    },
  },
  faultText: {
    'Server.NotFound': 'No taxpayer registered for the requested subject',
    'Server.Unavailable': 'The tax register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the tax register',
  },
});
