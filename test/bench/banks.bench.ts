import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { institutionDirectories } from '../../registry';
import { percentile, round, type Figure } from './figures';
import { startMockProcess } from './mock-process';

/**
 * Scatter-gather (statute 11.2.13, 11.2.17): one lookup of 11.2.13 fans out to every bank of the
 * directory. Mock institutions run in their own process (each its own port and certificate); the
 * hub (core + adapters) in this one, so the CPU time measured here is the hub's alone.
 *
 * - mocks.bank.slowest.p99: each of the 30 banks asked alone (a follow-up naming one institution),
 *   the p99 of the slowest bank; hub.embedded.banks.30.p99: the fan-out to all 30, one lookup at a
 *   time, in the same run — the fan-out should cost at most the slowest bank + 20 ms;
 * - hub.embedded.banks.200.p99: the same over 200 banks;
 * - hub.embedded.banks.30.one-hanging.p99: one bank never answers; the lookup's deadline is 1000 ms;
 * - hub.cpu-per-bank-call: this process's CPU time (user + system) per institution call of the fan-out.
 */
const RUNS = Number(process.env.BENCH_BANK_RUNS ?? 200);
const PER_BANK = Number(process.env.BENCH_BANK_SINGLE_RUNS ?? 40);
const DEADLINE_MS = 1000;

export async function run(): Promise<Figure[]> {
  const figs: Figure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-banks-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir, 'ec', 200);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    // Two mock processes: every institution healthy (200 banks), and 30 banks of which bank-005 hangs.
    const healthy = await startMockProcess('bank-mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp, BANKS_COUNT: '200' });
    cleanups.push(() => healthy.process.stop());
    const hanging = await startMockProcess('bank-mocks-hanging', { PKI_DIR: pkiDir, DATA_DIR: tmp, BANKS_COUNT: '30', MOCK_BANK_005_FAULTS: 'latencyMs=600000' });
    cleanups.push(() => hanging.process.stop());
    const first = (all: Record<string, string>, banks: number) => Object.fromEntries(
      institutionDirectories(banks).flatMap((d) => d.institutions).map((i) => [i.id, all[i.id]]));

    const hub = async (name: string, banks: number, endpoints: Record<string, string>, institutions: Record<string, string>): Promise<RunningHub> => {
      const h = await startHub(loadConfig({
        SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, name), LOG_LEVEL: 'error', NODE_ID: `bench-${name}`, BANKS_COUNT: String(banks),
      }), { endpoints, institutionEndpoints: institutions });
      cleanups.unshift(() => h.stop());
      return h;
    };
    const params = (extra: Record<string, unknown> = {}) => ({
      subject: { fin: '5ZK8F3R' }, categories: ['11.2.13'], caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M', ...extra,
    });
    const timed = async (h: RunningHub, n: number, p: () => object): Promise<number[]> => {
      const lat: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = process.hrtime.bigint();
        await h.broker.call('lookups.run', p());
        lat.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      return lat.sort((a, b) => a - b);
    };

    // 30 banks: the slowest bank alone, and the fan-out to all, in alternating rounds.
    const h30 = await hub('banks30', 30, healthy.endpoints, first(healthy.institutionEndpoints, 30));
    const ids = institutionDirectories(30)[0].institutions.map((i) => i.id);
    await timed(h30, 20, () => params());
    const single: Record<string, number[]> = Object.fromEntries(ids.map((id) => [id, []]));
    const fanout: number[] = [];
    let cpu = 0;
    const rounds = 4;
    for (let r = 0; r < rounds; r++) {
      for (const id of ids) single[id].push(...await timed(h30, PER_BANK / rounds, () => params({ institutions: { '11.2.13': [id] } })));
      const c0 = process.cpuUsage();
      fanout.push(...await timed(h30, RUNS / rounds, () => params()));
      const c = process.cpuUsage(c0);
      cpu += c.user + c.system;
    }
    const slowest = Math.max(...ids.map((id) => percentile(single[id].sort((a, b) => a - b), 99)));
    fanout.sort((a, b) => a - b);
    figs.push({ name: 'mocks.bank.slowest.p99', value: round(slowest), unit: 'ms' });
    figs.push({ name: 'hub.embedded.banks.30.p50', value: round(percentile(fanout, 50)), unit: 'ms' });
    figs.push({ name: 'hub.embedded.banks.30.p99', value: round(percentile(fanout, 99)), unit: 'ms' });
    figs.push({ name: 'hub.embedded.banks.30.p99-minus-slowest-bank', value: round(percentile(fanout, 99) - slowest), unit: 'ms' });
    figs.push({ name: 'hub.cpu-per-bank-call', value: round(cpu / (fanout.length * 30), 1), unit: 'µs' });
    await h30.stop();
    cleanups.shift();

    const h200 = await hub('banks200', 200, healthy.endpoints, healthy.institutionEndpoints);
    await timed(h200, 5, () => params());
    const l200 = await timed(h200, Math.max(20, RUNS / 4), () => params());
    figs.push({ name: 'hub.embedded.banks.200.p50', value: round(percentile(l200, 50)), unit: 'ms' });
    figs.push({ name: 'hub.embedded.banks.200.p99', value: round(percentile(l200, 99)), unit: 'ms' });
    await h200.stop();
    cleanups.shift();

    const hh = await hub('banks30hanging', 30, hanging.endpoints, hanging.institutionEndpoints);
    const lh = await timed(hh, 30, () => params({ deadline: Date.now() + DEADLINE_MS }));
    figs.push({ name: 'hub.embedded.banks.30.one-hanging.deadline', value: DEADLINE_MS, unit: 'ms' });
    figs.push({ name: 'hub.embedded.banks.30.one-hanging.p99', value: round(percentile(lh, 99)), unit: 'ms' });
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figs;
}
