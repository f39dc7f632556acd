import net from 'node:net';
import { HubError } from '../../../contracts/hub';
import { loadConfig } from '../../../bus/config';
import { startHub } from '../../../bus/compose';
import { listenError } from '../../../bus/http-server';
import { freePort } from '../../support/ports';

/**
 * The start-up deadline is set to ten minutes here: if a busy port were noticed only at the
 * deadline again, this test would run into jest's timeout instead of passing.
 */
describe('Start-up on a busy port', () => {
  let blocker: net.Server;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => { await new Promise((r) => blocker.close(r)); });

  it('Another process holds PORT when the gateway starts. Result: start-up fails at once with HUB_ERR_CONFIG_PORT_IN_USE naming the port and the variable PORT; the port stays with its owner', async () => {
    let err: unknown;
    try {
      await startHub(loadConfig({
        SERVICES: 'gateway', MOCKS: '0', PORT: String(port), HOST: '127.0.0.1', TRANSPORTER_CONNECT_TIMEOUT_MS: '600000',
        PKI_DIR: process.env.TEST_PKI_DIR, DATA_DIR: process.env.TEST_PKI_DIR, LOG_LEVEL: 'fatal',
      }));
    } catch (e) { err = e; }
    expect(HubError.is(err, 'HUB_ERR_CONFIG_PORT_IN_USE')).toBe(true);
    expect((err as HubError).message).toBe(`Port ${port} on 127.0.0.1 is already in use by another process: stop that process or set PORT to a free port`);
    expect((err as HubError).category).toBe('config');
    expect(blocker.listening).toBe(true);
  });

  it.each([
    ['EACCES', 80, /set PORT to 1024 or above/],
    ['EADDRNOTAVAIL', 8080, /10\.9\.9\.9 is not an address of this machine: set HOST/],
    ['EINVAL', 8080, /could not listen on 10\.9\.9\.9:8080 \(EINVAL\): check PORT and HOST/],
  ])('Listening fails with %s. Result: HUB_ERR_CONFIG_INVALID naming the variable to change', (code, p, message) => {
    const e = listenError(Object.assign(new Error(code), { code }), p, '10.9.9.9');
    expect(e.code).toBe('HUB_ERR_CONFIG_INVALID');
    expect(e.message).toMatch(message);
  });
});
