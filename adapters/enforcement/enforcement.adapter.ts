/**
 * The enforcement service, "Elektron icra", over EHİS SOAP
 * (contracts/registries/enforcement/upstream/enforcement.wsdl): getEnforcementStatus (statute
 * 11.2.23), by FIN or VÖEN.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetEnforcementStatus, ENFORCEMENT_NS, mapGetEnforcementStatusResponse } from './enforcement.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'enforcement',
  protocol: 'soap',
  wsdl: upstreamPath('enforcement', 'enforcement.wsdl'),
  operations: [
    {
      name: 'getEnforcementStatus',
      serviceCode: 'getEnforcementStatus',
      serviceVersion: 'v1',
      namespace: ENFORCEMENT_NS,
      soapAction: `${ENFORCEMENT_NS}/getEnforcementStatus`,
      responseElement: 'getEnforcementStatusResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'voen', 'otherParty', 'measures', 'name'],
      modelSchema: modelSchemaPath('enforcement', 'getEnforcementStatus'),
      buildRequest: buildGetEnforcementStatus,
      // enforcement.xsd: the subject is named in the record's subject element and in the not-found detail.
      answerSubject: {
        data: { fin: ['enforcementStatus', 'subject', 'fin'], voen: ['enforcementStatus', 'subject', 'voen'] },
        notFound: { fin: ['notFound', 'fin'], voen: ['notFound', 'voen'] },
      },
      mapResponse: mapGetEnforcementStatusResponse,
    },
  ],
  // Fault codes of enforcement.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
