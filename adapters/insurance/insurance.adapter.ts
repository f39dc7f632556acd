/**
 * Compulsory insurance bureau (statute 11.2.20) over EHİS REST:
 * GET /v1/persons/{fin}/insurance-contracts and /v1/organisations/{voen}/insurance-contracts
 * (contracts/registries/insurance/upstream/insurance.openapi.json): compulsory policies with the
 * insured object, period, premium, limit of liability and claims.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { insuranceContractsPath, mapInsuranceContracts } from './insurance.mapper';

export const adapter: RestAdapterDescriptor = {
  provider: 'insurance',
  protocol: 'rest',
  operations: [
    {
      name: 'getInsuranceContracts',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'voen', 'subject', 'contracts', 'policyNumber', 'insuredObject', 'identifier', 'claims', 'paid'],
      modelSchema: modelSchemaPath('insurance', 'getInsuranceContracts'),
      path: insuranceContractsPath,
      // InsuranceContracts.subject of a 200; the profile's subject member of the not-found problem.
      answerSubject: {
        data: { fin: '/subject/fin', voen: '/subject/voen' },
        notFound: { fin: '/subject/fin', voen: '/subject/voen' },
      },
      mapResponse: mapInsuranceContracts,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://insurance.gov.az/problems/'),
};
