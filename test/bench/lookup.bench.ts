import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { freePort } from '../support/ports';
import { load, type Figure } from './figures';
import { startMockProcess } from './mock-process';

const FIN = '5ZK8F3R';
const CONCURRENCY = 16;
/**
 * A refusal at an open breaker takes ~0.25 ms: 2000 calls would be a 30 ms window, where one
 * background timer or one scavenge decides the p99. 20000 calls (~0.3 s) measure the steady state.
 */
const TOTAL = Number(process.env.BENCH_BREAKER_TOTAL ?? 20000);
const lookupParams = (categories: string[]) => ({
  subject: { fin: FIN }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M',
});

/**
 * p99 of a lookup while the provider's breaker is open (the population register refuses
 * connections; after the threshold the breaker fails calls fast). The lookups' throughput beside
 * the direct node-soap baseline is in court.bench.ts (one interleaved run).
 */
export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const mocks = await startMockProcess('mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp });
  const cleanups: (() => Promise<unknown>)[] = [() => mocks.process.stop()];
  try {
    const deadEndpoint = `http://127.0.0.1:${await freePort()}/population`;
    const down = await startHub(loadConfig({ SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: tmp, LOG_LEVEL: 'error', NODE_ID: 'bench-breaker' }),
      { endpoints: { ...mocks.endpoints, population: deadEndpoint }, institutionEndpoints: mocks.institutionEndpoints });
    cleanups.unshift(() => down.stop());
    for (let i = 0; i < 20; i++) await down.broker.call('lookups.run', lookupParams(['11.2.22']));
    // A hub whose registry went down has been running for a while: warm up past the heap churn of
    // this process's start (PKI, modules, mock agencies).
    figs.push(...(await load('hub.breaker-open.lookup.11.2.22', () => down.broker.call('lookups.run', lookupParams(['11.2.22'])), { total: TOTAL, concurrency: CONCURRENCY, warmup: 4000 }))
      .filter((f) => !f.name.endsWith('.rps')));
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figs;
}
