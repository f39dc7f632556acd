/**
 * Contract: every registry module's mock agency answers every golden request of its module with the
 * golden response's content, over real HTTP. Compared: status, content type, X-Road header echo and
 * the payload (namespace-aware for XML, deep-equal for JSON); ignored: prefixes, indentation and
 * signatures (added on the fly).
 */
import { readFileSync } from 'node:fs';
import { REGISTRY_MODULES } from '../../contracts/registries/modules';
import { upstreamPath } from '../../contracts/registries/paths';
import { loadSamples, type Sample } from '../../contracts/registries/samples';
import { agencyModules, type RunningMocks, startMocks } from '../../mocks';
import { send } from './support/http-client';
import { soapParts } from './support/xml-tree';

let mocks: RunningMocks;

beforeAll(async () => {
  mocks = await startMocks({ host: '127.0.0.1' });
});
afterAll(() => mocks.stop());

async function ask(s: Sample) {
  await mocks.setFaults(s.provider, (s.meta.mockFaults ?? {}) as never);
  const origin = new URL(mocks.urls[s.provider]).origin;
  return send(origin + s.request.path, { method: s.request.method, headers: s.request.headers, body: s.request.body });
}

describe.each(agencyModules().map((m) => [m.id, m] as const))('mock agency %s answers its golden requests', (id, m) => {
  it.each(loadSamples(id).map((s) => [s.id, s] as const))('%s', async (_id, s) => {
    const res = await ask(s);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(s.meta.response.status);
    if (m.protocol === 'soap') {
      expect(res.headers['content-type']).toBe(s.meta.response.headers['Content-Type']);
      const got = soapParts(res.body.toString('utf8'));
      const want = soapParts(s.response);
      expect(got.headers).toEqual(want.headers);
      expect(got.body).toEqual(want.body);
    } else {
      for (const [name, value] of Object.entries(s.meta.response.headers)) expect(res.headers[name.toLowerCase()]).toBe(value);
      expect(JSON.parse(res.body.toString('utf8'))).toEqual(JSON.parse(s.response));
    }
  });

  if (m.protocol === 'soap') {
    it(`GET ?wsdl serves ${id}.wsdl byte for byte`, async () => {
      const res = await send(`${mocks.urls[id]}?wsdl`);
      expect(res.status).toBe(200);
      expect(res.body.equals(readFileSync(upstreamPath(id, `${id}.wsdl`)))).toBe(true);
    });
  }
});

test('every registry module has a mock agency', () => {
  expect(agencyModules().map((m) => m.id)).toEqual([...REGISTRY_MODULES]);
});
