/**
 * Mortgage and credit guarantee fund (statute 11.2.12, bank secret: asked under a decision in
 * force) over EHİS REST: GET /v1/mortgage-loans?fin= or ?voen=
 * (contracts/registries/mortgage-fund/upstream/mortgage-fund.openapi.json): loans made or
 * guaranteed through the fund, with bank, balance, delay and the mortgaged property.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { mapMortgageLoans, mortgageLoansPath } from './mortgage-fund.mapper';

// MortgageLoans.subject of a 200 and the profile's subject member of the not-found problem.
const named = { fin: '/subject/fin', voen: '/subject/voen' };

export const adapter: RestAdapterDescriptor = {
  provider: 'mortgage-fund',
  protocol: 'rest',
  operations: [
    {
      name: 'getMortgageLoans',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'voen', 'subject', 'loans', 'contractNumber', 'amount', 'outstanding', 'collateralCadastralNumber'],
      modelSchema: modelSchemaPath('mortgage-fund', 'getMortgageLoans'),
      path: mortgageLoansPath,
      answerSubject: { data: named, notFound: named },
      mapResponse: mapMortgageLoans,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://mortgage-fund.gov.az/problems/'),
};
