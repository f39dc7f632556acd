/**
 * A node dies and comes back with the same node id before the others noticed (NODE_ID fixed, a
 * fast restart). Moleculer 0.14 treats the new process as the old node "updated": requests that
 * were pending on the dead process would wait for their timeout. bus/failure-detection.ts rejects
 * them when the new instance announces itself (README "Faults"). Real nats-server, real processes
 * (the child runs the built dist/).
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServiceBroker } from 'moleculer';
import { createBroker, startBroker } from '../../bus/broker';
import { NatsServer } from '../support/nats-server';

const CHILD = `
const { createBroker, startBroker } = require(${JSON.stringify(path.join(__dirname, '../../dist/bus/broker.js'))});
const { broker } = createBroker({ transporter: process.argv[2], nodeId: 'core-same-id', logLevel: 'fatal' });
broker.createService({ name: 'slow', actions: { wait: () => new Promise((r) => setTimeout(r, 120000)) } });
startBroker(broker, 10000).then(() => process.stdout.write('ready\\n'));
`;

describe('a node back with the same node id', () => {
  let nats: NatsServer;
  let caller: ServiceBroker;
  let child: ChildProcess | undefined;
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-same-id-')), 'child.js');
  const startChild = () => new Promise<ChildProcess>((resolve, reject) => {
    const p = spawn(process.execPath, [script, nats.url], { stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(p); });
    p.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });

  beforeAll(async () => {
    fs.writeFileSync(script, CHILD);
    nats = await NatsServer.start();
    caller = createBroker({ transporter: nats.url, nodeId: 'gw-same-id', logLevel: 'fatal' }).broker;
    await startBroker(caller, 10_000);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await caller?.stop();
    await nats?.stop();
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  });

  test('A request is pending on a node that is killed and restarted at once with the same id. Result: rejected as soon as the new process is seen (RequestRejectedError: a 503 at the gateway), not left to its 60 s timeout', async () => {
    child = await startChild();
    await caller.waitForServices('slow', 10_000);
    const pending = caller.call('slow.wait', {}, { timeout: 60_000 }).then(() => null, (e: Error) => e);
    await new Promise((r) => setTimeout(r, 300));
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
    child = await startChild();
    const err = await pending;
    expect(err?.name).toBe('RequestRejectedError');
  }, 30_000);
});
