import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBroker, startBroker } from '../../bus/broker';
import { ensurePki } from '../../bus/hub-pki';
import { builtScript, HubProcess } from '../support/hub-process';
import { NatsServer } from '../support/nats-server';
import { load, processTree, warmUp } from './figures';
import { cpuMeter } from './profiler';
import { person, signedOrders } from './court.bench';
import { startMockProcess } from './mock-process';

/**
 * `node dist/test/bench/profile-nats.js`: lookups.run over NATS alone (this process the caller,
 * core and adapters in two hub processes), with the CPU per call of each process, to see where a
 * bus call's cost goes. SIGNED=1 sends the judge's signed order (court.lookup) instead, the core's
 * PostgreSQL counted apart. CORE_ARGS / ADAPTERS_ARGS: extra node flags for those processes (e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-prof-nats-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const mocks = await startMockProcess('mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp });
  const nats = await NatsServer.start();
  const env = { TRANSPORTER: nats.url, PKI_DIR: pkiDir, MOCKS: '0', LOG_LEVEL: 'error', ...mocks.env };
  const main = builtScript('dist/bus/main.js');
  const args = (v?: string) => (v ? v.split(' ').filter(Boolean) : []);
  const [core, adapters] = await Promise.all([
    HubProcess.start('core', { ...env, SERVICES: 'core', NODE_ID: 'prof-core', DATA_DIR: path.join(tmp, 'core') }, 30_000, main, args(process.env.CORE_ARGS)),
    HubProcess.start('adapters', { ...env, SERVICES: 'adapters', NODE_ID: 'prof-adapters', DATA_DIR: path.join(tmp, 'adapters') }, 30_000, main, args(process.env.ADAPTERS_ARGS)),
  ]);
  const client = createBroker({ transporter: nats.url, nodeId: 'prof-client', logLevel: 'error' }).broker;
  await startBroker(client, 10_000);
  await client.waitForServices(['court', 'lookups', 'adapter.population'], 15_000);
  await new Promise((r) => setTimeout(r, 1000));
  const params = { subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'], caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M' };
  const n = Number(process.env.N ?? 4000);
  const signed = process.env.SIGNED === '1';
  // WARMUP calls first, at the same concurrency, before the meter starts (the bench warms up too).
  const warmup = Number(process.env.WARMUP ?? 1500);
  const concurrency = Number(process.env.C ?? 16);
  const orders = signed ? await signedOrders(person(pkiDir, 'judge-2JD4K7M'), n + warmup) : [];
  let i = 0;
  const call = signed ? () => client.call('court.lookup', orders[i++] as object) : () => client.call('lookups.run', params);
  await warmUp(warmup, concurrency, call);
  const corePg = Number(fs.readFileSync(path.join(tmp, 'core/postgres/postmaster.pid'), 'utf8').split('\n')[0]);
  const meter = cpuMeter('client', {
    core: () => [core.pid], postgres: () => processTree(corePg), adapters: () => [adapters.pid], 'nats-server': () => [nats.pid], mocks: () => processTree(mocks.process.pid),
  });
  const figs = await load(signed ? 'profile.nats.signed-lookup' : 'profile.nats.lookups-run', call, { total: n, concurrency, warmup: 0 });
  const cpu = meter.stop(n);
  for (const f of figs) console.log(`${f.name} ${f.value} ${f.unit}`);
  console.log(`profile.cpu-per-call ${cpu}`);
  await client.stop();
  await Promise.all([core.stop(), adapters.stop()]);
  await nats.stop();
  await mocks.process.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
