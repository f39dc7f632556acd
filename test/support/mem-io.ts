import type { CliIo } from '../../bus/api';

/** An in-memory file system, captured output and an environment for the court CLI commands. */
export function memIo(files: Record<string, Buffer | string> = {}, env: Record<string, string> = {}) {
  const fs = new Map(Object.entries(files).map(([k, v]) => [k, Buffer.from(v)]));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t), err: (t) => err.push(t),
    readFile: async (p) => {
      const b = fs.get(p);
      if (!b) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT', path: p });
      return b;
    },
    writeFile: async (p, d) => { fs.set(p, Buffer.from(d)); },
    fetch: (...a) => fetch(...a),
    now: () => new Date(),
    env,
  };
  return { io, fs, out, err };
}
