import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { canonicalBytes, createOrder } from '../../core/orders';
import { signDetached } from '../../signing/cms';
import { load } from './figures';
import { startMockProcess } from './mock-process';

/**
 * `node --cpu-prof dist/test/bench/profile-court.js`: the embedded signed lookup alone, for a CPU
 * profile of the hub's hot path (the mock agencies run in another process). STORE=postgres uses
 * COURT_HUB_BENCH_PG_URL instead of the hub's embedded PostgreSQL.
 */
async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-prof-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const mocks = await startMockProcess('mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp });
  const env: Record<string, string> = { SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'hub'), LOG_LEVEL: 'error' };
  if (process.env.STORE === 'postgres') Object.assign(env, { DATABASE_URL: process.env.COURT_HUB_BENCH_PG_URL, AUDIT_HMAC_KEY: 'bench key, not a secret at all', SEED_DEMO: '1' });
  const hub = await startHub(loadConfig(env), { endpoints: mocks.endpoints, institutionEndpoints: mocks.institutionEndpoints });
  const judge = {
    certPem: fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.crt.pem'), 'utf8'),
    key: createPrivateKey(fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.key.pem'))),
  };
  const n = Number(process.env.N ?? 1500);
  const orders: unknown[] = [];
  for (let i = 0; i < n + 200; i++) {
    const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
    orders.push({ order, signature: (await signDetached(canonicalBytes(order), judge)).toString('base64') });
  }
  let i = 0;
  const figs = await load('profile.signed-lookup', () => hub.broker.call('court.lookup', orders[i++] as object), { total: n, concurrency: Number(process.env.C ?? 16) });
  for (const f of figs) console.log(`${f.name} ${f.value} ${f.unit}`);
  const ph: number[][] = (globalThis as any).__phases ?? [];
  if (ph.length) {
    const names = ['verify-order', 'reads+admit', 'policy+audit1', 'registries', 'evidence-sign', 'audit2+complete'];
    const med = (k: number) => { const v = ph.map((p) => p[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)].toFixed(2); };
    console.log(names.map((n, k) => `${n}=${med(k)}ms`).join(' '));
  }
  await hub.stop();
  await mocks.process.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
