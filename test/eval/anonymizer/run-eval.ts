/**
 * `npm run eval:anonymizer`: runs the anonymizer over the labelled set (the 5 dev-sample decisions
 * and the decisions in test/fixtures/anonymization/decisions/) and prints the figures of
 * docs/anonymization.md, ending with the line
 *   anonymizer: recall_direct=… recall_known_parties=… keep_preserved=… F2=…
 * Options: --misses (list every span missed or over-redacted), --write-gold (write the set as gold
 * JSON lines to test/fixtures/anonymization/eval-set.jsonl), --pred FILE (score a prediction file
 * instead of running the anonymizer), --only dev|own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { anonymizeRecord } from '../../../core/anonymizer';
import { loadLabelledDir, readJsonl } from './build-gold';
import type { GoldDoc, Prediction } from './gold.types';
import { formatReport, score } from './score';

// The repository root, whether this runs from the sources (ts-jest) or from dist/.
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const FIXTURES = path.join(repoRoot(), 'test/fixtures/anonymization');

export function loadEvalSet(only?: string): GoldDoc[] {
  const dev = only === 'own' ? [] : readJsonl<GoldDoc>(path.join(FIXTURES, 'dev-sample.jsonl'));
  const own = only === 'dev' ? [] : loadLabelledDir(path.join(FIXTURES, 'decisions'));
  return [...dev, ...own];
}

function main(argv: string[]): void {
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const gold = loadEvalSet(arg('--only'));
  if (argv.includes('--write-gold')) {
    const own = loadLabelledDir(path.join(FIXTURES, 'decisions'));
    fs.writeFileSync(path.join(FIXTURES, 'eval-set.jsonl'), own.map((d) => JSON.stringify(d)).join('\n') + '\n');
  }
  const predFile = arg('--pred');
  const preds: Prediction[] = predFile
    ? readJsonl<Prediction>(predFile)
    : gold.map((d) => anonymizeRecord({ id: d.id, text: d.text, parties: d.parties }));
  process.stdout.write(formatReport(score(gold, preds), { misses: argv.includes('--misses') }) + '\n');
}

if (require.main === module) main(process.argv.slice(2));
