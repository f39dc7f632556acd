/**
 * National Depository Centre over EHİS SOAP (contracts/registries/securities/upstream/
 * securities.wsdl): getSecurities (statute 11.2.19, a commercial secret asked on a court decision
 * in legal force), by FIN or VÖEN.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetSecurities, mapGetSecuritiesResponse, SECURITIES_NS } from './securities.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'securities',
  protocol: 'soap',
  wsdl: upstreamPath('securities', 'securities.wsdl'),
  operations: [
    {
      name: 'getSecurities',
      serviceCode: 'getSecurities',
      serviceVersion: 'v1',
      namespace: SECURITIES_NS,
      soapAction: `${SECURITIES_NS}/getSecurities`,
      responseElement: 'getSecuritiesResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['custodyAccount', 'holdings'],
      modelSchema: modelSchemaPath('securities', 'getSecurities'),
      buildRequest: buildGetSecurities,
      // securities.xsd: the answer names its subject in <subject>, the not-found detail in <notFound>.
      answerSubject: {
        data: { fin: ['subject', 'fin'], voen: ['subject', 'voen'] },
        notFound: { fin: ['notFound', 'fin'], voen: ['notFound', 'voen'] },
      },
      mapResponse: mapGetSecuritiesResponse,
    },
  ],
  // Fault codes of securities.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
