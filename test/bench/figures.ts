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

/**
 * Runs `fn` `total` times with `concurrency` calls in flight; returns requests/s and latency
 * percentiles in ms. A warm-up of `warmup` calls is not measured.
 */
export async function load(name: string, fn: () => Promise<unknown>, opts: { total: number; concurrency: number; warmup?: number }): Promise<Figure[]> {
  for (let i = 0; i < (opts.warmup ?? Math.min(200, opts.total / 10)); i++) await fn();
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
