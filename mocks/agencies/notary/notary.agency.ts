/**
 * Mock "Elektron notariat" (statute 11.2.26 getNotarialActs) from the synthetic world, per
 * contracts/registries/notary/upstream/notary.wsdl. A subject party to no act is Server.NotFound.
 * Fault strings never carry the subject.
 */
import { notarialActs } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { actsPayload, NOTARY_NS } from './notary.payload';

export const agency = soapAgency({
  id: 'notary',
  namespace: NOTARY_NS,
  prefix: 'nota',
  operations: {
    getNotarialActs: (s) => {
      const r = notarialActs(s);
      return r ? { payloadXml: actsPayload(r) } : { notFound: true };
    },
  },
  faultText: {
    'Server.NotFound': 'The notary system holds no act of the requested subject',
    'Server.Unavailable': 'The notary system is temporarily unavailable',
    'Server.InternalError': 'Internal error of the notary system',
  },
});
