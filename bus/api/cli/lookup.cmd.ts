/**
 * `court-hub lookup --order FILE --sig FILE [--url] [--out FILE] [--cert FILE --key FILE]`: sends
 * a signed order, prints the result, saves the evidence packet. Sending the same files again is
 * how a judge re-sends an order after a retryable failure (README "Faults"); if the order had in
 * fact been executed, the hub says so, and with the judge's --cert/--key this command fetches
 * its evidence packet (a separate signed request) instead.
 */
import { createPrivateKey } from 'node:crypto';
import { HubError } from '../../../contracts/hub';
import { canonicalBytes, newNonce } from '../../../core/orders';
import { signDetached } from '../../../signing/cms';
import { CliIo, Command, DEFAULT_URL, args, guarded, need, nodeIo, postJson, signatureBytes } from './io';

const USAGE = 'usage: court-hub lookup --order order.json --sig order.sig [--url http://127.0.0.1:8080] [--out evidence.p7s] [--cert judge.crt.pem --key judge.key.pem]';

export const runLookupCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { order: { type: 'string' }, sig: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' } }, USAGE);
  const order = JSON.parse((await io.readFile(need(values.order, 'order', USAGE))).toString('utf8'));
  const signature = signatureBytes(await io.readFile(need(values.sig, 'sig', USAGE))).toString('base64');
  const base = (values.url ?? DEFAULT_URL).replace(/\/+$/, '');
  let r: { orderId: string; evidence: string };
  try {
    r = await postJson(io, `${base}/api/v1/lookups`, { order, signature });
  } catch (e) {
    if (!HubError.is(e, 'HUB_ERR_AUTHZ_NONCE_REPLAYED') || e.details?.executed !== true) throw e;
    if (!values.cert || !values.key) {
      io.err('the order was already executed; to fetch its evidence packet, run this again with the judge\'s --cert and --key');
      return 1;
    }
    r = await fetchEvidence(io, base, String(e.details.orderId), values.cert, values.key);
    io.err('the order was already executed; its evidence packet was fetched again');
  }
  const file = values.out ?? `evidence-${r.orderId}.p7s`;
  await io.writeFile(file, Buffer.from(r.evidence, 'base64'));
  const { evidence: _evidence, ...shown } = r;
  io.out(JSON.stringify(shown, null, 2));
  io.err(`evidence packet saved to ${file} (check it: court-hub verify-evidence ${file})`);
  return 0;
});

/** GET /api/v1/lookups/{orderId}/evidence with the judge's signed request in X-Signed-Request. */
async function fetchEvidence(io: CliIo, base: string, orderId: string, certFile: string, keyFile: string): Promise<{ orderId: string; evidence: string }> {
  const now = io.now();
  const request = { orderId, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(), nonce: newNonce() };
  const certPem = (await io.readFile(certFile)).toString('utf8');
  const key = createPrivateKey(await io.readFile(keyFile));
  const signature = (await signDetached(canonicalBytes(request), { certPem, key })).toString('base64');
  const res = await io.fetch(`${base}/api/v1/lookups/${encodeURIComponent(orderId)}/evidence`, {
    headers: { Accept: 'application/json', 'X-Signed-Request': Buffer.from(JSON.stringify({ request, signature })).toString('base64') },
  });
  const json = await res.json() as any;
  if (!res.ok) throw HubError.fromPlain({ code: json?.error?.code, message: json?.error?.message, data: { details: json?.error?.details, origin: 'hub' } });
  return json;
}
