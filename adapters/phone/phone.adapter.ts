/**
 * Telecom register (statute 11.2.3) over EHİS REST: GET /v1/persons/{fin}/phone-numbers
 * (contracts/registries/phone/upstream/phone.openapi.json). Data only (STYLE.md rule 1).
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { mapPhoneNumbers, phoneNumbersPath } from './phone.mapper';

const PROBLEM = 'https://phone.gov.az/problems/';

export const phoneAdapter: RestAdapterDescriptor = {
  provider: 'phone',
  protocol: 'rest',
  operations: [
    {
      name: 'getPhoneNumbers',
      method: 'GET',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'numbers', 'msisdn'],
      modelSchema: modelSchemaPath('phone'),
      path: phoneNumbersPath,
      // PhoneNumbers.fin of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/fin' }, notFound: { fin: '/subject/fin' } },
      mapResponse: mapPhoneNumbers,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem). A 404 WITHOUT the not-found problem
  // type (a wrong path, a proxy) is not "nothing found": it falls to the default, an error.
  faults: [
    { httpStatus: 404, problemType: `${PROBLEM}not-found`, result: 'not-found' },
    { httpStatus: 400, problemType: `${PROBLEM}bad-request`, result: 'HUB_ERR_UPSTREAM_REJECTED' },
    { httpStatus: 401, problemType: `${PROBLEM}invalid-signature`, result: 'HUB_ERR_UPSTREAM_REJECTED' },
    { httpStatus: 500, problemType: `${PROBLEM}internal-error`, result: 'HUB_ERR_UPSTREAM_SERVER_ERROR' },
    { httpStatus: 503, problemType: `${PROBLEM}unavailable`, result: 'HUB_ERR_UPSTREAM_UNAVAILABLE' },
  ],
};
