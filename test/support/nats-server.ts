import { ChildProcess, spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';

/** Store directories of every server this process started, removed when it exits (and, under jest, with TEST_RUN_DIR). */
const STORE_DIRS = new Set<string>();
process.once('exit', () => { for (const d of STORE_DIRS) rmSync(d, { recursive: true, force: true }); });

/**
 * A real nats-server of the test's own, on a free port, with JetStream (the hub's shared replay
 * cache is a JetStream key-value bucket) in a temporary store directory that survives a restart,
 * so a test can stop and restart it for failure scenarios (the machine's shared NATS on 4222 is
 * never touched).
 */
export class NatsServer {
  private proc?: ChildProcess;
  readonly storeDir: string;
  constructor(readonly port: number, private readonly jetstream = true) {
    this.storeDir = mkdtempSync(join(process.env.TEST_RUN_DIR ?? tmpdir(), 'court-hub-nats-'));
    STORE_DIRS.add(this.storeDir);
  }

  get url(): string { return `nats://127.0.0.1:${this.port}`; }
  /** The server's process id (-1 when not running): benchmarks read its CPU time. */
  get pid(): number { return this.proc?.pid ?? -1; }

  static binary(): string {
    for (const b of [process.env.NATS_SERVER_BIN, 'nats-server', '/usr/sbin/nats-server', '/usr/bin/nats-server']) {
      if (!b) continue;
      try { execFileSync(b, ['--version'], { stdio: 'ignore' }); return b; } catch { /* next */ }
    }
    throw new Error('nats-server not found: install it (Debian package nats-server); .ci/run does');
  }

  /** `jetstream: false` starts a server without JetStream (to test that the hub refuses it). */
  static async start(o: { jetstream?: boolean } = {}): Promise<NatsServer> {
    const s = new NatsServer(await freePort(), o.jetstream ?? true);
    await s.start();
    return s;
  }

  async start(): Promise<void> {
    const js = this.jetstream ? ['-js', '-sd', this.storeDir] : [];
    this.proc = spawn(NatsServer.binary(), ['-a', '127.0.0.1', '-p', String(this.port), ...js], { stdio: 'ignore' });
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGTERM'); });
    this.proc = undefined;
  }
}
