/**
 * `court-hub decision create|sign|submit|in-force|status`: a judge's decision as a signed
 * document (statute 6.1.22, 12.6), its entry into legal force as a second signed act, and the
 * enforcement status of it (6.1.19).
 *
 *   decision create  prints a decision document (JSON) from the options
 *   decision sign    signs it: writes the wire form { decision, signature } ready to submit
 *   decision submit  sends the signed decision to the hub
 *   decision in-force signs and sends the act of entry into legal force, bound to the signed decision
 *   decision status  the enforcement status history (the judge of the case)
 */
import { hash, randomUUID } from 'node:crypto';
import { HubError } from '../../../contracts/hub';
import { parseDecision, PARTY_ROLES, type DecisionDocument } from '../../../core/decisions/decision.types';
import { attachContent } from '../../../core/evidence/cms-attach';
import { canonicalBytes, envelopeToWire, newNonce } from '../../../core/orders';
import { jsonObject } from '../../../signing/cli';
import { signDetached } from '../../../signing/cms';
import { CliIo, Command, UsageError, args, guarded, helpOrNothing, hubUrl, need, nodeIo, postJson, readInput, signerFrom, writeOutput } from './io';
import { signAndPost } from './signed-post';

const CREATE_USAGE = `usage: court-hub decision create --case N --court COURT_ID --judge FIN --kind judgment|sentence|ruling|order|decision
    --party ROLE:FIN|VOEN:NAME [--party …] --operative TEXT --text-file FULL_TEXT [--enforce]
    [--addressee AGENCY:ACTION[+ACTION]:FIN|VOEN[+…] …] [--id ID] [--adopted-at ISO]`;
const SIGN_USAGE = 'usage: court-hub decision sign --in decision.json --cert judge.crt.pem --key judge.key.pem [--out decision.signed.json]';
const SUBMIT_USAGE = 'usage: court-hub decision submit --in decision.signed.json [--url URL]';
const IN_FORCE_USAGE = 'usage: court-hub decision in-force --in decision.signed.json --cert judge.crt.pem --key judge.key.pem [--at ISO, default now] [--out attestation.p7s] [--url URL]';
const STATUS_USAGE = 'usage: court-hub decision status --decision ID --cert judge.crt.pem --key judge.key.pem [--url URL]';
const ALL = [CREATE_USAGE, SIGN_USAGE, SUBMIT_USAGE, IN_FORCE_USAGE, STATUS_USAGE].join('\n');

const minutes = (now: Date, m: number) => new Date(now.getTime() + m * 60_000).toISOString();

function party(spec: string): DecisionDocument['parties'][number] {
  const [role, id, ...name] = spec.split(':');
  if (!PARTY_ROLES.includes(role as never) || !id || name.length === 0) throw new UsageError(`--party must be ROLE:FIN|VOEN:NAME with ROLE one of ${PARTY_ROLES.join(', ')}\n${CREATE_USAGE}`);
  const p = { role: role as DecisionDocument['parties'][number]['role'], name: name.join(':') };
  return /^[0-9]{10}$/.test(id) ? { ...p, voen: id } : { ...p, fin: id };
}

function addressee(spec: string): DecisionDocument['addressees'][number] {
  const [agencyId, actions, subjects] = spec.split(':');
  if (!agencyId || !actions) throw new UsageError(`--addressee must be AGENCY:ACTION[+ACTION]:FIN|VOEN[+…]\n${CREATE_USAGE}`);
  return { agencyId, actions: actions.split('+').filter(Boolean), subjects: (subjects ?? '').split('+').filter(Boolean) };
}

async function create(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, {
    case: { type: 'string' }, court: { type: 'string' }, judge: { type: 'string' }, kind: { type: 'string' }, party: { type: 'string', multiple: true },
    operative: { type: 'string' }, 'text-file': { type: 'string' }, enforce: { type: 'boolean' }, addressee: { type: 'string', multiple: true },
    id: { type: 'string' }, 'adopted-at': { type: 'string' },
  }, CREATE_USAGE);
  const now = io.now();
  const textFile = need(values['text-file'], 'text-file', CREATE_USAGE);
  const doc = parseDecision({
    decisionId: values.id ?? `DEC-${randomUUID()}`,
    caseNumber: need(values.case, 'case', CREATE_USAGE),
    courtId: need(values.court, 'court', CREATE_USAGE),
    kind: need(values.kind, 'kind', CREATE_USAGE),
    adoptedAt: values['adopted-at'] ?? now.toISOString(),
    judgeFin: need(values.judge, 'judge', CREATE_USAGE),
    parties: (values.party ?? []).map(party),
    operativePart: need(values.operative, 'operative', CREATE_USAGE),
    textSha256: hash('sha256', await readInput(io, textFile), 'hex'),
    toEnforce: values.enforce === true,
    addressees: (values.addressee ?? []).map(addressee),
    issuedAt: now.toISOString(),
    // The signing and the submission may be some time apart (the judge reads before signing).
    expiresAt: minutes(now, 24 * 60 - 5),
    nonce: newNonce(),
  });
  io.out(JSON.stringify(doc, null, 2));
  return 0;
}

async function sign(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, { in: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' } }, SIGN_USAGE);
  const file = need(values.in, 'in', SIGN_USAGE);
  const doc = jsonObject(file, await readInput(io, file));
  const signer = await signerFrom(io, need(values.cert, 'cert', SIGN_USAGE), need(values.key, 'key', SIGN_USAGE));
  const sig = await signDetached(canonicalBytes(doc), signer, { extraCerts: signer.extraCerts });
  const wire = JSON.stringify(envelopeToWire('decision', doc, sig), null, 2);
  if (values.out) {
    await writeOutput(io, values.out, wire);
    io.err(`signed decision written to ${values.out}`);
  } else io.out(wire);
  return 0;
}

async function signedDecisionFile(io: CliIo, file: string): Promise<{ decision: { decisionId: string; caseNumber: string }; signature: string }> {
  const wire = jsonObject(file, await readInput(io, file)) as { decision?: { decisionId?: unknown; caseNumber?: unknown }; signature?: unknown };
  if (typeof wire.decision?.decisionId !== 'string' || typeof wire.decision.caseNumber !== 'string' || typeof wire.signature !== 'string') {
    throw new UsageError(`${file} is not a signed decision (run court-hub decision sign first)`);
  }
  return wire as never;
}

async function submit(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, { in: { type: 'string' }, url: { type: 'string' } }, SUBMIT_USAGE);
  const file = need(values.in, 'in', SUBMIT_USAGE);
  const wire = await signedDecisionFile(io, file);
  io.out(JSON.stringify(await postJson(io, `${hubUrl(io, values.url)}/api/v1/decisions`, wire), null, 2));
  return 0;
}

async function inForce(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, { in: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, at: { type: 'string' }, out: { type: 'string' }, url: { type: 'string' } }, IN_FORCE_USAGE);
  const wire = await signedDecisionFile(io, need(values.in, 'in', IN_FORCE_USAGE));
  const now = io.now();
  const act = {
    decisionId: wire.decision.decisionId,
    caseNumber: wire.decision.caseNumber,
    legalForceAt: values.at ?? now.toISOString(),
    decisionSignatureSha256: hash('sha256', Buffer.from(wire.signature, 'base64'), 'hex'),
    issuedAt: now.toISOString(),
    expiresAt: minutes(now, 10),
    nonce: newNonce(),
  };
  const r = await signAndPost(io, {
    certFile: need(values.cert, 'cert', IN_FORCE_USAGE), keyFile: need(values.key, 'key', IN_FORCE_USAGE), url: values.url,
    path: `/api/v1/decisions/${encodeURIComponent(act.decisionId)}/legal-force`, key: 'inForce', doc: act,
  });
  // The hub's attestation goes to a file with the content it signs attached (CMS SignedData, DER:
  // `openssl cms -verify -inform DER -in FILE -CAfile root-ca.crt.pem` checks it alone); the answer
  // is shown without it.
  const { attestation, attestedContent, ...shown } = r as { attestation?: unknown; attestedContent?: unknown };
  if (typeof attestation !== 'string') throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { message: 'the hub answered without its attestation of legal force' });
  const der = Buffer.from(attestation, 'base64');
  if (values.out) {
    const file = typeof attestedContent === 'string' ? attachContent(der, Buffer.from(attestedContent, 'base64')) : der;
    await writeOutput(io, values.out, file);
    io.err(`the hub's attestation of legal force written to ${values.out}`);
  }
  io.out(JSON.stringify({ ...shown, attestationSha256: hash('sha256', der, 'hex') }, null, 2));
  return 0;
}

async function status(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, { decision: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, url: { type: 'string' } }, STATUS_USAGE);
  const decisionId = need(values.decision, 'decision', STATUS_USAGE);
  const now = io.now();
  const request = { decisionId, issuedAt: now.toISOString(), expiresAt: minutes(now, 5), nonce: newNonce() };
  const signer = await signerFrom(io, need(values.cert, 'cert', STATUS_USAGE), need(values.key, 'key', STATUS_USAGE));
  const signature = (await signDetached(canonicalBytes(request), signer, { extraCerts: signer.extraCerts })).toString('base64');
  const url = `${hubUrl(io, values.url)}/api/v1/decisions/${encodeURIComponent(decisionId)}/enforcement-status`;
  let res: Response;
  try {
    res = await io.fetch(url, { redirect: 'error', headers: { Accept: 'application/json', 'X-Signed-Request': Buffer.from(JSON.stringify({ request, signature })).toString('base64') } });
  } catch {
    throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { message: `the hub is not reachable at ${url}` });
  }
  let json: any;
  try { json = await res.json(); } catch { throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { message: `the hub at ${url} answered HTTP ${res.status} with something that is not JSON` }); }
  if (!res.ok) throw HubError.fromPlain({ code: json?.error?.code, message: json?.error?.message, data: { details: json?.error?.details, origin: 'hub' } });
  io.out(JSON.stringify(json, null, 2));
  return 0;
}

export const runDecisionCli: Command = (argv, io = nodeIo) => guarded(io, async () => {
  const [sub, ...rest] = argv;
  if (sub === 'create') return create(rest, io);
  if (sub === 'sign') return sign(rest, io);
  if (sub === 'submit') return submit(rest, io);
  if (sub === 'in-force') return inForce(rest, io);
  if (sub === 'status') return status(rest, io);
  helpOrNothing(argv, ALL);
  io.err(ALL);
  return 2;
});
