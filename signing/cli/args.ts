/** A small `--flag value` parser for the signing CLI commands; repeated flags accumulate. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], known: { value: string[]; boolean?: string[] }): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      out.flags.set('help', ['true']);
      continue;
    }
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (known.boolean?.includes(name)) {
      out.flags.set(name, ['true']);
      continue;
    }
    if (!known.value.includes(name)) throw new UsageError(`unknown option --${name}`);
    const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (v === undefined) throw new UsageError(`--${name} needs a value`);
    out.flags.set(name, [...(out.flags.get(name) ?? []), v]);
  }
  return out;
}

/** `--help` / `-h` anywhere: the caller prints its usage on stdout and exits 0. */
export function wantsHelp(p: ParsedArgs): boolean {
  return p.flags.has('help');
}

export function one(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags.get(name);
  if (v && v.length > 1) throw new UsageError(`--${name} given more than once`);
  return v?.[0];
}

export function required(p: ParsedArgs, name: string): string {
  const v = one(p, name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

export function many(p: ParsedArgs, name: string): string[] {
  return p.flags.get(name) ?? [];
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}
