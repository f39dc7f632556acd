import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Figure } from './figures';

/**
 * `npm run bench`: runs every benchmark, prints `name value unit` lines and writes the same as
 * JSON under test/bench/results/. Nothing here asserts: figures are read by people.
 * BENCH_ONLY=lookup,wss,cms,anonymizer,faults,gateway,xml,banks,fanout,search,agency runs a subset.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const SUITES: Record<string, () => { run(): Promise<Figure[]> }> = {
  lookup: () => require('./lookup.bench'),
  court: () => require('./court.bench'),
  wss: () => require('./signing-wss.bench'),
  cms: () => require('./signing-cms.bench'),
  anonymizer: () => require('./anonymizer.bench'),
  faults: () => require('./faults.bench'),
  gateway: () => require('./gateway-input.bench'),
  xml: () => require('./xml-parse.bench'),
  banks: () => require('./banks.bench'),
  fanout: () => require('./fanout.bench'),
  search: () => require('./search.bench'),
  agency: () => require('./agency.bench'),
};

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const all: Figure[] = [];
  for (const [name, loadSuite] of Object.entries(SUITES)) {
    if (only && !only.includes(name)) continue;
    const figs = await loadSuite().run();
    for (const f of figs) process.stdout.write(`${f.name} ${f.value} ${f.unit}\n`);
    all.push(...figs);
  }
  const dir = path.join(__dirname, '../../../test/bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({
    at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, figures: all,
  }, null, 2));
  process.stdout.write(`results written to ${path.relative(process.cwd(), file)}\n`);
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`bench failed: ${err?.stack ?? err?.message ?? String(err)} ${err?.response?.status ?? ""} ${String(err?.body ?? err?.response?.data ?? "").slice(0, 500)}\n`);
  process.exit(1);
});
