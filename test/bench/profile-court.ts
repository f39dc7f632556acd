import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { canonicalBytes, createOrder } from '../../core/orders';
import { signDetached } from '../../signing/cms';
import { freePort } from '../support/ports';
import { load, processTree, warmUp } from './figures';
import { cpuMeter, startHeapSampler, startProfiler } from './profiler';
import { jsonBodies, jsonPoster } from './http-client';
import { startMockProcess } from './mock-process';
import { CATEGORIES } from '../../registry';

const FANOUT_SECTIONS = CATEGORIES.filter((c) => c.section !== '11.2.13' && c.section !== '11.2.17').map((c) => c.section);

/**
 * `node --cpu-prof dist/test/bench/profile-court.js`: the embedded signed lookup alone, for a CPU
 * profile of the hub's hot path (the mock agencies run in another process). STORE=postgres uses
 * COURT_HUB_BENCH_PG_URL instead of the hub's embedded PostgreSQL. PROFILE=file.cpuprofile writes a
 * profile of the measured phase alone (load it in Chrome DevTools). HTTP=1 goes through the gateway,
 * LOOKUPS=1 calls lookups.run alone (no court layer); with FANOUT=1 it asks every single-provider
 * category at once, as the fan-out bench does (C=1 there). HEAP=file.heapprofile samples what the
 * measured phase allocates.
 */
async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-prof-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const mocks = await startMockProcess('mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp });
  // HTTP=1: through the gateway, as a judge's client calls it (POST /api/v1/lookups).
  const http = process.env.HTTP === '1';
  const port = http ? await freePort() : 0;
  const env: Record<string, string> = { SERVICES: http ? 'gateway,core,adapters' : 'core,adapters', MOCKS: '0', PORT: String(port), HOST: '127.0.0.1', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'hub'), LOG_LEVEL: 'error' };
  if (process.env.STORE === 'postgres') Object.assign(env, { DATABASE_URL: process.env.COURT_HUB_BENCH_PG_URL, AUDIT_HMAC_KEY: 'bench key, not a secret at all', SEED_DEMO: '1' });
  const hub = await startHub(loadConfig(env), { endpoints: mocks.endpoints, institutionEndpoints: mocks.institutionEndpoints });
  const judge = {
    certPem: fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.crt.pem'), 'utf8'),
    key: createPrivateKey(fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.key.pem'))),
  };
  const n = Number(process.env.N ?? 1500);
  // WARMUP calls first, at the same concurrency: the first ~1,500 after a start cost twice a warm one.
  const warmup = Number(process.env.WARMUP ?? 1500);
  const orders: unknown[] = [];
  for (let i = 0; i < n + warmup; i++) {
    const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
    orders.push({ order, signature: (await signDetached(canonicalBytes(order), judge)).toString('base64') });
  }
  let i = 0;
  const concurrency = Number(process.env.C ?? 16);
  const poster = jsonPoster(concurrency);
  const bodies = http ? jsonBodies(orders) : [];
  const call = http
    ? async () => {
      const res = await poster.post(`http://127.0.0.1:${port}/api/v1/lookups`, bodies[i++]);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    }
    : process.env.LOOKUPS === '1'
      // lookups.run alone: the signed EHİS call and the verified answer, no court layer.
      ? () => hub.broker.call('lookups.run', { subject: { fin: '5ZK8F3R' }, categories: process.env.FANOUT === '1' ? FANOUT_SECTIONS : ['11.2.22'], caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M' })
      : () => hub.broker.call('court.lookup', orders[i++] as object);
  await warmUp(warmup, concurrency, call);
  const profiler = process.env.PROFILE ? await startProfiler() : null;
  const heap = process.env.HEAP ? await startHeapSampler() : null;
  // Where the CPU goes, per lookup: this process (the hub), its PostgreSQL (postmaster and
  // backends; none with STORE=postgres, an external server), the mock agencies' process.
  const pm = process.env.STORE === 'postgres' ? null : Number(fs.readFileSync(path.join(tmp, 'hub/postgres/postmaster.pid'), 'utf8').split('\n')[0]);
  const meter = cpuMeter('hub', { ...(pm ? { postgres: () => processTree(pm) } : {}), mocks: () => processTree(mocks.process.pid) });
  const figs = await load('profile.signed-lookup', call, { total: n, concurrency, warmup: 0 });
  const cpu = meter.stop(n);
  if (profiler) await profiler.stop(process.env.PROFILE as string);
  if (heap) await heap.stop(process.env.HEAP as string);
  for (const f of figs) console.log(`${f.name} ${f.value} ${f.unit}`);
  console.log(`profile.cpu-per-lookup ${cpu}`);
  poster.close();
  await hub.stop();
  await mocks.process.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
