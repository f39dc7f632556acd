/** `court-hub lookup --order FILE --sig FILE [--url] [--out FILE]`: sends a signed order, prints the result, saves the evidence packet. */
import { CliIo, Command, DEFAULT_URL, args, guarded, need, nodeIo, postJson, signatureBytes } from './io';

const USAGE = 'usage: court-hub lookup --order order.json --sig order.sig [--url http://127.0.0.1:8080] [--out evidence.p7s]';

export const runLookupCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { order: { type: 'string' }, sig: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } }, USAGE);
  const order = JSON.parse((await io.readFile(need(values.order, 'order', USAGE))).toString('utf8'));
  const signature = signatureBytes(await io.readFile(need(values.sig, 'sig', USAGE))).toString('base64');
  const base = (values.url ?? DEFAULT_URL).replace(/\/+$/, '');
  const r = await postJson(io, `${base}/api/v1/lookups`, { order, signature });
  const file = values.out ?? `evidence-${r.orderId}.p7s`;
  await io.writeFile(file, Buffer.from(r.evidence, 'base64'));
  const { evidence: _evidence, ...shown } = r;
  io.out(JSON.stringify(shown, null, 2));
  io.err(`evidence packet saved to ${file} (check it: court-hub verify-evidence ${file})`);
  return 0;
});
