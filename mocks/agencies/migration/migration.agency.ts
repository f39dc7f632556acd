/**
 * Mock border and migration service (statute 11.2.10 getBorderCrossings, 11.2.11 getTravelBans, by
 * FIN) from the synthetic world, per contracts/registries/migration/upstream/migration.wsdl. Both
 * answer for every resident (no crossing, no ban: an empty list); a FIN no register knows gets
 * Server.NotFound. Fault strings never carry the FIN.
 */
import { borderCrossings, travelBanRecord } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { borderCrossingsPayload, travelBansPayload } from './migration.records';

export const agency = soapAgency({
  id: 'migration',
  namespace: 'http://migration.gov.az/xroad/v1',
  prefix: 'mig',
  operations: {
    getBorderCrossings: {
      subjects: ['fin'],
      answer: (s) => {
        const r = 'fin' in s ? borderCrossings(s.fin) : undefined;
        return r ? { payload: borderCrossingsPayload(r) } : { notFound: true };
      },
    },
    getTravelBans: {
      subjects: ['fin'],
      answer: (s) => {
        const r = 'fin' in s ? travelBanRecord(s.fin) : undefined;
        return r ? { payload: travelBansPayload(r) } : { notFound: true };
      },
    },
  },
  faultText: {
    'Server.NotFound': 'No person with the requested FIN in the border and migration register',
    'Server.Unavailable': 'The border and migration register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the border and migration register',
  },
});
