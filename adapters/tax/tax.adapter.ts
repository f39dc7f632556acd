/**
 * Tax register of the State Tax Service over EHİS SOAP (contracts/registries/tax/upstream/tax.wsdl):
 * getTaxpayer (statute 11.2.1) and getTaxAudits (statute 11.2.2, tax secret), each by VÖEN or FIN.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetTaxAudits, buildGetTaxpayer, mapGetTaxAuditsResponse, mapGetTaxpayerResponse, TAX_NS } from './tax.mapper';

// tax.xsd: the subject is named in the record's subject element and in the not-found detail.
const notFound = { fin: ['notFound', 'fin'], voen: ['notFound', 'voen'] } as const;

export const adapter: SoapAdapterDescriptor = {
  provider: 'tax',
  protocol: 'soap',
  wsdl: upstreamPath('tax', 'tax.wsdl'),
  operations: [
    {
      name: 'getTaxpayer',
      serviceCode: 'getTaxpayer',
      serviceVersion: 'v1',
      namespace: TAX_NS,
      soapAction: `${TAX_NS}/getTaxpayer`,
      responseElement: 'getTaxpayerResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'name', 'director', 'founders', 'legalAddress'],
      modelSchema: modelSchemaPath('tax', 'getTaxpayer'),
      buildRequest: buildGetTaxpayer,
      answerSubject: {
        data: { fin: ['taxpayerRecord', 'subject', 'fin'], voen: ['taxpayerRecord', 'subject', 'voen'] },
        notFound,
      },
      mapResponse: mapGetTaxpayerResponse,
    },
    {
      name: 'getTaxAudits',
      serviceCode: 'getTaxAudits',
      serviceVersion: 'v1',
      namespace: TAX_NS,
      soapAction: `${TAX_NS}/getTaxAudits`,
      responseElement: 'getTaxAuditsResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'audits'],
      modelSchema: modelSchemaPath('tax', 'getTaxAudits'),
      buildRequest: buildGetTaxAudits,
      answerSubject: {
        data: { fin: ['taxAudits', 'subject', 'fin'], voen: ['taxAudits', 'subject', 'voen'] },
        notFound,
      },
      mapResponse: mapGetTaxAuditsResponse,
    },
  ],
  // Fault codes of tax.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
