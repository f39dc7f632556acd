/**
 * Mock enforcement register, "Elektron icra" (statute 11.2.23 getEnforcementStatus) from the
 * synthetic world, per contracts/registries/enforcement/upstream/enforcement.wsdl. The demo
 * decision's proceeding is the one the hub's status history tells (mocks/world/demo-traits.ts).
 * Fault strings never carry the subject.
 */
import { enforcementStatus } from '../../world';
import { soapAgency } from '../../kit/soap-agency';

export const agency = soapAgency({
  id: 'enforcement',
  namespace: 'http://icra.gov.az/xroad/v1',
  prefix: 'enf',
  operations: {
    getEnforcementStatus: (s) => {
      const r = enforcementStatus(s);
      return r ? { payload: { enforcementStatus: r } } : { notFound: true };
    },
  },
  faultText: {
    'Server.NotFound': 'No enforcement proceeding about the requested subject',
    'Server.Unavailable': 'The enforcement service is temporarily unavailable',
    'Server.InternalError': 'Internal error of the enforcement service',
  },
});
