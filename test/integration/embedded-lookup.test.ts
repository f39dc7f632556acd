import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { freePort } from '../support/ports';

/**
 * The embedded default, as `npm start` runs it: one process, in-process bus, its own PostgreSQL
 * server in DATA_DIR, the mock agencies signing their answers with their agency certificates, the
 * hub verifying every answer.
 */
describe('Embedded hub: lookup through the real adapters and mock agencies', () => {
  let hub: RunningHub;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-embedded-'));

  beforeAll(async () => {
    // No DATABASE_URL: the hub starts its own PostgreSQL in DATA_DIR.
    hub = await startHub(loadConfig({ DATA_DIR: dataDir, PKI_DIR: process.env.TEST_PKI_DIR, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'fatal' }));
  }, 120_000);
  afterAll(async () => { await hub?.stop(); fs.rmSync(dataDir, { recursive: true, force: true }); });

  const ask = (categories: string[], fin = '5ZK8F3R') => hub.broker.call<any, any>('lookups.run', {
    subject: { fin }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M',
  });

  test('Judge asks for a party in the population and phone registers. Result: both ok, data mapped, answers signed and kept for evidence', async () => {
    const r = await ask(['11.2.22', '11.2.3']);
    const [pop, phone] = r.outcomes;
    expect(pop).toMatchObject({ section: '11.2.22', status: 'ok', provider: 'population' });
    expect(pop.data).toMatchObject({ fin: '5ZK8F3R', surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu' });
    expect(pop.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(pop.signedAnswer, 'base64').toString()).toContain('Signature');
    expect(phone).toMatchObject({ section: '11.2.3', status: 'ok', provider: 'phone' });
    expect(phone.data.numbers.length).toBeGreaterThan(0);
  });

  test('Judge asks the tax register about the defendant company by VÖEN (11.2.1, 11.2.2). Result: both ok through the real tax adapter and its signing mock agency, each answer naming the VÖEN', async () => {
    const r = await hub.broker.call<any, any>('lookups.run', {
      subject: { voen: '1401234561' }, categories: ['11.2.1', '11.2.2'], caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M',
    });
    const [taxpayer, audits] = r.outcomes;
    expect(taxpayer).toMatchObject({ section: '11.2.1', status: 'ok', provider: 'tax', data: { subject: { voen: '1401234561' }, taxpayers: [{ name: '"Xəzər Tikinti" MMC' }] } });
    expect(audits).toMatchObject({ section: '11.2.2', status: 'ok', provider: 'tax', data: { subject: { voen: '1401234561' }, voen: '1401234561' } });
    expect(Buffer.from(audits.signedAnswer, 'base64').toString()).toContain('Signature');
    expect(hub.catalog.connected('11.2.1') && hub.catalog.connected('11.2.2')).toBe(true);
  });

  test('Judge asks about a FIN the population register does not know. Result: not-found, not an error', async () => {
    const r = await ask(['11.2.22'], '7777770');
    expect(r.outcomes[0].status).toBe('not-found');
  });

  test.each([
    ['a signed value altered after signing', { badSignatureRate: 1 }],
    ['a wrapped signature (signed Body moved, attacker Body inserted)', { wrappedSignatureRate: 1 }],
  ])('The population register answers with %s. Result: error HUB_ERR_UPSTREAM_SIGNATURE_INVALID, never data', async (_, faults) => {
    await hub.mocks!.setFaults('population', faults);
    try {
      const r = await ask(['11.2.22']);
      expect(r.outcomes[0]).toMatchObject({ status: 'error', error: { code: 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID' } });
      expect(r.outcomes[0].data).toBeUndefined();
    } finally {
      await hub.mocks!.setFaults('population', {});
    }
  });

  test('The phone register answers with a bad JWS. Result: error HUB_ERR_UPSTREAM_SIGNATURE_INVALID; the population category of the same lookup is unaffected', async () => {
    await hub.mocks!.setFaults('phone', { badSignatureRate: 1 });
    try {
      const r = await ask(['11.2.22', '11.2.3']);
      expect(r.outcomes[0].status).toBe('ok');
      expect(r.outcomes[1]).toMatchObject({ status: 'error', error: { code: 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID' } });
    } finally {
      await hub.mocks!.setFaults('phone', {});
    }
  });
});
