/**
 * Contract: the mock agencies answer every golden request with the golden response's content, over
 * real HTTP. Compared: status, content type, X-Road header echo and the payload (namespace-aware
 * for XML, deep-equal for JSON); ignored: prefixes, indentation and signatures (added on the fly).
 */
import { readFileSync } from 'node:fs';
import { populationWsdlPath } from '../../contracts/registries/paths';
import { loadSamples, type Sample } from '../../contracts/registries/samples';
import { type RunningMocks, startMocks } from '../../mocks';
import { send } from './support/http-client';
import { soapParts } from './support/xml-tree';

let mocks: RunningMocks;

beforeAll(async () => {
  mocks = await startMocks({ host: '127.0.0.1' });
});
afterAll(() => mocks.stop());

async function ask(s: Sample) {
  const provider = s.provider;
  await mocks.setFaults(provider, (s.meta.mockFaults ?? {}) as never);
  const base = provider === 'population' ? mocks.urls.population.replace(/\/population$/, '') : mocks.urls.phone;
  return send(base + s.request.path, { method: s.request.method, headers: s.request.headers, body: s.request.body });
}

describe('mock population register answers the golden requests', () => {
  it.each(loadSamples('population').map((s) => [s.id, s] as const))('%s', async (_id, s) => {
    const res = await ask(s);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(s.meta.response.status);
    expect(res.headers['content-type']).toBe(s.meta.response.headers['Content-Type']);
    const got = soapParts(res.body.toString('utf8'));
    const want = soapParts(s.response);
    expect(got.headers).toEqual(want.headers);
    expect(got.body).toEqual(want.body);
  });

  it('GET ?wsdl serves population.wsdl byte for byte', async () => {
    const res = await send(`${mocks.urls.population}?wsdl`);
    expect(res.status).toBe(200);
    expect(res.body.equals(readFileSync(populationWsdlPath()))).toBe(true);
  });
});

describe('mock telecom register answers the golden requests', () => {
  it.each(loadSamples('phone').map((s) => [s.id, s] as const))('%s', async (_id, s) => {
    const res = await ask(s);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(s.meta.response.status);
    for (const [name, value] of Object.entries(s.meta.response.headers)) expect(res.headers[name.toLowerCase()]).toBe(value);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual(JSON.parse(s.response));
  });
});
