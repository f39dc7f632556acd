/**
 * Public search latency (statute 6.1.21) over 100,000 synthetic published decisions (made
 * set-based: test/support/published-fixtures.ts): one query at a time through searchPublished —
 * full text over the suffix-normalized index, the count, ts_headline snippets of the page —
 * with a mix of single words, two words, inflected forms, filters and deeper pages.
 * Store: COURT_HUB_TEST_PG_URL / the local server when one answers, else an embedded server of its own.
 * Run: npm run bench (BENCH_ONLY=search for this one alone).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSearchParams, searchPublished } from '../../core/publication/search';
import { openStore, seedDemo, startEmbeddedServer, type Store } from '../../core/store';
import { freshDatabase } from '../support/db';
import { insertSyntheticPublished } from '../support/published-fixtures';
import { percentile, round, type Figure } from './figures';

const COUNT = Number(process.env.BENCH_SEARCH_DECISIONS ?? 100_000);
const QUERIES = [
  'q=borc', 'q=borcları', 'q=icarə haqqının', 'q=müqavilənin&court=BAKU-NASIMI', 'q=kredit faizi&from=2025-06-01&to=2025-12-31',
  'q=aliment&kind=judgment', 'q=torpağın sahəsi&category=civil', 'q=cinayətin&article=449', 'q=mehkemenin', 'q=zərərin ödənilməsi&page=5',
  'category=commercial&article=218.1', 'q=vergisi&court=BAKU-ECONOMIC&kind=ruling&pageSize=50', 'q=şikayəti rədd', 'q=oğurluq&fuzzy=true',
];

export async function run(): Promise<Figure[]> {
  const cleanups: (() => Promise<unknown>)[] = [];
  let store: Store;
  const pg = await freshDatabase().catch(() => null);
  if (pg) {
    cleanups.push(() => pg.drop());
    store = await openStore({ databaseUrl: pg.url });
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
    const server = await startEmbeddedServer({ dir, noSync: true });
    cleanups.push(async () => { await server.stop(); fs.rmSync(dir, { recursive: true, force: true }); });
    store = await openStore({ databaseUrl: server.url });
  }
  cleanups.unshift(() => store.close());
  try {
    await seedDemo(store);
    const t0 = process.hrtime.bigint();
    await insertSyntheticPublished(store, COUNT, { prefix: 'BENCH', wordsPerText: 40 });
    const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const params = QUERIES.map((q) => parseSearchParams(Object.fromEntries(new URLSearchParams(q))));
    for (const p of params) await searchPublished(store, p); // warm-up: caches, plans
    const lat: number[] = [];
    let hits = 0;
    for (let round_ = 0; round_ < 30; round_++) {
      for (const p of params) {
        const s = process.hrtime.bigint();
        const r = await searchPublished(store, p);
        lat.push(Number(process.hrtime.bigint() - s) / 1e6);
        hits += r.hits.length;
      }
    }
    lat.sort((a, b) => a - b);
    return [
      { name: 'search.p99', value: round(percentile(lat, 99)), unit: 'ms' },
      { name: 'search.p50', value: round(percentile(lat, 50)), unit: 'ms' },
      { name: 'search.published-decisions', value: COUNT, unit: 'decisions' },
      { name: 'search.queries', value: lat.length, unit: 'queries' },
      { name: 'search.hits-per-query', value: round(hits / lat.length, 1), unit: 'hits' },
      { name: 'search.load-100k', value: Math.round(loadMs), unit: 'ms' },
    ];
  } finally {
    for (const c of cleanups) await c().catch(() => undefined);
  }
}
