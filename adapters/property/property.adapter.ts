/**
 * State real-estate register over EHİS SOAP (contracts/registries/property/upstream/property.wsdl):
 * getRealEstateRights (statute 11.2.5) and getEncumbrances (statute 11.2.6), each by FIN or VÖEN.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetEncumbrances, buildGetRealEstateRights, mapGetEncumbrancesResponse, mapGetRealEstateRightsResponse, PROPERTY_NS } from './property.mapper';

// property.xsd: the answer names its subject in <subject>, the not-found detail in <notFound>.
const answerSubject = {
  data: { fin: ['subject', 'fin'], voen: ['subject', 'voen'] },
  notFound: { fin: ['notFound', 'fin'], voen: ['notFound', 'voen'] },
} as const;

export const adapter: SoapAdapterDescriptor = {
  provider: 'property',
  protocol: 'soap',
  wsdl: upstreamPath('property', 'property.wsdl'),
  operations: [
    {
      name: 'getRealEstateRights',
      serviceCode: 'getRealEstateRights',
      serviceVersion: 'v1',
      namespace: PROPERTY_NS,
      soapAction: `${PROPERTY_NS}/getRealEstateRights`,
      responseElement: 'getRealEstateRightsResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['rights', 'registryNumber', 'cadastralNumber', 'address'],
      modelSchema: modelSchemaPath('property', 'getRealEstateRights'),
      buildRequest: buildGetRealEstateRights,
      answerSubject,
      mapResponse: mapGetRealEstateRightsResponse,
    },
    {
      name: 'getEncumbrances',
      serviceCode: 'getEncumbrances',
      serviceVersion: 'v1',
      namespace: PROPERTY_NS,
      soapAction: `${PROPERTY_NS}/getEncumbrances`,
      responseElement: 'getEncumbrancesResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['encumbrances', 'property', 'registryNumber', 'cadastralNumber', 'address', 'holder', 'basis'],
      modelSchema: modelSchemaPath('property', 'getEncumbrances'),
      buildRequest: buildGetEncumbrances,
      answerSubject,
      mapResponse: mapGetEncumbrancesResponse,
    },
  ],
  // Fault codes of property.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
