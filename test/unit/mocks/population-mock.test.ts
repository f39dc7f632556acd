/**
 * The mock population register as a SOAP service: node-soap interop, X-Road header rules and the
 * protocol faults of contracts/registries/README.md, over real HTTP.
 */
import { createHash } from 'node:crypto';
import * as soap from 'soap';
import { upstreamPath } from '../../../contracts/registries/paths';
import { sample } from '../../../contracts/registries/samples';
import { type MockAgency, loadAgency } from '../../../mocks';
import { send } from '../../contract/support/http-client';
import { soapParts, treeToJson } from '../../contract/support/xml-tree';

const ok = sample('population', 'getPerson__ok');
let agency: MockAgency;

beforeAll(async () => {
  agency = await loadAgency('population').start();
});
afterAll(() => agency.stop());

function post(body: string) {
  return send(agency.url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body });
}

function faultOf(xml: Buffer): { faultcode: string; faultstring: string } {
  return treeToJson(soapParts(xml.toString('utf8')).body.children[0]) as { faultcode: string; faultstring: string };
}

describe('mock population register (SOAP)', () => {
  it('A node-soap client built from population.wsdl calls getPerson for 1AB2C3D with the X-Road headers. Result: the person', async () => {
    const client = await soap.createClientAsync(upstreamPath('population', 'population.wsdl'), { endpoint: agency.url });
    const header = ok.request.body!.slice(ok.request.body!.indexOf('<xrd:client'), ok.request.body!.indexOf('</SOAP-ENV:Header>'));
    client.addSoapHeader(header.replace(/<xrd:(\w+) /g, '<xrd:$1 xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers" xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd" '));
    const [result] = await client.getPersonAsync({ fin: '1AB2C3D' });
    expect(result.person).toMatchObject({ fin: '1AB2C3D', surname: 'Həsənova', givenName: 'Leyla', patronymic: 'Həsən qızı' });
  });

  it('A fault answer. Result: it echoes the X-Road headers and the request hash too, so a signed "not found" is bound to its request', async () => {
    const request = ok.request.body!.replace('>5ZK8F3R<', '>7ZZ4QX0<');
    const res = await post(request);
    expect(res.status).toBe(500);
    expect(faultOf(res.body).faultcode).toBe('SOAP-ENV:Server.NotFound');
    const { headers } = soapParts(res.body.toString());
    expect(headers.map((h) => h.name.split('}')[1])).toEqual(['client', 'service', 'id', 'userId', 'issue', 'protocolVersion', 'requestHash']);
    expect(headers[6].text).toBe(createHash('sha256').update(request).digest('base64'));
    expect(headers[6].attrs['{}algorithmId']).toBe('http://www.w3.org/2001/04/xmlenc#sha256');
  });

  it('A person the register does not hold. Result: Server.NotFound whose detail names the FIN asked (population.xsd notFound)', async () => {
    const res = await post(ok.request.body!.replace('>5ZK8F3R<', '>7ZZ4QX0<'));
    const fault = soapParts(res.body.toString()).body.children[0];
    expect(treeToJson(fault)).toMatchObject({ detail: { notFound: { fin: '7ZZ4QX0' } } });
  });

  it('A fault string never carries the FIN asked about (no personal data in errors)', async () => {
    const res = await post(ok.request.body!.replace('>5ZK8F3R<', '>7ZZ4QX0<'));
    expect(faultOf(res.body).faultstring).not.toContain('7ZZ4QX0');
  });

  it('Hub omits the required X-Road header client. Result: Client.InvalidRequest naming it', async () => {
    const body = ok.request.body!.replace(/<xrd:client[\s\S]*?<\/xrd:client>/, '');
    const fault = faultOf((await post(body)).body);
    expect(fault.faultcode).toBe('SOAP-ENV:Client.InvalidRequest');
    expect(fault.faultstring).toBe('Missing X-Road header: client');
  });

  it('A request with a DOCTYPE (entity expansion attempt). Result: Client.InvalidRequest, nothing expanded', async () => {
    const body = `<!DOCTYPE x [<!ENTITY e "boom">]>${ok.request.body!.replace('>5ZK8F3R<', '>&e;<')}`;
    const res = await post(body);
    expect(faultOf(res.body).faultcode).toBe('SOAP-ENV:Client.InvalidRequest');
    expect(res.body.toString()).not.toContain('boom');
  });

  it('A request that is not well-formed XML. Result: Client.InvalidRequest', async () => {
    const res = await post(ok.request.body!.slice(0, 300));
    expect(res.status).toBe(500);
    expect(faultOf(res.body).faultcode).toBe('SOAP-ENV:Client.InvalidRequest');
  });

  it('An operation the WSDL does not define. Result: Client.InvalidRequest', async () => {
    const body = ok.request.body!.replace(/getPerson/g, 'getEverything');
    expect(faultOf((await post(body)).body).faultcode).toBe('SOAP-ENV:Client.InvalidRequest');
  });

  it('The answer marks the Body, each echoed header and the request hash with the wsu:Id the agency signature references', async () => {
    const { headers, body } = soapParts((await post(ok.request.body!)).body.toString());
    const wsuId = '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}Id';
    expect(headers.map((h) => h.attrs[wsuId])).toEqual(['xrd-client', 'xrd-service', 'xrd-id', 'xrd-userId', 'xrd-issue', 'xrd-protocolVersion', 'xrd-requestHash']);
    expect(body.attrs[wsuId]).toBe('body');
  });

  it('GET on the endpoint without ?wsdl. Result: 404 with a hint, server stays up', async () => {
    const res = await send(agency.url);
    expect(res.status).toBe(404);
    expect((await post(ok.request.body!)).status).toBe(200);
  });
});
