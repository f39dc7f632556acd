import { ChildProcess, spawn, execFileSync } from 'node:child_process';
import { freePort, waitForPort } from './ports';

/**
 * A real nats-server of the test's own, on a free port, so a test can stop and restart it for
 * failure scenarios (the machine's shared NATS on 4222 is never touched).
 */
export class NatsServer {
  private proc?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string { return `nats://127.0.0.1:${this.port}`; }

  static binary(): string {
    for (const b of [process.env.NATS_SERVER_BIN, 'nats-server', '/usr/sbin/nats-server', '/usr/bin/nats-server']) {
      if (!b) continue;
      try { execFileSync(b, ['--version'], { stdio: 'ignore' }); return b; } catch { /* next */ }
    }
    throw new Error('nats-server not found: install it (Debian package nats-server); .ci/run does');
  }

  static async start(): Promise<NatsServer> {
    const s = new NatsServer(await freePort());
    await s.start();
    return s;
  }

  async start(): Promise<void> {
    this.proc = spawn(NatsServer.binary(), ['-a', '127.0.0.1', '-p', String(this.port)], { stdio: 'ignore' });
    await waitForPort(this.port);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGTERM'); });
    this.proc = undefined;
  }
}
