import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { delegate, person, signedIdentityRequests } from './court.bench';
import { load, processTree, warmUp } from './figures';
import { startMockProcess } from './mock-process';
import { cpuMeter, startProfiler } from './profiler';

/**
 * `node dist/test/bench/profile-identity.js`: the clerk's identity check alone, as the court bench
 * runs it (50 in flight, the population register answering after 20 ms), with the CPU per check
 * of the hub, its PostgreSQL and the mock agencies. N checks after WARMUP, C in flight, LATENCY_MS; PROFILE=file
 * writes a CPU profile of the measured phase.
 */
async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-prof-identity-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const mocks = await startMockProcess('mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp }, { population: `latencyMs=${process.env.LATENCY_MS ?? 20}` });
  const hub = await startHub(loadConfig({ SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'hub'), LOG_LEVEL: 'error' }),
    { endpoints: mocks.endpoints, institutionEndpoints: mocks.institutionEndpoints });
  await delegate((a, b) => hub.broker.call(a, b as object), person(pkiDir, 'judge-2JD4K7M'));
  const n = Number(process.env.N ?? 2000);
  // WARMUP checks first, at the same concurrency, as the court bench warms up before it measures.
  const warmup = Number(process.env.WARMUP ?? 2000);
  const concurrency = Number(process.env.C ?? 50);
  const requests = await signedIdentityRequests(person(pkiDir, 'staff-6PR2T5Y'), n + warmup);
  let i = 0;
  const check = () => hub.broker.call('court.verifyIdentity', requests[i++] as object);
  await warmUp(warmup, concurrency, check);
  const pm = Number(fs.readFileSync(path.join(tmp, 'hub/postgres/postmaster.pid'), 'utf8').split('\n')[0]);
  const profiler = process.env.PROFILE ? await startProfiler() : null;
  const meter = cpuMeter('hub', { postgres: () => processTree(pm), mocks: () => processTree(mocks.process.pid) });
  const figs = await load('profile.identity-check', check, { total: n, concurrency, warmup: 0 });
  const cpu = meter.stop(n);
  if (profiler) await profiler.stop(process.env.PROFILE as string);
  for (const f of figs) console.log(`${f.name} ${f.value} ${f.unit}`);
  console.log(`profile.cpu-per-check ${cpu}`);
  await hub.stop();
  await mocks.process.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
