/**
 * Internal affairs register of the Ministry of Internal Affairs over EHİS SOAP (contracts/
 * registries/police/upstream/police.wsdl): getCriminalRecords (statute 11.2.7) by FIN — wanted
 * status, criminal cases, convictions, unpaid administrative fines. Data only.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetCriminalRecords, mapGetCriminalRecordsResponse, POLICE_NS } from './police.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'police',
  protocol: 'soap',
  wsdl: upstreamPath('police', 'police.wsdl'),
  operations: [
    {
      name: 'getCriminalRecords',
      serviceCode: 'getCriminalRecords',
      serviceVersion: 'v1',
      namespace: POLICE_NS,
      soapAction: `${POLICE_NS}/getCriminalRecords`,
      responseElement: 'getCriminalRecordsResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'wanted', 'criminalCases', 'convictions', 'unpaidFines', 'unpaidFinesTotal'],
      modelSchema: modelSchemaPath('police', 'getCriminalRecords'),
      buildRequest: buildGetCriminalRecords,
      // police.xsd: getCriminalRecordsResponse/subject/fin; the Server.NotFound fault's detail/notFound/fin.
      answerSubject: { data: { fin: ['subject', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } },
      mapResponse: mapGetCriminalRecordsResponse,
    },
  ],
  // Fault codes of police.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
