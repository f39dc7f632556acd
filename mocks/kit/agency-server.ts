/**
 * The HTTP life of a mock agency: listen, refuse connections (fault "refused": the port is closed
 * and open connections are destroyed), listen again on the same port, stop.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export class AgencyServer {
  readonly http: Server;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;
  private listening = false;
  private stopped = false;

  constructor(private readonly host: string, private readonly requestedPort: number) {
    this.http = createServer({ keepAlive: true });
    // Benchmarks drive thousands of keep-alive requests; no per-socket timeouts to manage.
    this.http.keepAliveTimeout = 30_000;
    this.http.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  get port(): number {
    return this.boundPort;
  }

  get origin(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    return `http://${host}:${this.boundPort}`;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /** Port 0 picks a free port; later restarts reuse the port first bound. */
  async listen(): Promise<void> {
    if (this.listening || this.stopped) return;
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.http.once('error', onError);
      this.http.listen(this.boundPort || this.requestedPort, this.host, () => {
        this.http.off('error', onError);
        resolve();
      });
    });
    this.boundPort = (this.http.address() as AddressInfo).port;
    this.listening = true;
  }

  /** Fault "refused": closes the port and cuts every open connection. */
  async refuse(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.refuse();
  }
}
