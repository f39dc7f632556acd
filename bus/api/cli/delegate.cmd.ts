/**
 * `court-hub delegate --case N --staff FIN[,FIN] --cert judge.crt --key judge.key [--hours 8] [--url]`:
 * the judge's signed delegation that lets named court staff verify parties' identity in one case (9.1.2).
 */
import { randomUUID } from 'node:crypto';
import { newNonce } from '../../../core/orders';
import { CliIo, Command, UsageError, args, guarded, need, nodeIo } from './io';
import { signAndPost } from './signed-post';

const USAGE = 'usage: court-hub delegate --case N --staff FIN[,FIN] --cert judge.crt --key judge.key [--hours 8] [--url URL, default $COURT_HUB_URL or http://127.0.0.1:8080]';

export const runDelegateCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { case: { type: 'string' }, staff: { type: 'string' }, hours: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' } }, USAGE);
  const hours = Number(values.hours ?? 8);
  if (!(hours > 0 && hours <= 24 * 30)) throw new UsageError(`--hours must be between 0 and 720\n${USAGE}`);
  const now = io.now();
  const delegation = {
    delegationId: randomUUID(),
    caseNumber: need(values.case, 'case', USAGE),
    staffFins: need(values.staff, 'staff', USAGE).split(',').map((s) => s.trim()).filter(Boolean),
    validFrom: now.toISOString(),
    validUntil: new Date(now.getTime() + hours * 3600_000).toISOString(),
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
    nonce: newNonce(),
  };
  const r = await signAndPost(io, { certFile: need(values.cert, 'cert', USAGE), keyFile: need(values.key, 'key', USAGE), url: values.url, path: '/api/v1/delegations', key: 'delegation', doc: delegation });
  io.out(JSON.stringify(r, null, 2));
  return 0;
});
