/**
 * Border and migration service over EHİS SOAP (contracts/registries/migration/upstream/migration.wsdl):
 * getBorderCrossings (statute 11.2.10) and getTravelBans (statute 11.2.11), by FIN. Data only.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import {
  buildGetBorderCrossings, buildGetTravelBans, mapGetBorderCrossingsResponse, mapGetTravelBansResponse, MIGRATION_NS,
} from './migration.mapper';

// migration.xsd: the answer names its subject in subject/fin, the Server.NotFound fault in detail/notFound/fin.
const answerSubject = { data: { fin: ['subject', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } };

export const adapter: SoapAdapterDescriptor = {
  provider: 'migration',
  protocol: 'soap',
  wsdl: upstreamPath('migration', 'migration.wsdl'),
  operations: [
    {
      name: 'getBorderCrossings',
      serviceCode: 'getBorderCrossings',
      serviceVersion: 'v1',
      namespace: MIGRATION_NS,
      soapAction: `${MIGRATION_NS}/getBorderCrossings`,
      responseElement: 'getBorderCrossingsResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'crossings'],
      modelSchema: modelSchemaPath('migration', 'getBorderCrossings'),
      buildRequest: buildGetBorderCrossings,
      answerSubject,
      mapResponse: mapGetBorderCrossingsResponse,
    },
    {
      name: 'getTravelBans',
      serviceCode: 'getTravelBans',
      serviceVersion: 'v1',
      namespace: MIGRATION_NS,
      soapAction: `${MIGRATION_NS}/getTravelBans`,
      responseElement: 'getTravelBansResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'barred', 'bans'],
      modelSchema: modelSchemaPath('migration', 'getTravelBans'),
      buildRequest: buildGetTravelBans,
      answerSubject,
      mapResponse: mapGetTravelBansResponse,
    },
  ],
  // Fault codes of migration.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
