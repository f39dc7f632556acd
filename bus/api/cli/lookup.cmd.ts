/** `court-hub lookup --order FILE --sig FILE [--url] [--out FILE]`: sends a signed order, prints the result, saves the evidence packet. */
import { CliIo, Command, args, expectAnswer, guarded, hubUrl, need, nodeIo, postJson, readInput, signatureBytes, writeOutput } from './io';
import { jsonObject } from '../../../signing/cli';

const USAGE = 'usage: court-hub lookup --order order.json --sig order.sig [--url URL, default $COURT_HUB_URL or http://127.0.0.1:8080] [--out evidence.p7s]';

/** The order id names the default output file: only a plain token, so an answer cannot choose a path. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const runLookupCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { order: { type: 'string' }, sig: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } }, USAGE);
  const orderFile = need(values.order, 'order', USAGE);
  const sigFile = need(values.sig, 'sig', USAGE);
  const url = `${hubUrl(io, values.url)}/api/v1/lookups`;
  const order = jsonObject(orderFile, await readInput(io, orderFile));
  const signature = signatureBytes(await readInput(io, sigFile)).toString('base64');
  const r = expectAnswer(url, await postJson(io, url, { order, signature }), {
    orderId: (v) => typeof v === 'string' && SAFE_ID.test(v),
    evidence: (v) => typeof v === 'string' && BASE64.test(v),
    outcomes: Array.isArray,
  });
  const file = values.out ?? `evidence-${r.orderId}.p7s`;
  await writeOutput(io, file, Buffer.from(r.evidence, 'base64'));
  const { evidence: _evidence, ...shown } = r;
  io.out(JSON.stringify(shown, null, 2));
  io.err(`evidence packet saved to ${file} (check it: court-hub verify-evidence ${file})`);
  return 0;
});
