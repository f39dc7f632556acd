/**
 * `court-hub lookup --order FILE --sig FILE [--url] [--out FILE] [--cert FILE --key FILE]`: sends
 * a signed order, prints the result, saves the evidence packet. Sending the same files again is
 * how a judge re-sends an order after a retryable failure (README "Faults"); if the order had in
 * fact been executed, the hub says so, and with the judge's --cert/--key this command fetches
 * its evidence packet (a separate signed request) instead.
 */
import { HubError } from '../../../contracts/hub';
import { canonicalBytes, newNonce } from '../../../core/orders';
import { jsonObject } from '../../../signing/cli';
import { signDetached } from '../../../signing/cms';
import { CliIo, Command, args, expectAnswer, guarded, hubUrl, need, nodeIo, postJson, readInput, signatureBytes, signerFrom, writeOutput } from './io';

const USAGE = 'usage: court-hub lookup --order order.json --sig order.sig [--url URL, default $COURT_HUB_URL or http://127.0.0.1:8080] [--out evidence.p7s] [--cert judge.crt.pem --key judge.key.pem]';

/** The order id names the default output file: only a plain token, so an answer cannot choose a path. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const ANSWER = {
  orderId: (v: unknown) => typeof v === 'string' && SAFE_ID.test(v),
  evidence: (v: unknown) => typeof v === 'string' && BASE64.test(v),
};

export const runLookupCli: Command = (argv, io: CliIo = nodeIo) => guarded(io, async () => {
  const { values } = args(argv, { order: { type: 'string' }, sig: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' } }, USAGE);
  const orderFile = need(values.order, 'order', USAGE);
  const sigFile = need(values.sig, 'sig', USAGE);
  const base = hubUrl(io, values.url);
  const url = `${base}/api/v1/lookups`;
  const order = jsonObject(orderFile, await readInput(io, orderFile));
  const signature = signatureBytes(await readInput(io, sigFile)).toString('base64');
  let r: Record<string, any>;
  try {
    r = expectAnswer(url, await postJson(io, url, { order, signature }), { ...ANSWER, outcomes: Array.isArray });
  } catch (e) {
    if (!HubError.is(e, 'HUB_ERR_AUTHZ_NONCE_REPLAYED') || e.details?.executed !== true) throw e;
    if (!values.cert || !values.key) {
      io.err('the order was already executed; to fetch its evidence packet, run this again with the judge\'s --cert and --key');
      return 1;
    }
    const orderId = String(e.details.orderId);
    if (!SAFE_ID.test(orderId)) throw e;
    r = await fetchEvidence(io, base, orderId, values.cert, values.key);
    io.err('the order was already executed; its evidence packet was fetched again');
  }
  const file = values.out ?? `evidence-${r.orderId}.p7s`;
  await writeOutput(io, file, Buffer.from(r.evidence, 'base64'));
  const { evidence: _evidence, ...shown } = r;
  io.out(JSON.stringify(shown, null, 2));
  io.err(`evidence packet saved to ${file} (check it: court-hub verify-evidence ${file})`);
  return 0;
});

/** GET /api/v1/lookups/{orderId}/evidence with the judge's signed request in X-Signed-Request. */
async function fetchEvidence(io: CliIo, base: string, orderId: string, certFile: string, keyFile: string): Promise<{ orderId: string; evidence: string }> {
  const now = io.now();
  const request = { orderId, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 5 * 60_000).toISOString(), nonce: newNonce() };
  const signer = await signerFrom(io, certFile, keyFile);
  const signature = (await signDetached(canonicalBytes(request), signer, { extraCerts: signer.extraCerts })).toString('base64');
  const url = `${base}/api/v1/lookups/${encodeURIComponent(orderId)}/evidence`;
  const res = await io.fetch(url, {
    redirect: 'error',
    headers: { Accept: 'application/json', 'X-Signed-Request': Buffer.from(JSON.stringify({ request, signature })).toString('base64') },
  });
  let json: any;
  try { json = await res.json(); } catch { throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { message: `the hub at ${url} answered HTTP ${res.status} with something that is not JSON` }); }
  if (!res.ok) throw HubError.fromPlain({ code: json?.error?.code, message: json?.error?.message, data: { details: json?.error?.details, origin: 'hub' } });
  return expectAnswer(url, json, ANSWER);
}
