/**
 * Mock road police registers (statute 11.2.8 getVehicles by FIN or VÖEN, 11.2.9 getDrivingLicences
 * by FIN) from the synthetic world, per contracts/registries/road-police/upstream/road-police.wsdl.
 * A subject with no vehicle (no licence) registered gets Server.NotFound. Fault strings never carry
 * the subject.
 */
import { drivingLicences, vehicles } from '../../world';
import { soapAgency } from '../../kit/soap-agency';
import { drivingLicencesPayload, vehiclesPayload } from './road-police.records';

export const agency = soapAgency({
  id: 'road-police',
  namespace: 'http://road-police.gov.az/xroad/v1',
  prefix: 'rp',
  operations: {
    getVehicles: {
      subjects: ['fin', 'voen'],
      answer: (s) => {
        const r = vehicles(s);
        return r ? { payload: vehiclesPayload(r) } : { notFound: true };
      },
    },
    getDrivingLicences: {
      subjects: ['fin'],
      answer: (s) => {
        const r = 'fin' in s ? drivingLicences(s.fin) : undefined;
        return r ? { payload: drivingLicencesPayload(r) } : { notFound: true };
      },
    },
  },
  faultText: {
    'Server.NotFound': 'Nothing registered for the requested subject in the road police register',
    'Server.Unavailable': 'The road police register is temporarily unavailable',
    'Server.InternalError': 'Internal error of the road police register',
  },
});
