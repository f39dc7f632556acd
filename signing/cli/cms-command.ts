/**
 * `court-hub cms sign --in FILE --cert PEM --key PEM --out FILE.p7s [--chain PEM ...]`
 *      embeds the issuing CAs of the certificate (signer-files.ts), so OpenSSL verifies it with the root alone
 * `court-hub cms verify --in FILE --sig FILE.p7s [--trust PEM ...] [--intermediate PEM ...]
 *      [--crl FILE ...] [--ocsp-url URL] [--require-key-usage nonRepudiation|digitalSignature]
 *      [--pki-dir DIR]`
 * verify prints a JSON verdict {valid, subject, fin, signingTime, reason} and exits 0 only when
 * the signature is valid (issue 3 §3). Without --trust, the trust comes from DIR/pki.json
 * (written by `pki init`).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signDetached, verifyDetached } from '../cms';
import { SigningError } from '../errors';
import { PathValidator, TrustConfig } from '../pki';
import type { PkiSummary } from '../test-ca';
import { CliIo, UsageError, many, one, parseArgs, required } from './args';
import { loadCliSigner } from './signer-files';

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
    io.err(`cms failed: ${(e as Error).message}\n`);
    return 1;
  }
}

async function sign(args: ReturnType<typeof parseArgs>, io: CliIo): Promise<number> {
  const [inPath, certPath, keyPath, out] = ['in', 'cert', 'key', 'out'].map((f) => required(args, f)) as [string, string, string, string];
  const content = await readFile(inPath);
  const signer = await loadCliSigner((p) => readFile(p), { cert: certPath, key: keyPath, chain: many(args, 'chain') });
  if (signer.warning) io.err(`${signer.warning}\n`);
  const sig = await signDetached(content, signer, { extraCerts: signer.extraCerts });
  await writeFile(out, sig);
  io.out(JSON.stringify({ out, bytes: sig.length }) + '\n');
  return 0;
}

async function trustFrom(args: ReturnType<typeof parseArgs>, ctx: CmsCommandContext): Promise<TrustConfig> {
  const trust = many(args, 'trust');
  const crls = await Promise.all(many(args, 'crl').map((f) => readFile(f)));
  const intermediates = await Promise.all(many(args, 'intermediate').map((f) => readFile(f, 'utf8')));
  const ocspUrl = one(args, 'ocsp-url');
  if (trust.length) {
    return { anchors: await Promise.all(trust.map((f) => readFile(f, 'utf8'))), intermediates, crls, ocspUrl };
  }
  const dir = one(args, 'pki-dir') ?? ctx.defaultPkiDir ?? 'pki';
  const summaryPath = join(dir, 'pki.json');
  if (!existsSync(summaryPath)) throw new UsageError(`no --trust given and no ${summaryPath} (run: court-hub pki init)`);
  const s = JSON.parse(await readFile(summaryPath, 'utf8')) as PkiSummary;
  return {
    anchors: [await readFile(s.trustBundle, 'utf8')],
    intermediates: [await readFile(s.intermediates, 'utf8'), ...intermediates],
    crls: [...(await Promise.all(Object.values(s.crls).map((f) => readFile(f)))), ...crls],
    ocspUrl: ocspUrl ?? s.ocspUrl,
  };
}

async function verify(args: ReturnType<typeof parseArgs>, io: CliIo, ctx: CmsCommandContext): Promise<number> {
  const inPath = required(args, 'in');
  const sigPath = required(args, 'sig');
  const content = await readFile(inPath);
  const sig = await readFile(sigPath);
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
