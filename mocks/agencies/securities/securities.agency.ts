/**
 * Mock National Depository Centre (statute 11.2.19 getSecurities) from the synthetic world, per
 * contracts/registries/securities/upstream/securities.wsdl. A subject without a custody account is
 * Server.NotFound. Fault strings never carry the subject.
 */
import { securities } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { SECURITIES_NS, securitiesPayload } from './securities.payload';

export const agency = soapAgency({
  id: 'securities',
  namespace: SECURITIES_NS,
  prefix: 'sec',
  operations: {
    getSecurities: (s) => {
      const r = securities(s);
      return r ? { payloadXml: securitiesPayload(r) } : { notFound: true };
    },
  },
  faultText: {
    'Server.NotFound': 'The depository holds no securities of the requested subject',
    'Server.Unavailable': 'The depository is temporarily unavailable',
    'Server.InternalError': 'Internal error of the depository',
  },
});
