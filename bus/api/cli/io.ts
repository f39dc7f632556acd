/**
 * What the court CLI commands touch, injectable so tests run them in memory:
 * `run(argv, io) → Promise<exit code>`; 0 ok (and `--help`), 1 refused / not verified / a file
 * or answer that cannot be used, 2 bad usage. Every failure is one line on stderr that names the
 * file or the hub and the problem — never parser bytes, OpenSSL codes or a stack.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HubError, isHubErrorCode } from '../../../contracts/hub';
import { InputFileError, loadCliSigner, readError, writeError, type CliSigner } from '../../../signing/cli';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer | string): Promise<void>;
  fetch: typeof fetch;
  now(): Date;
  /** The environment (COURT_HUB_URL); absent: none. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const nodeIo: CliIo = {
  out: (t) => { process.stdout.write(t.endsWith('\n') ? t : `${t}\n`); },
  err: (t) => { process.stderr.write(t.endsWith('\n') ? t : `${t}\n`); },
  readFile: (p) => readFile(p),
  writeFile: (p, d) => writeFile(p, d),
  fetch: (...a) => fetch(...a),
  now: () => new Date(),
  env: process.env,
};

export type Command = (argv: string[], io?: CliIo) => Promise<number>;

export class UsageError extends Error {}
/** `--help` / `-h`: the usage goes to stdout and the exit code is 0. */
class HelpRequest extends Error {}
/** The hub answered something this CLI cannot use; the message is the line to print. */
class HubAnswerError extends Error {}

export function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  helpOrNothing(argv, usage);
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
}

/** `--help` or `-h` anywhere before a `--`: the usage, exit 0 (nothing else is read or sent). */
export function helpOrNothing(argv: string[], usage: string): void {
  const end = argv.indexOf('--');
  const opts = end < 0 ? argv : argv.slice(0, end);
  if (opts.includes('--help') || opts.includes('-h')) throw new HelpRequest(usage);
}

export function need(v: string | undefined, name: string, usage: string): string {
  if (!v) throw new UsageError(`--${name} is required\n${usage}`);
  return v;
}

/** A signature file may hold base64 text or raw DER. */
export function signatureBytes(file: Buffer): Buffer {
  const text = file.toString('latin1').trim();
  if (/^[A-Za-z0-9+/=\s]+$/.test(text)) return Buffer.from(text.replace(/\s+/g, ''), 'base64');
  return file;
}

export async function readInput(io: CliIo, file: string): Promise<Buffer> {
  try {
    return await io.readFile(file);
  } catch (e) {
    throw readError(e, file);
  }
}

export async function writeOutput(io: CliIo, file: string, data: Buffer | string): Promise<void> {
  try {
    await io.writeFile(file, data);
  } catch (e) {
    throw writeError(e, file);
  }
}

/** The certificate and key of the person signing, refused unless the key is the certificate's. */
export async function signerFrom(io: CliIo, certFile: string, keyFile: string, chain?: string[]): Promise<CliSigner> {
  const signer = await loadCliSigner((file) => readInput(io, file), { cert: certFile, key: keyFile, chain });
  if (signer.warning) io.err(signer.warning);
  return signer;
}

/** Text from the hub or a file, fit for one line of a terminal: no control characters, bounded. */
export function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Runs a command body: help → 0, usage errors → 2, everything else → 1 with one readable line. */
export async function guarded(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof HelpRequest) { io.out(e.message); return 0; }
    if (e instanceof UsageError) { io.err(e.message); return 2; }
    if (HubError.is(e)) {
      const reason = typeof e.details?.reason === 'string' ? ` (${oneLine(e.details.reason, 80)})` : '';
      io.err(`${e.code}: ${oneLine(e.message)}${reason}`);
      return 1;
    }
    if (e instanceof InputFileError || e instanceof HubAnswerError) { io.err(`error: ${e.message}`); return 1; }
    io.err(`error: unexpected ${(e as Error)?.name ?? 'failure'} in the court-hub CLI`);
    return 1;
  }
}

export const DEFAULT_URL = 'http://127.0.0.1:8080';

/** --url, else COURT_HUB_URL, else the local default; only http(s) URLs. */
export function hubUrl(io: CliIo, flag: string | undefined): string {
  const fromEnv = io.env?.COURT_HUB_URL?.trim();
  const raw = flag ?? (fromEnv || DEFAULT_URL);
  let u: URL | undefined;
  try { u = new URL(raw); } catch { u = undefined; }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new UsageError(`${flag !== undefined ? '--url' : 'COURT_HUB_URL'} "${oneLine(raw, 80)}" is not an http:// or https:// URL`);
  }
  return raw.replace(/\/+$/, '');
}

/** POSTs JSON to the hub; a HubError answer becomes a HubError here, anything unusable one line naming the hub. */
export async function postJson(io: CliIo, url: string, body: unknown): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    // A signed document goes to the hub named, never on to wherever a redirect points.
    res = await io.fetch(url, { method: 'POST', redirect: 'error', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code;
    throw new HubAnswerError(`the hub is not reachable at ${url}${code ? ` (${code})` : ' (or it answered with a redirect, which is not followed)'}`);
  }
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw new HubAnswerError(`the hub at ${url} answered HTTP ${res.status} with something that is not JSON`); }
  if (!res.ok) {
    const e = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const code = typeof e?.code === 'string' ? e.code : undefined;
    const message = typeof e?.message === 'string' ? oneLine(e.message) : undefined;
    if (code && isHubErrorCode(code)) throw HubError.fromPlain({ code, message, data: { details: e?.details, origin: 'hub' } });
    if (code && /^HUB_ERR_[A-Z_]{1,64}$/.test(code)) throw new HubAnswerError(`${code}: ${message ?? `HTTP ${res.status}`}`);
    throw new HubAnswerError(`the hub at ${url} answered HTTP ${res.status} without an error code`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new HubAnswerError(`the hub at ${url} answered HTTP ${res.status} without a JSON object`);
  return json as Record<string, unknown>;
}

/** The members a command needs from an answer, each with its check; names the first one missing. */
export function expectAnswer<K extends string>(url: string, r: Record<string, unknown>, checks: Record<K, (v: unknown) => boolean>): Record<K, any> & Record<string, unknown> {
  for (const [name, ok] of Object.entries(checks) as [K, (v: unknown) => boolean][]) {
    if (!ok(r[name])) throw new HubAnswerError(`the hub at ${url} answered without a valid "${name}"`);
  }
  return r as Record<K, any> & Record<string, unknown>;
}
