/**
 * Credit registry (statute 11.2.14, bank secret: asked under a decision in force) over EHİS REST:
 * GET /v1/credit-reports?fin= or ?voen=
 * (contracts/registries/credit-registry/upstream/credit-registry.openapi.json): the borrower's
 * active, closed and guaranteed obligations with their collateral, and the summary.
 */
import { modelSchemaPath } from '../../contracts/registries/paths';
import type { RestAdapterDescriptor } from '../kit/descriptor';
import { restFaults } from '../kit/fault-tables';
import { creditReportPath, mapCreditReport } from './credit-registry.mapper';

// CreditReport.subject of a 200 and the profile's subject member of the not-found problem.
const named = { fin: '/subject/fin', voen: '/subject/voen' };

export const adapter: RestAdapterDescriptor = {
  provider: 'credit-registry',
  protocol: 'rest',
  operations: [
    {
      name: 'getCreditReport',
      method: 'GET',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'voen', 'subject', 'summary', 'active', 'closed', 'guaranteed', 'borrower', 'contractNumber', 'amount', 'outstanding'],
      modelSchema: modelSchemaPath('credit-registry', 'getCreditReport'),
      path: creditReportPath,
      answerSubject: { data: named, notFound: named },
      mapResponse: mapCreditReport,
    },
  ],
  // Problem types of the OpenAPI (components.schemas.Problem): the EHİS defaults.
  faults: restFaults('https://credit-registry.gov.az/problems/'),
};
