/**
 * `court-hub cms sign --in FILE --cert PEM --key PEM --out FILE.p7s [--chain PEM ...]`
 *      embeds the issuing CAs of the certificate (signer-files.ts), so OpenSSL verifies it with the root alone
 * `court-hub cms verify --in FILE --sig FILE.p7s [--trust PEM ...] [--intermediate PEM ...]
 *      [--crl FILE ...] [--ocsp-url URL] [--require-key-usage nonRepudiation|digitalSignature]
 *      [--pki-dir DIR]`
 * verify prints a JSON verdict {valid, subject, fin, signingTime, reason} and exits 0 only when
 * the signature is valid. Without --trust, the trust comes from DIR/pki.json (written by
 * `pki init`). A key that does not belong to the certificate is refused before signing.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signDetached, verifyDetached } from '../cms';
import { SigningError } from '../errors';
import { PathValidator, TrustConfig } from '../pki';
import type { PkiSummary } from '../test-ca';
import { CliIo, UsageError, many, one, parseArgs, required, wantsHelp } from './args';
import { InputFileError, certificate, jsonObject, readError, writeError } from './input-files';
import { loadCliSigner } from './signer-files';

/** A file's bytes, or one line naming it and why it cannot be read. */
const read = (file: string) => readFile(file).catch((e: unknown) => { throw readError(e, file); });
/** A PEM file that must hold a certificate (a trust anchor or an intermediate). */
const readCert = async (file: string) => { const b = await read(file); certificate(file, b); return b.toString('utf8'); };

export interface CmsCommandContext {
  /** Where `pki init` wrote pki.json, used when --trust is absent. */
  defaultPkiDir?: string;
}

const USAGE = 'usage: court-hub cms sign --in FILE --cert PEM --key PEM --out FILE.p7s [--chain PEM ...]\n'
  + '       court-hub cms verify --in FILE --sig FILE.p7s [--trust PEM ...] [--intermediate PEM ...] [--crl FILE ...] [--ocsp-url URL] [--require-key-usage KU]';

export interface Verdict {
  valid: boolean;
  subject?: string;
  fin?: string;
  signingTime?: string;
  reason?: string;
}

/** argv: the words after `cms`. Returns the process exit code. */
export async function runCmsCommand(argv: string[], io: CliIo, ctx: CmsCommandContext = {}): Promise<number> {
  try {
    const args = parseArgs(argv, { value: ['in', 'cert', 'key', 'out', 'chain', 'sig', 'trust', 'intermediate', 'crl', 'ocsp-url', 'require-key-usage', 'pki-dir'] });
    if (wantsHelp(args)) { io.out(`${USAGE}\n`); return 0; }
    const [sub, ...rest] = args.positional;
    if (rest.length) throw new UsageError(USAGE);
    if (sub === 'sign') return await sign(args, io);
    if (sub === 'verify') return await verify(args, io, ctx);
    throw new UsageError(USAGE);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    const why = e instanceof InputFileError ? e.message : e instanceof SigningError ? `the signature could not be made (${e.reason})` : `unexpected ${(e as Error).name ?? 'error'}`;
    io.err(`cms failed: ${why}\n`);
    return 1;
  }
}

async function sign(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const [inPath, certPath, keyPath, out] = ['in', 'cert', 'key', 'out'].map((f) => required(args, f)) as [string, string, string, string];
  const content = await read(inPath);
  const signer = await loadCliSigner(read, { cert: certPath, key: keyPath, chain: many(args, 'chain') });
  if (signer.warning) io.err(`${signer.warning}\n`);
  const sig = await signDetached(content, signer, { extraCerts: signer.extraCerts });
  await writeFile(out, sig).catch((e: unknown) => { throw writeError(e, out); });
  io.out(JSON.stringify({ out, bytes: sig.length }) + '\n');
  return 0;
}

async function trustFrom(args: ReturnType<typeof parseArgs>, ctx: CmsCommandContext): Promise<TrustConfig> {
  const trust = many(args, 'trust');
  const crls = await Promise.all(many(args, 'crl').map(read));
  const intermediates = await Promise.all(many(args, 'intermediate').map(readCert));
  const ocspUrl = one(args, 'ocsp-url');
  if (trust.length) {
    return { anchors: await Promise.all(trust.map(readCert)), intermediates, crls, ocspUrl };
  }
  const dir = one(args, 'pki-dir') ?? ctx.defaultPkiDir ?? 'pki';
  const summaryPath = join(dir, 'pki.json');
  if (!existsSync(summaryPath)) throw new UsageError(`no --trust given and no ${summaryPath} (run: court-hub pki init)`);
  const s = jsonObject(summaryPath, await read(summaryPath)) as unknown as PkiSummary;
  if (typeof s.trustBundle !== 'string' || typeof s.intermediates !== 'string' || typeof s.crls !== 'object' || s.crls === null) {
    throw new InputFileError(`${summaryPath}: not a PKI summary written by \`court-hub pki init\` (trustBundle, intermediates or crls missing)`);
  }
  return {
    anchors: [await readCert(s.trustBundle)],
    intermediates: [await readCert(s.intermediates), ...intermediates],
    crls: [...(await Promise.all(Object.values(s.crls).map((f) => read(String(f))))), ...crls],
    ocspUrl: ocspUrl ?? s.ocspUrl,
  };
}

async function verify(args: ReturnType<typeof parseArgs>, io: CliIo, ctx: CmsCommandContext): Promise<number> {
  const inPath = required(args, 'in');
  const sigPath = required(args, 'sig');
  const content = await read(inPath);
  const sig = await read(sigPath);
  const ku = many(args, 'require-key-usage');
  for (const k of ku) if (k !== 'nonRepudiation' && k !== 'digitalSignature') throw new UsageError(`--require-key-usage ${k}: nonRepudiation or digitalSignature`);
  const validator = new PathValidator(await trustFrom(args, ctx));
  let verdict: Verdict;
  try {
    const v = await verifyDetached(content, sig, validator, { requireKeyUsage: ku as ('nonRepudiation' | 'digitalSignature')[] });
    verdict = { valid: true, subject: v.signer.subject, fin: v.signer.fin, signingTime: v.signingTime.toISOString() };
  } catch (e) {
    if (!(e instanceof SigningError)) throw e;
    verdict = { valid: false, reason: e.reason };
  }
  io.out(JSON.stringify(verdict) + '\n');
  return verdict.valid ? 0 : 1;
}
