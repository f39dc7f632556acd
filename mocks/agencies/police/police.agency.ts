/**
 * Mock internal affairs register (statute 11.2.7 getCriminalRecords, by FIN) from the synthetic
 * world, per contracts/registries/police/upstream/police.wsdl. A resident with a clean record gets
 * a clean record; a FIN no register knows gets Server.NotFound. Fault strings never carry the FIN.
 */
import { criminalRecord } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { criminalRecordsPayload } from './police.records';

export const agency = soapAgency({
  id: 'police',
  namespace: 'http://police.gov.az/xroad/v1',
  prefix: 'pol',
  operations: {
    getCriminalRecords: {
      subjects: ['fin'],
      answer: (s) => {
        const r = 'fin' in s ? criminalRecord(s.fin) : undefined;
        return r ? { payload: criminalRecordsPayload(r) } : { notFound: true };
      },
    },
  },
  faultText: {
    'Server.NotFound': 'No person with the requested FIN in the internal affairs register',
    'Server.Unavailable': 'The internal affairs register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the internal affairs register',
  },
});
