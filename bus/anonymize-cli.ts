/** Entry point of `npm run -s anonymize`: JSON lines on stdin, anonymized JSON lines on stdout. */
import { runAnonymizeCli } from '../core/anonymizer/anonymize-cli';

runAnonymizeCli(process.argv.slice(2), {
  input: process.stdin,
  stdout: (l) => process.stdout.write(l + '\n'),
  stderr: (l) => process.stderr.write(l + '\n'),
}).then((code) => { process.exitCode = code; }, (err) => {
  process.stderr.write(`anonymize failed: ${err?.message ?? String(err)}\n`);
  process.exitCode = 2;
});
