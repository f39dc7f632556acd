/**
 * Penitentiary service over EHİS SOAP (contracts/registries/penitentiary/upstream/penitentiary.wsdl):
 * getDetentionStatus (statute 11.2.24) by FIN — held now or not, facility, kind, since, planned
 * release, the court decision it rests on, past detentions. Data only.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetDetentionStatus, mapGetDetentionStatusResponse, PENITENTIARY_NS } from './penitentiary.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'penitentiary',
  protocol: 'soap',
  wsdl: upstreamPath('penitentiary', 'penitentiary.wsdl'),
  operations: [
    {
      name: 'getDetentionStatus',
      serviceCode: 'getDetentionStatus',
      serviceVersion: 'v1',
      namespace: PENITENTIARY_NS,
      soapAction: `${PENITENTIARY_NS}/getDetentionStatus`,
      responseElement: 'getDetentionStatusResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'heldNow', 'current', 'history'],
      modelSchema: modelSchemaPath('penitentiary', 'getDetentionStatus'),
      buildRequest: buildGetDetentionStatus,
      // penitentiary.xsd: getDetentionStatusResponse/subject/fin; the Server.NotFound fault's detail/notFound/fin.
      answerSubject: { data: { fin: ['subject', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } },
      mapResponse: mapGetDetentionStatusResponse,
    },
  ],
  // Fault codes of penitentiary.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
