import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub } from '../../bus/compose';
import { ensurePki } from '../../bus/hub-pki';
import { CATEGORIES } from '../../registry';
import { percentile, round, type Figure } from './figures';
import { startMockProcess } from './mock-process';

/**
 * One lookup of every single-provider §11.2 category (24: all but the scatter-gather 11.2.13 and
 * 11.2.17) about the demo party, beside each registry asked alone, in alternating rounds of one run:
 * `hub.embedded.fanout.24.p99` should be at most `mocks.slowest.p99` (the p99 of the slowest
 * registry asked alone) + 20 ms. The mock agencies run in their own process, the hub (core +
 * adapters, in-process bus) in this one; one lookup at a time.
 */
const ROUNDS = 4;
const RUNS = Number(process.env.BENCH_FANOUT_RUNS ?? 200);
const SINGLE = Number(process.env.BENCH_FANOUT_SINGLE_RUNS ?? 40);

export async function run(): Promise<Figure[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-fanout-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const mocks = await startMockProcess('fanout-mocks', { PKI_DIR: pkiDir, DATA_DIR: tmp });
    const { endpoints, institutionEndpoints } = mocks;
    cleanups.push(() => mocks.process.stop());
    const hub = await startHub(loadConfig({ SERVICES: 'core,adapters', MOCKS: '0', PKI_DIR: pkiDir, DATA_DIR: path.join(tmp, 'hub'), LOG_LEVEL: 'error', NODE_ID: 'bench-fanout' }),
      { endpoints, institutionEndpoints });
    cleanups.unshift(() => hub.stop());

    const sections = CATEGORIES.filter((c) => c.section !== '11.2.13' && c.section !== '11.2.17').map((c) => c.section);
    const ask = (categories: string[]) => hub.broker.call<{ outcomes: { status: string }[] }, object>('lookups.run', {
      subject: { fin: '5ZK8F3R' }, categories, caseNumber: '2(101)-1234/2026', requesterId: 'AZ-FIN-2JD4K7M',
    });
    const timed = async (n: number, categories: string[], into: number[]) => {
      for (let i = 0; i < n; i++) {
        const s = process.hrtime.bigint();
        await ask(categories);
        into.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
    };
    const warm = await ask(sections);
    const failed = warm.outcomes.filter((o) => o.status !== 'ok' && o.status !== 'not-found').length;
    await timed(20, sections, []);
    const single: Record<string, number[]> = Object.fromEntries(sections.map((s) => [s, []]));
    const fanout: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const s of sections) await timed(SINGLE / ROUNDS, [s], single[s]);
      await timed(RUNS / ROUNDS, sections, fanout);
    }
    const p99s = sections.map((s) => [s, percentile(single[s].sort((a, b) => a - b), 99)] as const);
    const [slowestSection, slowest] = p99s.reduce((a, b) => (b[1] > a[1] ? b : a));
    fanout.sort((a, b) => a - b);
    return [
      { name: 'mocks.slowest.p99', value: round(slowest), unit: 'ms' },
      { name: `mocks.slowest.section.${slowestSection}`, value: round(slowest), unit: 'ms' },
      { name: 'hub.embedded.fanout.24.p50', value: round(percentile(fanout, 50)), unit: 'ms' },
      { name: 'hub.embedded.fanout.24.p99', value: round(percentile(fanout, 99)), unit: 'ms' },
      { name: 'hub.embedded.fanout.24.p99-minus-slowest', value: round(percentile(fanout, 99) - slowest), unit: 'ms' },
      { name: 'hub.embedded.fanout.24.not-ok-or-not-found', value: failed, unit: 'count' },
    ];
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
