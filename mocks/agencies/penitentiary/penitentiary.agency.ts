/**
 * Mock penitentiary service (statute 11.2.24 getDetentionStatus, by FIN) from the synthetic world,
 * per contracts/registries/penitentiary/upstream/penitentiary.wsdl. A person never held by the
 * service gets Server.NotFound. Fault strings never carry the FIN.
 */
import { detention } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { detentionStatusPayload } from './penitentiary.records';

export const agency = soapAgency({
  id: 'penitentiary',
  namespace: 'http://penitentiary.gov.az/xroad/v1',
  prefix: 'pen',
  operations: {
    getDetentionStatus: {
      subjects: ['fin'],
      answer: (s) => {
        const r = 'fin' in s ? detention(s.fin) : undefined;
        return r ? { payload: detentionStatusPayload(r) } : { notFound: true };
      },
    },
  },
  faultText: {
    'Server.NotFound': 'No detention record for the requested FIN',
    'Server.Unavailable': 'The penitentiary service register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the penitentiary service register',
  },
});
