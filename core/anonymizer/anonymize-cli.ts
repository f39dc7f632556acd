/**
 * Batch anonymization over JSON lines, ready for the entry point in bus/ to wire to stdin/stdout:
 * each input line `{ "id", "text", "parties" }` gives one output line `{ "id", "text_out", "spans" }`.
 * A line that is not valid JSON or not of that shape is reported on stderr by its line number (never
 * its content: it holds personal data) and skipped; the exit code is then 1.
 */
import readline from 'node:readline';
import { HubError } from '../../contracts/hub';
import { anonymizeRecord } from './record';
import type { AnonymizeOptions } from './types';

export interface AnonymizeCliIo {
  input: NodeJS.ReadableStream;
  stdout(line: string): void;
  stderr(line: string): void;
}

const USAGE = 'usage: npm run -s anonymize [-- --replace-entities] < decisions.jsonl > anonymized.jsonl';

export async function runAnonymizeCli(argv: readonly string[], io: AnonymizeCliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) { io.stdout(USAGE); return 0; }
  const unknown = argv.filter((a) => a !== '--replace-entities');
  if (unknown.length > 0) { io.stderr(`unknown argument: ${unknown[0]}`); io.stderr(USAGE); return 2; }
  const options: AnonymizeOptions = { keepLegalEntities: !argv.includes('--replace-entities') };
  let lineNo = 0;
  let bad = 0;
  for await (const line of readline.createInterface({ input: io.input, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    try {
      io.stdout(JSON.stringify(anonymizeRecord(JSON.parse(line), options)));
    } catch (err) {
      bad++;
      const code = err instanceof HubError ? err.code : 'HUB_ERR_VALIDATION_BAD_JSON';
      io.stderr(`line ${lineNo}: ${code}: ${err instanceof HubError ? err.message : 'not valid JSON'}`);
    }
  }
  return bad > 0 ? 1 : 0;
}
