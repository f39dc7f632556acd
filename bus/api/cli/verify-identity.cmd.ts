/**
 * `court-hub verify-identity --case N --subject FIN --surname S --given-name G [--patronymic P]
 *  --birth-date YYYY-MM-DD --document NUMBER --cert clerk.crt --key clerk.key [--url]`:
 * a clerk's real-time identity check of a party (9.1.2): match / mismatch per field, nothing else.
 */
import { randomUUID } from 'node:crypto';
import { newNonce } from '../../../core/orders';
import { CliIo, Command, args, guarded, need, nodeIo } from './io';
import { signAndPost } from './signed-post';

const USAGE = 'usage: court-hub verify-identity --case N --subject FIN --surname S --given-name G [--patronymic P] --birth-date YYYY-MM-DD --document NUMBER --cert clerk.crt --key clerk.key [--url URL, default $COURT_HUB_URL or http://127.0.0.1:8080]';

export const runVerifyIdentityCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const s = { type: 'string' } as const;
  const { values } = args(argv, { case: s, subject: s, surname: s, 'given-name': s, patronymic: s, 'birth-date': s, document: s, cert: s, key: s, url: s }, USAGE);
  const now = io.now();
  const request = {
    requestId: randomUUID(),
    caseNumber: need(values.case, 'case', USAGE),
    subject: { fin: need(values.subject, 'subject', USAGE) },
    surname: need(values.surname, 'surname', USAGE),
    givenName: need(values['given-name'], 'given-name', USAGE),
    ...(values.patronymic ? { patronymic: values.patronymic } : {}),
    birthDate: need(values['birth-date'], 'birth-date', USAGE),
    documentNumber: need(values.document, 'document', USAGE),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(),
    nonce: newNonce(),
  };
  const r = await signAndPost(io, { certFile: need(values.cert, 'cert', USAGE), keyFile: need(values.key, 'key', USAGE), url: values.url, path: '/api/v1/identity-verifications', key: 'request', doc: request });
  io.out(JSON.stringify(r, null, 2));
  return 0;
});
