/**
 * Mock state real-estate register (statute 11.2.5 getRealEstateRights, 11.2.6 getEncumbrances)
 * from the synthetic world, per contracts/registries/property/upstream/property.wsdl. A subject
 * holding no right is Server.NotFound for both operations. Fault strings never carry the subject.
 */
import { realEstateEncumbrances, realEstateRights } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { encumbrancesPayload, PROPERTY_NS, rightsPayload } from './property.payload';

export const agency = soapAgency({
  id: 'property',
  namespace: PROPERTY_NS,
  prefix: 'prop',
  operations: {
    getRealEstateRights: (s) => {
      const r = realEstateRights(s);
      return r ? { payloadXml: rightsPayload(r) } : { notFound: true };
    },
    getEncumbrances: (s) => {
      const r = realEstateEncumbrances(s);
      return r ? { payloadXml: encumbrancesPayload(r) } : { notFound: true };
    },
  },
  faultText: {
    'Server.NotFound': 'The real-estate register holds nothing about the requested subject',
    'Server.Unavailable': 'The real-estate register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the real-estate register',
  },
});
