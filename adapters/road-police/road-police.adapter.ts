/**
 * Road police registers over EHİS SOAP (contracts/registries/road-police/upstream/road-police.wsdl):
 * getVehicles (statute 11.2.8) by FIN or VÖEN — plate, VIN, make, model, year, colour, registration,
 * encumbrances with holder and basis; getDrivingLicences (statute 11.2.9) by FIN — categories,
 * validity, status, suspension basis. Data only.
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import {
  buildGetDrivingLicences, buildGetVehicles, mapGetDrivingLicencesResponse, mapGetVehiclesResponse, ROAD_POLICE_NS,
} from './road-police.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'road-police',
  protocol: 'soap',
  wsdl: upstreamPath('road-police', 'road-police.wsdl'),
  operations: [
    {
      name: 'getVehicles',
      serviceCode: 'getVehicles',
      serviceVersion: 'v1',
      namespace: ROAD_POLICE_NS,
      soapAction: `${ROAD_POLICE_NS}/getVehicles`,
      responseElement: 'getVehiclesResponse',
      subjects: ['fin', 'voen'],
      idempotent: true,
      personalData: ['fin', 'vehicles'],
      modelSchema: modelSchemaPath('road-police', 'getVehicles'),
      buildRequest: buildGetVehicles,
      // road-police.xsd: getVehiclesResponse/subject/(fin|voen); the Server.NotFound fault's detail/notFound/(fin|voen).
      answerSubject: {
        data: { fin: ['subject', 'fin'], voen: ['subject', 'voen'] },
        notFound: { fin: ['notFound', 'fin'], voen: ['notFound', 'voen'] },
      },
      mapResponse: mapGetVehiclesResponse,
    },
    {
      name: 'getDrivingLicences',
      serviceCode: 'getDrivingLicences',
      serviceVersion: 'v1',
      namespace: ROAD_POLICE_NS,
      soapAction: `${ROAD_POLICE_NS}/getDrivingLicences`,
      responseElement: 'getDrivingLicencesResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'licences'],
      modelSchema: modelSchemaPath('road-police', 'getDrivingLicences'),
      buildRequest: buildGetDrivingLicences,
      // road-police.xsd: getDrivingLicencesResponse/subject/fin; the Server.NotFound fault's detail/notFound/fin.
      answerSubject: { data: { fin: ['subject', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } },
      mapResponse: mapGetDrivingLicencesResponse,
    },
  ],
  // Fault codes of road-police.wsdl (operation documentation): the EHİS defaults.
  faults: soapFaults(),
};
