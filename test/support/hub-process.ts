import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The repository root, whether this runs from test/support (jest) or dist/test/support (bench). */
function repoRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
const MAIN = path.join(repoRoot(__dirname), 'dist/bus/main.js');
/** The node flags `npm start` runs the hub with (package.json): a node here runs as production does. */
const HUB_NODE_FLAGS = ['--max-semi-space-size=64'];
/** A built script of the repository, by its path from the root (e.g. 'dist/test/support/delivery-node.js'). */
export const builtScript = (rel: string): string => path.join(repoRoot(__dirname), rel);

/**
 * A hub node as its own OS process (the built `dist/bus/main.js`, as production runs it).
 * `npm test` builds first (pretest); when running jest alone, run `npm run build` before.
 */
export class HubProcess {
  private output = '';
  private constructor(private readonly proc: ChildProcess, readonly name: string) {}

  /**
   * `script`: another built entry point than dist/bus/main.js (it must print "court-hub ready" too);
   * `nodeArgs`: flags for node itself (e.g. --cpu-prof, which NODE_OPTIONS does not take).
   */
  static async start(name: string, env: Record<string, string>, timeoutMs = 30_000, script = MAIN, nodeArgs: string[] = []): Promise<HubProcess> {
    const proc = spawn(process.execPath, [...HUB_NODE_FLAGS, ...nodeArgs, script], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const hp = new HubProcess(proc, name);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} not ready in ${timeoutMs} ms:\n${hp.output}`)), timeoutMs);
      const onData = (b: Buffer) => {
        hp.output += b.toString();
        if (hp.output.includes('court-hub ready')) { clearTimeout(timer); resolve(); }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (b: Buffer) => { hp.output += b.toString(); });
      proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited with ${code}:\n${hp.output}`)); });
    });
    proc.removeAllListeners('exit');
    return hp;
  }

  get log(): string { return this.output; }
  get pid(): number { return this.proc.pid ?? -1; }
  get alive(): boolean { return this.proc.exitCode === null && this.proc.signalCode === null; }

  /** SIGTERM (graceful) or SIGKILL (a crash); resolves when the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (!this.alive) return this.proc.exitCode;
    return new Promise((resolve) => {
      this.proc.once('exit', (code) => resolve(code));
      this.proc.kill(signal);
    });
  }
}
