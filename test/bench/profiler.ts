import fs from 'node:fs';
import inspector from 'node:inspector';
import { procCpuMs } from './figures';

function inspectorSession() {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) =>
    session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  return { session, post };
}

/** A CPU profile of the measured phase alone (not the set-up, not the signing of the orders). */
export async function startProfiler(): Promise<{ stop(file: string): Promise<void> }> {
  const { session, post } = inspectorSession();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * Where the measured phase allocates: a sampling heap profile that keeps the objects the young and
 * old generation collectors freed (by default V8 reports only what is still alive), so short-lived
 * garbage, which sets how often a scavenge pauses the event loop, shows up (a .heapprofile for
 * Chrome DevTools' Memory tab).
 */
export async function startHeapSampler(): Promise<{ stop(file: string): Promise<void> }> {
  const { session, post } = inspectorSession();
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: !process.env.HEAP_PROMOTED });
  return {
    async stop(file) {
      const { profile } = await post('HeapProfiler.stopSampling');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/**
 * CPU time per call, from now until stop(): this process (`self`) and other processes by name.
 * The pids are read at each look (a PostgreSQL server's backends come and go); a process that
 * started meanwhile counts from zero. stop() gives "self 123 us, postgres 45 us, …".
 */
export function cpuMeter(self: string, others: Record<string, () => number[]>): { stop(calls: number): string } {
  const take = () => ({ self: process.cpuUsage(), others: Object.entries(others).map(([name, pids]) => [name, procCpuMs(pids())] as const) });
  const t0 = take();
  return {
    stop(calls) {
      const t1 = take();
      const selfUs = t1.self.user - t0.self.user + t1.self.system - t0.self.system;
      return [`${self} ${Math.round(selfUs / calls)} us`,
        ...t1.others.map(([name, ms], i) => `${name} ${Math.round(((ms - t0.others[i][1]) * 1000) / calls)} us`)].join(', ');
    },
  };
}
