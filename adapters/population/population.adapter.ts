/**
 * Population register (statute 11.2.22) over EHİS SOAP: getPerson(fin) → person, civil status,
 * identity document (contracts/registries/README.md, population.wsdl).
 */
import { modelSchemaPath, upstreamPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { soapFaults } from '../kit/fault-tables';
import { buildGetPerson, mapGetPersonResponse, POPULATION_NS } from './population.mapper';

export const adapter: SoapAdapterDescriptor = {
  provider: 'population',
  protocol: 'soap',
  wsdl: upstreamPath('population', 'population.wsdl'),
  operations: [
    {
      name: 'getPerson',
      serviceCode: 'getPerson',
      serviceVersion: 'v1',
      namespace: POPULATION_NS,
      soapAction: 'http://population.gov.az/xroad/v1/getPerson',
      responseElement: 'getPersonResponse',
      subjects: ['fin'],
      idempotent: true,
      personalData: ['fin', 'surname', 'givenName', 'patronymic', 'birthDate', 'address', 'identityDocument'],
      modelSchema: modelSchemaPath('population', 'getPerson'),
      buildRequest: buildGetPerson,
      // population.xsd: getPersonResponse/person/fin; the Server.NotFound fault's detail/notFound/fin.
      answerSubject: { data: { fin: ['person', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } },
      mapResponse: mapGetPersonResponse,
    },
  ],
  // Fault codes of population.wsdl (getPerson documentation): the EHİS defaults.
  faults: soapFaults(),
};
