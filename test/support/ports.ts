import net from 'node:net';

/**
 * A free TCP port on the loopback interface, for a server the test starts a little later. Taken
 * below the kernel's ephemeral range (32768–60999 here): a port the kernel handed out for `listen(0)`
 * and we closed again may be given to the next `listen(0)` or outgoing connection — dozens of mock
 * agencies start between the pick and the bind — so a port from that range was sometimes taken
 * (EADDRINUSE). Below it the kernel assigns nothing by itself; a random pick checked by binding it
 * keeps parallel test workers apart.
 */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port found in 20000–31999');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => { s.destroy(); resolve(true); });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
