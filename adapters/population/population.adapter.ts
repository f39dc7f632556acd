/**
 * Population register (statute 11.2.22) over EHİS SOAP: getPerson(fin) → person, civil status,
 * identity document (contracts/registries/README.md, population.wsdl). Data only (STYLE.md rule 1).
 */
import { modelSchemaPath, populationWsdlPath } from '../../contracts/registries/paths';
import type { SoapAdapterDescriptor } from '../kit/descriptor';
import { buildGetPerson, mapGetPersonResponse, POPULATION_NS } from './population.mapper';

export const populationAdapter: SoapAdapterDescriptor = {
  provider: 'population',
  protocol: 'soap',
  wsdl: populationWsdlPath(),
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
      modelSchema: modelSchemaPath('population'),
      buildRequest: buildGetPerson,
      // population.xsd: getPersonResponse/person/fin; the Server.NotFound fault's detail/notFound/fin.
      answerSubject: { data: { fin: ['person', 'fin'] }, notFound: { fin: ['notFound', 'fin'] } },
      mapResponse: mapGetPersonResponse,
    },
  ],
  // Fault codes of population.wsdl (getPerson documentation) and the X-Road security server.
  faults: [
    { soapFaultCode: 'Server.NotFound', result: 'not-found' },
    { soapFaultCode: 'Client.InvalidRequest', result: 'HUB_ERR_UPSTREAM_REJECTED' },
    { soapFaultCode: 'Client.InvalidSignature', result: 'HUB_ERR_UPSTREAM_REJECTED' },
    { soapFaultCode: 'Server.Unavailable', result: 'HUB_ERR_UPSTREAM_UNAVAILABLE' },
    { soapFaultCode: 'Server.InternalError', result: 'HUB_ERR_UPSTREAM_SERVER_ERROR' },
    { soapFaultCode: 'Server.ServerProxy.AccessDenied', result: 'HUB_ERR_UPSTREAM_ACCESS_DENIED' },
    { soapFaultCode: 'Client.AccessDenied', result: 'HUB_ERR_UPSTREAM_ACCESS_DENIED' },
  ],
};
