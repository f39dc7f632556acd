/** `court-hub access-report --subject FIN --cert FILE --key FILE [--url]` (13.3): a person's own signed request for who looked them up. */
import { canonicalBytes, newNonce, subjectFromId } from '../../../core/orders';
import { signDetached } from '../../../signing/cms';
import { loadCliSigner } from '../../../signing/cli/signer-files';
import { CliIo, Command, DEFAULT_URL, args, guarded, need, nodeIo, postJson } from './io';

const USAGE = 'usage: court-hub access-report --subject FIN --cert me.crt --key me.key [--url http://127.0.0.1:8080]';

export const runAccessReportCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { subject: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' } }, USAGE);
  const now = io.now();
  const request = {
    subject: subjectFromId(need(values.subject, 'subject', USAGE).trim()),
    issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(), nonce: newNonce(),
  };
  const signer = await loadCliSigner(io.readFile, { cert: need(values.cert, 'cert', USAGE), key: need(values.key, 'key', USAGE) });
  if (signer.warning) io.err(signer.warning);
  const signature = (await signDetached(canonicalBytes(request), signer, { extraCerts: signer.extraCerts })).toString('base64');
  const r = await postJson(io, `${(values.url ?? DEFAULT_URL).replace(/\/+$/, '')}/api/v1/access-reports`, { request, signature });
  io.out(JSON.stringify(r, null, 2));
  return 0;
});
