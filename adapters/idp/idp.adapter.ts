/**
 * Register of the State Committee for Refugees and IDPs over EHİS SOAP (contracts/registries/idp/
 * upstream/idp.wsdl): getIdpStatus (statute 11.2.16), by FIN.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetIdpStatus, IDP_NS, mapGetIdpStatusResponse } from './idp.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'idp',
  protocol: 'soap',
  wsdl: upstreamPath('idp', 'idp.wsdl'),
  operations: [
    {
      name: 'getIdpStatus',
      serviceCode: 'getIdpStatus',
      serviceVersion: 'v1',
      namespace: IDP_NS,
      soapAction: `${IDP_NS}/getIdpStatus`,
      responseElement: 'getIdpStatusResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['status', 'certificateNumber', 'originDistrict', 'currentSettlement', 'familyMembers', 'returnedOn', 'allowances'],
      modelSchema: modelSchemaPath('idp', 'getIdpStatus'),
      buildRequest: buildGetIdpStatus,
      // idp.xsd: the answer names the person in <subject>, the not-found detail in <notFound>.
      answerSubject: { data: { fin: ['subject', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } },
      mapResponse: mapGetIdpStatusResponse,
    },
  ],
  // Fault codes of idp.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
