/**
 * What the court CLI commands touch, injectable so tests run them in memory:
 * `run(argv, io) → Promise<exit code>`; 0 ok, 1 refused / not verified, 2 bad usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HubError } from '../../../contracts/hub';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer | string): Promise<void>;
  fetch: typeof fetch;
  now(): Date;
}

export const nodeIo: CliIo = {
  out: (t) => { process.stdout.write(t.endsWith('\n') ? t : `${t}\n`); },
  err: (t) => { process.stderr.write(t.endsWith('\n') ? t : `${t}\n`); },
  readFile: (p) => readFile(p),
  writeFile: (p, d) => writeFile(p, d),
  fetch: (...a) => fetch(...a),
  now: () => new Date(),
};

export type Command = (argv: string[], io?: CliIo) => Promise<number>;

export class UsageError extends Error {}

export function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${usage}`);
  }
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

/** Runs a command body: usage errors → 2, HubErrors and others → 1 with a readable line, never a stack. */
export async function guarded(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) { io.err(e.message); return 2; }
    if (HubError.is(e)) { io.err(`${e.code}: ${e.message}`); return 1; }
    const code = (e as { code?: string }).code;
    io.err(`error: ${code === 'ENOENT' ? `file not found: ${(e as { path?: string }).path ?? ''}` : code === 'ECONNREFUSED' ? 'the hub is not reachable at that URL' : (e as Error).message}`);
    return 1;
  }
}

/** POSTs JSON to the hub; a HubError answer becomes a HubError here. */
export async function postJson(io: CliIo, url: string, body: unknown): Promise<any> {
  let res: Response;
  try {
    res = await io.fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    throw Object.assign(new Error(`the hub is not reachable at ${url}`), { code: cause?.code });
  }
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { throw new Error(`the hub answered HTTP ${res.status} without JSON`); }
  if (!res.ok) {
    const e = json?.error;
    throw HubError.fromPlain({ code: e?.code, message: e?.message, data: { details: e?.details, origin: 'hub' } });
  }
  return json;
}

export const DEFAULT_URL = 'http://127.0.0.1:8080';
