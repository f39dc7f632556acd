/**
 * Telecom register (statute 11.2.3) over EHİS REST: GET /v1/persons/{fin}/phone-numbers
 * (contracts/registries/phone/upstream/phone.openapi.json).
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { mapPhoneNumbers, phoneNumbersPath } from './phone.mapper';

const PROBLEM = 'https://phone.gov.az/problems/';

export const adapter: RestAdapterDescriptor = {
  provider: 'phone',
  protocol: 'rest',
  operations: [
    {
      name: 'getPhoneNumbers',
      method: 'GET',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'numbers', 'msisdn'],
      modelSchema: modelSchemaPath('phone', 'getPhoneNumbers'),
      path: phoneNumbersPath,
      // PhoneNumbers.fin of a 200; the profile's subject member of the not-found problem.
      answerSubject: { data: { fin: '/fin' }, notFound: { fin: '/subject/fin' } },
      mapResponse: mapPhoneNumbers,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults(PROBLEM),
};
