/**
 * `npm start` (the built dist/bus/main.js, as production runs it) when PORT is taken: the process
 * exits 1 with one line naming the code, the port and the variable to change. The start-up
 * deadline is ten minutes here, so a failure noticed only at the deadline would hit jest's timeout.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/ports';

const MAIN = path.join(__dirname, '../../dist/bus/main.js');

it('An operator starts the hub on a port another process holds. Result: exit 1 with "HUB_ERR_CONFIG_PORT_IN_USE: Port N on 127.0.0.1 is already in use … set PORT to a free port"', async () => {
  const port = await freePort();
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-busy-port-'));
  try {
    const proc = spawn(process.execPath, [MAIN], {
      env: { ...process.env, SERVICES: 'gateway', MOCKS: '0', PORT: String(port), HOST: '127.0.0.1', TRANSPORTER_CONNECT_TIMEOUT_MS: '600000', PKI_DIR: process.env.TEST_PKI_DIR, DATA_DIR: dataDir, LOG_LEVEL: 'fatal' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr!.on('data', (b: Buffer) => { stderr += b.toString(); });
    const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `court-hub failed to start: HUB_ERR_CONFIG_PORT_IN_USE: Port ${port} on 127.0.0.1 is already in use by another process: stop that process or set PORT to a free port`,
    ]);
  } finally {
    await new Promise((r) => blocker.close(r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
