import fs from 'node:fs';
import path from 'node:path';
import { HubError } from '../../../contracts/hub';
import { CONFIG_KEYS, loadConfig } from '../../../bus/config';

describe('Configuration', () => {
  test('Nothing is set. Result: the embedded default — one process, in-process bus, mocks on, port 8080', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, transporter: null, mocks: true, services: ['gateway', 'core', 'adapters', 'mocks'] });
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('A process of a cluster runs only the adapters on NATS', () => {
    const c = loadConfig({ SERVICES: 'adapters', TRANSPORTER: 'nats://127.0.0.1:4222' });
    expect(c.services).toEqual(['adapters']);
    expect(c.mocks).toBe(false);
  });

  test('Several settings are wrong. Result: HUB_ERR_CONFIG_INVALID naming every one of them', () => {
    let err: any;
    try { loadConfig({ PORT: 'eighty', TRANSPORTER: 'redis://x', SERVICES: 'gateway,kitchen', LOG_LEVEL: 'loud' }); } catch (e) { err = e; }
    expect(HubError.is(err, 'HUB_ERR_CONFIG_INVALID')).toBe(true);
    const v: string[] = err.details.violations;
    for (const key of ['PORT', 'TRANSPORTER', 'SERVICES', 'LOG_LEVEL']) expect(v.some((s) => s.startsWith(key))).toBe(true);
  });

  test('Every configuration key is documented in README.md', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../README.md'), 'utf8');
    for (const key of Object.keys(CONFIG_KEYS)) expect(readme).toContain(`\`${key}\``);
  });
});
