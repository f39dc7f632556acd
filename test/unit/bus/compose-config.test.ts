import { HubError } from '../../../contracts/hub';
import { loadConfig } from '../../../bus/config';
import { startHub } from '../../../bus/compose';

describe('Hub start-up configuration', () => {
  test('An adapters node starts without mock agencies and without registry URLs. Result: HUB_ERR_CONFIG_INVALID naming each missing variable; nothing keeps running', async () => {
    let err: unknown;
    try {
      await startHub(loadConfig({ SERVICES: 'adapters', MOCKS: '0', PKI_DIR: process.env.TEST_PKI_DIR, DATA_DIR: process.env.TEST_PKI_DIR, LOG_LEVEL: 'fatal' }));
    } catch (e) { err = e; }
    expect(HubError.is(err, 'HUB_ERR_CONFIG_INVALID')).toBe(true);
    expect((err as HubError).message).toContain('PROVIDER_POPULATION_URL');
    expect((err as HubError).message).toContain('PROVIDER_PHONE_URL');
  });
});
