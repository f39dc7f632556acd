/**
 * startMocks: both agencies on free ports, faults per agency at run time, a clean stop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sample } from '../../../contracts/registries/samples';
import { startMocks } from '../../../mocks';
import { send } from '../../contract/support/http-client';

const phoneOk = sample('phone', 'getPhoneNumbers__ok');
const popOk = sample('population', 'getPerson__ok');

describe('startMocks', () => {
  it('Port 0 for every agency, population faulted by the env form. Result: a URL each; only population fails; stop closes them', async () => {
    const mocks = await startMocks({ faults: { population: 'errorRate=1' } });
    try {
      expect(mocks.urls.population).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/population$/);
      expect(mocks.urls.phone).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const pop = await send(mocks.urls.population, { method: 'POST', headers: popOk.request.headers, body: popOk.request.body });
      expect(pop.body.toString()).toContain('Server.InternalError');
      const phone = await send(mocks.urls.phone + phoneOk.request.path, { headers: phoneOk.request.headers });
      expect(phone.status).toBe(200);

      await mocks.setFaults('phone', { errorRate: 1 });
      await mocks.setFaults('population', {});
      expect((await send(mocks.urls.phone + phoneOk.request.path, { headers: phoneOk.request.headers })).status).toBe(500);
      expect((await send(mocks.urls.population, { method: 'POST', headers: popOk.request.headers, body: popOk.request.body })).status).toBe(200);
    } finally {
      await mocks.stop();
    }
    expect((await send(mocks.urls.phone + phoneOk.request.path)).error?.code).toBe('ECONNREFUSED');
    expect((await send(mocks.urls.population)).error?.code).toBe('ECONNREFUSED');
  });

  it('An invalid fault option. Result: start-up fails listing it, and no agency is left listening', async () => {
    await expect(startMocks({ faults: { phone: 'errorRate=3' } })).rejects.toThrow(/errorRate must be a number in \[0, 1\]/);
  });

  it('The phone port is already taken. Result: start-up fails with EADDRINUSE', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startMocks({ ports: { phone: port } })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
