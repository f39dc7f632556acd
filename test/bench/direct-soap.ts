import path from 'node:path';
import * as soap from 'soap';
import { createRootCa } from '../../signing/test-ca';

const WSDL = path.join(__dirname, '../../../contracts/registries/population/upstream/population.wsdl');

/**
 * The baseline: a bare signed node-soap getPerson (WS-Security by node-soap's WSSecurityCert), what
 * a team would write without the hub. xml-crypto signs with RSA only, so it gets an RSA-2048 key.
 */
export async function directGetPerson(endpoint: string, fin: string): Promise<() => Promise<unknown>> {
  const rsa = await createRootCa({ subject: { commonName: 'court-hub bench baseline (TEST)', organization: 'Court Hub TEST', country: 'AZ' }, keyType: 'rsa' });
  const client = await soap.createClientAsync(WSDL, { endpoint });
  client.setSecurity(new soap.WSSecurityCert(rsa.keyPem, rsa.certPem, '', {
    hasTimeStamp: true,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    signerOptions: { idMode: 'wssecurity' },
  }));
  let n = 0;
  const X = 'xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers"';
  const xroadHeaders = () => [
    `<xrd:client ${X} id:objectType="SUBSYSTEM"><id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>1400000001</id:memberCode><id:subsystemCode>court-hub</id:subsystemCode></xrd:client>`,
    `<xrd:service ${X} id:objectType="SERVICE"><id:xRoadInstance>AZ</id:xRoadInstance><id:memberClass>GOV</id:memberClass><id:memberCode>1700000022</id:memberCode><id:subsystemCode>population</id:subsystemCode><id:serviceCode>getPerson</id:serviceCode><id:serviceVersion>v1</id:serviceVersion></xrd:service>`,
    `<xrd:id ${X}>bench-${process.pid}-${++n}</xrd:id>`,
    `<xrd:userId ${X}>AZ-FIN-2JD4K7M</xrd:userId>`,
    `<xrd:issue ${X}>2(101)-1234/2026</xrd:issue>`,
    `<xrd:protocolVersion ${X}>4.0</xrd:protocolVersion>`,
  ];
  // node-soap keeps the headers on the client: set and send in one synchronous step per call.
  return () => {
    client.clearSoapHeaders();
    for (const h of xroadHeaders()) client.addSoapHeader(h);
    return client.getPersonAsync({ fin });
  };
}
