/** `court-hub access-report --subject FIN --cert FILE --key FILE [--url]` (13.3): a person's own signed request for who looked them up. */
import { newNonce, subjectFromId } from '../../../core/orders';
import { CliIo, Command, args, guarded, need, nodeIo } from './io';
import { signAndPost } from './signed-post';

const USAGE = 'usage: court-hub access-report --subject FIN --cert me.crt --key me.key [--url URL, default $COURT_HUB_URL or http://127.0.0.1:8080]';

export const runAccessReportCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { subject: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' } }, USAGE);
  const now = io.now();
  const request = {
    subject: subjectFromId(need(values.subject, 'subject', USAGE).trim()),
    issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(), nonce: newNonce(),
  };
  const r = await signAndPost(io, { certFile: need(values.cert, 'cert', USAGE), keyFile: need(values.key, 'key', USAGE), url: values.url, path: '/api/v1/access-reports', key: 'request', doc: request });
  io.out(JSON.stringify(r, null, 2));
  return 0;
});
