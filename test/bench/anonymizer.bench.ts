/**
 * Anonymizer speed: ms per 1000 words over the labelled decisions (median of repeated passes), and
 * the same over one document twenty times as long, to show the cost grows linearly with length.
 * Run: npm run bench (BENCH_ONLY=anonymizer for this one alone).
 */
import { anonymize } from '../../core/anonymizer';
import { loadEvalSet } from '../eval/anonymizer/run-eval';
import { percentile, round, type Figure } from './figures';

const words = (t: string) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function msPer1000Words(docs: { text: string; parties: Parameters<typeof anonymize>[1] }[], passes: number): number {
  const total = docs.reduce((n, d) => n + words(d.text), 0);
  for (const d of docs) anonymize(d.text, d.parties); // warm-up (JIT)
  const t: number[] = [];
  for (let p = 0; p < passes; p++) {
    const s = process.hrtime.bigint();
    for (const d of docs) anonymize(d.text, d.parties);
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return (percentile(t, 50) / total) * 1000;
}

export async function run(): Promise<Figure[]> {
  const docs = loadEvalSet();
  // One long text with one case file's parties: the set's longest decision written 20 times over.
  const longest = docs.reduce((a, d) => (d.text.length > a.text.length ? d : a));
  const long = { text: Array.from({ length: 20 }, () => longest.text).join('\n\n'), parties: longest.parties };
  return [
    { name: 'anonymizer.ms-per-1000-words', value: round(msPer1000Words(docs, 15), 3), unit: 'ms' },
    { name: 'anonymizer.ms-per-1000-words.one-long-document', value: round(msPer1000Words([long], 5), 3), unit: 'ms' },
    { name: 'anonymizer.words-in-set', value: docs.reduce((n, d) => n + words(d.text), 0), unit: 'words' },
  ];
}
