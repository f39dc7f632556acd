import fs from 'node:fs';
/** One benchmark figure, printed as `name value unit` and written as JSON (no asserts anywhere). */
export interface Figure { name: string; value: number; unit: string }

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** `n` unmeasured calls of `fn`, `concurrency` in flight. */
export async function warmUp(n: number, concurrency: number, fn: () => Promise<unknown>): Promise<void> {
  let left = n;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left > 0) {
      left--;
      await fn();
    }
  }));
}

/**
 * Runs `fn` `total` times with `concurrency` calls in flight; returns requests/s and latency
 * percentiles in ms. A warm-up of `warmup` calls, at the same concurrency, is not measured.
 */
export async function load(name: string, fn: () => Promise<unknown>, opts: { total: number; concurrency: number; warmup?: number }): Promise<Figure[]> {
  await warmUp(opts.warmup ?? Math.min(200, opts.total / 10), opts.concurrency, fn);
  const lat: number[] = [];
  let next = 0;
  let errors = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (next < opts.total) {
      next++;
      const s = process.hrtime.bigint();
      try { await fn(); } catch { errors++; }
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  const figs: Figure[] = [
    { name: `${name}.rps`, value: round(opts.total / secs, 1), unit: 'req/s' },
    { name: `${name}.p50`, value: round(percentile(lat, 50)), unit: 'ms' },
    { name: `${name}.p99`, value: round(percentile(lat, 99)), unit: 'ms' },
  ];
  if (errors > 0) figs.push({ name: `${name}.errors`, value: errors, unit: 'count' });
  return figs;
}

/** Median time of a synchronous or asynchronous operation, in ms, over `n` runs after warm-up. */
export async function median(fn: () => unknown, n = 500): Promise<number> {
  for (let i = 0; i < Math.min(50, n); i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return round(percentile(t, 50), 4);
}

/** One contender of an interleaved run: a name and one call. `cpu` adds this process's CPU per call. */
export interface Path {
  name: string; fn: () => Promise<unknown>; cpu?: boolean; extraCpuMs?: () => number;
  /** Cumulative readings (a metric's sum, the event loop's active ms), taken before and after each of the path's rounds. */
  counters?: Record<string, () => number | Promise<number>>;
}

export interface PathResult {
  name: string; rps: number; p50: number; p99: number; errors: number; cpuUsPerOp?: number; extraCpuUsPerOp?: number; agenciesCpuUsPerOp?: number;
  /** The path's calls, the seconds of its rounds, and what each counter moved by over them. */
  calls: number; secs: number; counters: Record<string, number>;
}

/**
 * Runs the paths in `rounds` rounds of `perRound` calls each (`concurrency` in flight), the order
 * rotating every round, so that whatever load the machine has at a moment hits every path alike:
 * ratios between paths of ONE interleaved run are comparable even on a busy machine, absolute
 * figures are not. Throughput is calls over the summed time of a path's own rounds. CPU per call
 * is process.cpuUsage() (user + system) over the path's rounds, plus `extraCpuMs` (other
 * processes' CPU the path causes, e.g. its database server), divided by the calls.
 * `agenciesCpuMs`: the mock agencies' CPU, counted apart for every path (on a shared machine
 * their CPU is taken from the paths' too: the whole machine's CPU per call is the sum).
 */
export async function interleave(paths: Path[], opts: { rounds: number; perRound: number; concurrency: number; warmup?: number; agenciesCpuMs?: () => number }): Promise<PathResult[]> {
  const acc = paths.map(() => ({ secs: 0, calls: 0, cpuUs: 0, extraUs: 0, agenciesUs: 0, errors: 0, lat: [] as number[], counters: {} as Record<string, number> }));
  const read = async (p: Path) => Object.fromEntries(await Promise.all(Object.entries(p.counters ?? {}).map(async ([k, f]) => [k, await f()] as const)));
  // Warm-up at the measured concurrency: the JIT, the connection pools and the database's caches
  // reach the state a running hub is in (on this machine the first 1,500 signed lookups after a
  // start cost twice the CPU of later ones), on every path alike, the baseline included.
  for (const p of paths) await warmUp(opts.warmup ?? 100, opts.concurrency, () => p.fn().catch(() => undefined));
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < paths.length; k++) {
      const idx = (k + r) % paths.length;
      const p = paths[idx];
      const a = acc[idx];
      let next = 0;
      const counters0 = await read(p);
      const cpu0 = process.cpuUsage();
      const extra0 = p.extraCpuMs?.() ?? 0;
      const agencies0 = opts.agenciesCpuMs?.() ?? 0;
      const t0 = process.hrtime.bigint();
      await Promise.all(Array.from({ length: opts.concurrency }, async () => {
        while (next < opts.perRound) {
          next++;
          const s = process.hrtime.bigint();
          try { await p.fn(); } catch { a.errors++; }
          a.lat.push(Number(process.hrtime.bigint() - s) / 1e6);
        }
      }));
      a.secs += Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      const extraUs = ((p.extraCpuMs?.() ?? 0) - extra0) * 1000;
      a.cpuUs += cpu.user + cpu.system + extraUs;
      a.extraUs += extraUs;
      a.agenciesUs += ((opts.agenciesCpuMs?.() ?? 0) - agencies0) * 1000;
      a.calls += opts.perRound;
      for (const [k, v] of Object.entries(await read(p))) a.counters[k] = (a.counters[k] ?? 0) + v - counters0[k];
    }
  }
  return paths.map((p, i) => {
    const a = acc[i];
    a.lat.sort((x, y) => x - y);
    return {
      name: p.name, rps: round(a.calls / a.secs, 1), p50: round(percentile(a.lat, 50)), p99: round(percentile(a.lat, 99)), errors: a.errors,
      calls: a.calls, secs: a.secs, counters: a.counters,
      ...(p.cpu ? { cpuUsPerOp: Math.round(a.cpuUs / a.calls) } : {}),
      ...(p.cpu && p.extraCpuMs ? { extraCpuUsPerOp: Math.round(a.extraUs / a.calls) } : {}),
      ...(p.cpu && opts.agenciesCpuMs ? { agenciesCpuUsPerOp: Math.round(a.agenciesUs / a.calls) } : {}),
    };
  });
}

export function pathFigures(r: PathResult): Figure[] {
  const figs: Figure[] = [
    { name: `${r.name}.rps`, value: r.rps, unit: 'req/s' },
    { name: `${r.name}.p50`, value: r.p50, unit: 'ms' },
    { name: `${r.name}.p99`, value: r.p99, unit: 'ms' },
  ];
  if (r.cpuUsPerOp !== undefined) figs.push({ name: `${r.name}.cpu-per-call`, value: r.cpuUsPerOp, unit: 'us' });
  if (r.extraCpuUsPerOp !== undefined) figs.push({ name: `${r.name}.other-processes-cpu-per-call`, value: r.extraCpuUsPerOp, unit: 'us' });
  if (r.agenciesCpuUsPerOp !== undefined) figs.push({ name: `${r.name}.mock-agencies-cpu-per-call`, value: r.agenciesCpuUsPerOp, unit: 'us' });
  if (r.errors > 0) figs.push({ name: `${r.name}.errors`, value: r.errors, unit: 'count' });
  return figs;
}

/**
 * CPU time (user + system, ms) of processes by pid, from /proc (Linux); 0 for those gone. With
 * that of their children that have exited (cutime + cstime, proc(5)): a PostgreSQL backend that
 * ends between two readings (its pool connection closed when idle) moves its CPU into the
 * postmaster's count instead of taking it out of the sum.
 */
export function procCpuMs(pids: number[]): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / tick;
    } catch { /* gone */ }
  }
  return total;
}

/** A process and all its descendants now (the embedded PostgreSQL: postmaster and backends). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch { /* gone */ }
  }
  const out: number[] = [];
  const walk = (p: number) => { out.push(p); for (const c of children.get(p) ?? []) walk(c); };
  walk(root);
  return out;
}
