/**
 * The mock telecom register as a REST service per phone.openapi.json, over real HTTP.
 */
import { sample } from '../../../contracts/registries/samples';
import { type MockAgency, loadAgency } from '../../../mocks';
import { send } from '../../contract/support/http-client';

const ok = sample('phone', 'getPhoneNumbers__ok');
let agency: MockAgency;

beforeAll(async () => {
  agency = await loadAgency('phone').start();
});
afterAll(() => agency.stop());

describe('mock telecom register (REST)', () => {
  it('A path outside the contract. Result: 404 text/plain, never a problem "not-found" (a typo must not read as "no numbers")', async () => {
    const res = await send(`${agency.url}/v1/person/5ZK8F3R/phone-numbers`, { headers: ok.request.headers });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('POST on the operation. Result: 405 with Allow: GET', async () => {
    const res = await send(agency.url + ok.request.path, { method: 'POST', headers: ok.request.headers, body: '{}' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });

  it('Hub omits X-Road-Client. Result: 400 problem bad-request', async () => {
    const { 'X-Road-Client': _omitted, ...headers } = ok.request.headers;
    const res = await send(agency.url + ok.request.path, { headers });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body.toString())).toMatchObject({ type: 'https://phone.gov.az/problems/bad-request', detail: 'missing X-Road-Client header' });
  });

  it('Hub sends no X-Road-Id. Result: the register generates one and returns it', async () => {
    const { 'X-Road-Id': _omitted, ...headers } = ok.request.headers;
    const res = await send(agency.url + ok.request.path, { headers });
    expect(res.status).toBe(200);
    expect(res.headers['x-road-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('The answer echoes X-Road-Client, X-Road-UserId and X-Road-Issue', async () => {
    const res = await send(agency.url + ok.request.path, { headers: ok.request.headers });
    expect(res.headers['x-road-client']).toBe(ok.request.headers['X-Road-Client']);
    expect(res.headers['x-road-userid']).toBe(ok.request.headers['X-Road-UserId']);
    expect(res.headers['x-road-issue']).toBe(ok.request.headers['X-Road-Issue']);
  });

  it('A percent-encoded FIN with a bad escape. Result: 400 problem, server stays up', async () => {
    const res = await send(`${agency.url}/v1/persons/%E0%A4%A/phone-numbers`, { headers: ok.request.headers });
    expect(res.status).toBe(400);
    expect((await send(agency.url + ok.request.path, { headers: ok.request.headers })).status).toBe(200);
  });

  it('A person without numbers. Result: 404 not-found naming the FIN in its subject member and the X-Road-Id it answers; the detail text never carries the FIN', async () => {
    const res = await send(`${agency.url}/v1/persons/7ZZ4QX9/phone-numbers`, { headers: ok.request.headers });
    expect(res.status).toBe(404);
    const p = JSON.parse(res.body.toString());
    expect(p).toMatchObject({ type: 'https://phone.gov.az/problems/not-found', subject: { fin: '7ZZ4QX9' }, xRoadId: ok.request.headers['X-Road-Id'] });
    expect(p.detail).not.toContain('7ZZ4QX9');
  });
});
