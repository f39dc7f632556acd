/**
 * `court-hub pki init [--dir DIR] [--key-type rsa|ec] [--ocsp-url URL]`: writes a throw-away
 * test PKI and prints the JSON summary of every path written. The people and
 * providers are the caller's (the lead passes the demo roster and the registry's providers).
 */
import { initPki, PkiPerson } from '../test-ca';
import { CliIo, UsageError, one, parseArgs, wantsHelp } from './args';

export interface PkiCommandContext {
  people: PkiPerson[];
  providers: string[];
  /** Used when --dir is absent. */
  defaultDir?: string;
}

const USAGE = 'usage: court-hub pki init [--dir DIR] [--key-type rsa|ec] [--ocsp-url URL]';

/** argv: the words after `pki`. Returns the process exit code. */
export async function runPkiCommand(argv: string[], io: CliIo, ctx: PkiCommandContext): Promise<number> {
  try {
    const args = parseArgs(argv, { value: ['dir', 'key-type', 'ocsp-url'] });
    if (wantsHelp(args)) { io.out(`${USAGE}\n`); return 0; }
    if (args.positional[0] !== 'init' || args.positional.length !== 1) throw new UsageError(USAGE);
    const keyType = one(args, 'key-type') ?? 'ec';
    if (keyType !== 'rsa' && keyType !== 'ec') throw new UsageError('--key-type must be rsa or ec');
    const dir = one(args, 'dir') ?? ctx.defaultDir ?? 'pki';
    const summary = await initPki(dir, { keyType, people: ctx.people, providers: ctx.providers, ocspUrl: one(args, 'ocsp-url') });
    io.out(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    io.err(`pki init failed: ${(e as Error).message}\n`);
    return 1;
  }
}
