import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as soap from 'soap';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { createBroker, startBroker } from '../../bus/broker';
import { ensurePki } from '../../bus/hub-pki';
import { createRootCa } from '../../signing/test-ca';
import { HubProcess } from '../support/hub-process';
import { NatsServer } from '../support/nats-server';
import { freePort } from '../support/ports';
import { load, type Figure } from './figures';

const WSDL = path.join(__dirname, '../../../contracts/registries/population/upstream/population.wsdl');
const FIN = '5ZK8F3R';
const CONCURRENCY = 16;
const TOTAL = Number(process.env.BENCH_TOTAL ?? 3000);
const lookupParams = (categories: string[]) => ({
  subject: { fin: FIN }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M',
});

/**
 * The lookup figures: a lookup of 11.2.22 through the hub (embedded and over NATS) beside the same
 * SOAP call made directly with node-soap (what a team would write without the hub), and p99 while
 * the provider's breaker is open. The mock agencies run in their own process in every case.
 */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const [popPort, phonePort] = [await freePort(), await freePort()];
  const mocks = await HubProcess.start('mocks', {
    SERVICES: 'mocks', PKI_DIR: pkiDir, DATA_DIR: tmp, MOCK_POPULATION_PORT: String(popPort), MOCK_PHONE_PORT: String(phonePort),
  });
  const endpoints = { population: `http://127.0.0.1:${popPort}/population`, phone: `http://127.0.0.1:${phonePort}` };
  const cleanups: (() => Promise<unknown>)[] = [() => mocks.stop()];
  try {
    // 1. The baseline: a bare signed node-soap call (WS-Security by node-soap's WSSecurityCert).
    //    xml-crypto signs with RSA only, so the baseline gets an RSA-2048 key of its own.
    const rsa = await createRootCa({ subject: { commonName: 'court-hub bench baseline (TEST)', organization: 'Court Hub TEST', country: 'AZ' }, keyType: 'rsa' });
    const client = await soap.createClientAsync(WSDL, { endpoint: endpoints.population });
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
    figs.push(...await load('direct.node-soap.getPerson', async () => {
      client.clearSoapHeaders();
      for (const h of xroadHeaders()) client.addSoapHeader(h);
      await client.getPersonAsync({ fin: FIN });
    }, { total: TOTAL, concurrency: CONCURRENCY }));

    // 2. The hub, embedded: core and adapters in this process, in-process bus.
    const cfg = (extra: Record<string, string>) => loadConfig({ SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: tmp, LOG_LEVEL: 'error', NODE_ID: 'bench-embedded', ...extra });
    const embedded: RunningHub = await startHub(cfg({}), { endpoints });
    cleanups.unshift(() => embedded.stop());
    figs.push(...await load('hub.embedded.lookup.11.2.22', () => embedded.broker.call('lookups.run', lookupParams(['11.2.22'])), { total: TOTAL, concurrency: CONCURRENCY }));
    await embedded.stop();
    cleanups.shift();

    // 3. Breaker open: the population register refuses connections; after the threshold the
    //    breaker fails calls fast. Measured once it is open.
    const deadEndpoint = `http://127.0.0.1:${await freePort()}/population`;
    const down = await startHub(cfg({ NODE_ID: 'bench-breaker' }), { endpoints: { ...endpoints, population: deadEndpoint } });
    cleanups.unshift(() => down.stop());
    for (let i = 0; i < 20; i++) await down.broker.call('lookups.run', lookupParams(['11.2.22']));
    figs.push(...(await load('hub.breaker-open.lookup.11.2.22', () => down.broker.call('lookups.run', lookupParams(['11.2.22'])), { total: TOTAL, concurrency: CONCURRENCY }))
      .filter((f) => !f.name.endsWith('.rps')));
    await down.stop();
    cleanups.shift();

    // 4. Over NATS: core in one process, adapters in another, this process as the caller.
    const nats = await NatsServer.start();
    cleanups.unshift(() => nats.stop());
    const env = {
      TRANSPORTER: nats.url, PKI_DIR: pkiDir, DATA_DIR: tmp, MOCKS: '0',
      PROVIDER_POPULATION_URL: endpoints.population, PROVIDER_PHONE_URL: endpoints.phone,
    };
    const [adapters, core] = await Promise.all([
      HubProcess.start('adapters', { ...env, SERVICES: 'adapters', NODE_ID: 'bench-adapters' }),
      HubProcess.start('core', { ...env, SERVICES: 'core', NODE_ID: 'bench-core' }),
    ]);
    cleanups.unshift(() => adapters.stop(), () => core.stop());
    const { broker } = createBroker({ transporter: nats.url, nodeId: 'bench-client', logLevel: 'error' });
    await startBroker(broker, 10_000);
    cleanups.unshift(() => broker.stop());
    await broker.waitForServices(['lookups', 'adapter.population'], 15_000);
    await new Promise((r) => setTimeout(r, 1000)); // let the core node discover the adapters node
    figs.push(...await load('hub.nats.lookup.11.2.22', () => broker.call('lookups.run', lookupParams(['11.2.22'])), { total: TOTAL, concurrency: CONCURRENCY }));
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figs;
}
