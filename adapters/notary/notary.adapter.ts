/**
 * "Elektron notariat" over EHİS SOAP (contracts/registries/notary/upstream/notary.wsdl):
 * getNotarialActs (statute 11.2.26), by FIN or VÖEN.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetNotarialActs, mapGetNotarialActsResponse, NOTARY_NS } from './notary.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'notary',
  protocol: 'soap',
  wsdl: upstreamPath('notary', 'notary.wsdl'),
  operations: [
    {
      name: 'getNotarialActs',
      serviceCode: 'getNotarialActs',
      serviceVersion: 'v1',
      namespace: NOTARY_NS,
      soapAction: `${NOTARY_NS}/getNotarialActs`,
      responseElement: 'getNotarialActsResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['acts', 'otherParties', 'name', 'object'],
      modelSchema: modelSchemaPath('notary', 'getNotarialActs'),
      buildRequest: buildGetNotarialActs,
      // notary.xsd: the answer names its subject in <subject>, the not-found detail in <notFound>.
      answerSubject: {
        data: { fin: ['subject', 'fin'], voen: ['subject', 'voen'] },
        notFound: { fin: ['notFound', 'fin'], voen: ['notFound', 'voen'] },
      },
      mapResponse: mapGetNotarialActsResponse,
    },
  ],
  // Fault codes of notary.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
