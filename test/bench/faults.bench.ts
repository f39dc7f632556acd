import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePki } from '../../bus/hub-pki';
import { Judge, load, startFaultCluster, type Answer } from '../support/fault-cluster';
import { percentile, round, type Figure } from './figures';

const KILLS = Number(process.env.BENCH_FAULT_KILLS ?? 2);
const CONCURRENCY = 16;
const DEADLINE_MS = 5000; // LOOKUP_DEADLINE_MS's default: the figure a judge meets in production

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What a judge waits when a core node dies under them (README "Faults"): the fault suite's
 * cluster (test/support/fault-cluster.ts), 16 orders in flight over two gateways, core-2 killed
 * (SIGKILL) KILLS times and started again with the same node id. `answer-after-node-kill` is the
 * time to answer the requests that were in flight at the moment of the kill (data, or a retryable
 * 503); `recovery` the time from the kill to the end of the last failed request.
 */
export async function run(): Promise<Figure[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-bench-faults-'));
  const pkiDir = path.join(tmp, 'pki');
  await ensurePki(pkiDir);
  const c = await startFaultCluster({ pkiDir, deadlineMs: DEADLINE_MS });
  const inFlight: number[] = [];
  const recovery: number[] = [];
  let failed = 0;
  let total = 0;
  try {
    await c.settled();
    const judge = new Judge(pkiDir);
    for (let k = 0; k < KILLS; k++) {
      let running = true;
      const traffic = load(c, judge, { concurrency: CONCURRENCY, running: () => running });
      await sleep(2000);
      const killAt = Date.now();
      await c.kill('core-2');
      await c.start('core-2');
      await c.settled();
      await sleep(2000);
      running = false;
      const { answers } = await traffic;
      const hit = answers.filter((a: Answer) => a.sentAt <= killAt && a.sentAt + a.ms >= killAt);
      inFlight.push(...hit.map((a) => a.ms));
      const bad = answers.filter((a) => a.status !== 200);
      failed += bad.length;
      total += answers.length;
      recovery.push(bad.length ? Math.max(...bad.map((a) => a.sentAt + a.ms)) - killAt : 0);
    }
  } finally {
    await c.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  inFlight.sort((a, b) => a - b);
  return [
    { name: 'faults.answer-after-node-kill.p50', value: round(percentile(inFlight, 50)), unit: 'ms' },
    { name: 'faults.answer-after-node-kill.p99', value: round(percentile(inFlight, 99)), unit: 'ms' },
    { name: 'faults.node-kill.failed', value: failed, unit: `of ${total} orders` },
    { name: 'faults.node-kill.recovery.max', value: round(Math.max(...recovery)), unit: 'ms' },
  ];
}
