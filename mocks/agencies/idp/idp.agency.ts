/**
 * Mock register of the State Committee for Refugees and IDPs (statute 11.2.16 getIdpStatus, by FIN
 * only) from the synthetic world, per contracts/registries/idp/upstream/idp.wsdl. A person without
 * the status is Server.NotFound. Fault strings never carry the subject.
 */
import { idpStatus } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { IDP_NS, idpPayload } from './idp.payload';

export const agency = soapAgency({
  id: 'idp',
  namespace: IDP_NS,
  prefix: 'idp',
  operations: {
    getIdpStatus: {
      subjects: ['fin'],
      answer: (s) => {
        const r = 'fin' in s ? idpStatus(s.fin) : undefined;
        return r ? { payloadXml: idpPayload(r) } : { notFound: true };
      },
    },
  },
  faultText: {
    'Server.NotFound': 'The committee holds no refugee or IDP status of the requested person',
    'Server.Unavailable': 'The IDP register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the IDP register',
  },
});
