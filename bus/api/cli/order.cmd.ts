/**
 * `court-hub order create` prints a fresh lookup order; `court-hub order sign` signs a JSON
 * document (an order, or with --as any signed request) as a detached CMS (CAdES-BES) over its
 * RFC 8785 canonical form.
 */
import { canonicalBytes, createOrder, envelopeToWire, subjectFromId } from '../../../core/orders';
import { jsonObject } from '../../../signing/cli';
import { signDetached } from '../../../signing/cms';
import { CliIo, Command, UsageError, args, guarded, helpOrNothing, need, nodeIo, readInput, signerFrom, writeOutput } from './io';

const CREATE_USAGE = 'usage: court-hub order create --case NUMBER --subject FIN|VOEN --categories 11.2.22,11.2.3 [--decision ID] [--purpose TEXT] [--ttl-minutes 15] [--institutions 11.2.13=bank-004,bank-007] [--follow-up-of ORDER_ID]';
const SIGN_USAGE = 'usage: court-hub order sign --in order.json --cert judge.crt --key judge.key [--chain ca.pem ...] [--out order.sig] [--der] [--as order|delegation|request|case|roster]';
/** The members that carry a signed document on the hub's routes (contracts/hub/openapi.yaml). */
const WIRE_KEYS = ['order', 'delegation', 'request', 'case', 'roster'];

async function create(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, {
    case: { type: 'string' }, subject: { type: 'string' }, categories: { type: 'string' }, decision: { type: 'string' },
    purpose: { type: 'string' }, 'ttl-minutes': { type: 'string' }, institutions: { type: 'string', multiple: true }, 'follow-up-of': { type: 'string' },
  }, CREATE_USAGE);
  // --institutions SECTION=ID,ID (repeatable): a follow-up asks only these institutions of a scatter-gather category.
  const institutions: Record<string, string[]> = {};
  for (const spec of (values.institutions as string[] | undefined) ?? []) {
    const m = /^(11\.2\.\d{1,2})=([a-z0-9-]+(?:,[a-z0-9-]+)*)$/.exec(spec.trim());
    if (!m) throw new UsageError(`--institutions must look like 11.2.13=bank-004,bank-007\n${CREATE_USAGE}`);
    institutions[m[1]] = m[2].split(',');
  }
  const ttl = values['ttl-minutes'] === undefined ? 15 : Number(values['ttl-minutes']);
  if (!(Number.isInteger(ttl) && ttl >= 1 && ttl <= 1440)) throw new UsageError(`--ttl-minutes must be a whole number of minutes from 1 to 1440\n${CREATE_USAGE}`);
  const order = createOrder({
    caseNumber: need(values.case, 'case', CREATE_USAGE),
    subject: subjectFromId(need(values.subject, 'subject', CREATE_USAGE).trim()),
    categories: need(values.categories, 'categories', CREATE_USAGE).split(',').map((s) => s.trim()).filter(Boolean),
    decisionId: values.decision,
    purpose: values.purpose,
    now: io.now(),
    ttlMs: ttl * 60_000,
    ...(Object.keys(institutions).length ? { institutions } : {}),
    ...(values['follow-up-of'] ? { followUpOf: values['follow-up-of'] } : {}),
  });
  io.out(JSON.stringify(order, null, 2));
  return 0;
}

async function sign(argv: string[], io: CliIo): Promise<number> {
  const { values } = args(argv, {
    in: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' }, chain: { type: 'string', multiple: true }, out: { type: 'string' }, der: { type: 'boolean' }, as: { type: 'string' },
  }, SIGN_USAGE);
  const file = need(values.in, 'in', SIGN_USAGE);
  if (values.as !== undefined && !WIRE_KEYS.includes(values.as)) throw new UsageError(`--as must be one of ${WIRE_KEYS.join(', ')}\n${SIGN_USAGE}`);
  const doc = jsonObject(file, await readInput(io, file));
  const signer = await signerFrom(io, need(values.cert, 'cert', SIGN_USAGE), need(values.key, 'key', SIGN_USAGE), values.chain);
  const sig = await signDetached(canonicalBytes(doc), signer, { extraCerts: signer.extraCerts });
  // --as KEY: the whole wire form, ready to POST (e.g. --as delegation for /api/v1/delegations).
  const output: Buffer | string = values.as ? JSON.stringify(envelopeToWire(values.as, doc, sig), null, 2)
    : values.der ? sig : sig.toString('base64');
  if (values.out) {
    await writeOutput(io, values.out, output);
    io.err(`signature written to ${values.out}`);
  } else io.out(typeof output === 'string' ? output : output.toString('base64'));
  return 0;
}

export const runOrder: Command = (argv, io = nodeIo) => guarded(io, async () => {
  const [sub, ...rest] = argv;
  if (sub === 'create') return create(rest, io);
  if (sub === 'sign') return sign(rest, io);
  helpOrNothing(argv, `${CREATE_USAGE}\n${SIGN_USAGE}`);
  io.err(`${CREATE_USAGE}\n${SIGN_USAGE}`);
  return 2;
});
