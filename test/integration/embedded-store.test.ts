/**
 * The embedded default as `npm start` runs it, in real processes (dist/bus/main.js): the hub
 * starts its own PostgreSQL with data in DATA_DIR and stops it on SIGTERM; the data outlives a
 * restart; a hub killed with SIGKILL leaves its server running, and the next start stops that
 * server and starts anew; a second hub on the same DATA_DIR is refused.
 */
import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { canonicalBytes, createOrder } from '../../core/orders';
import { signDetached } from '../../signing/cms';
import { HubProcess } from '../support/hub-process';
import { freePort } from '../support/ports';

const CLI = path.resolve(__dirname, '../../dist/bus/cli.js');
const pkiDir = process.env.TEST_PKI_DIR!;

async function signedOrder(): Promise<{ order: unknown; signature: string }> {
  const judge = {
    certPem: fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.crt.pem'), 'utf8'),
    key: createPrivateKey(fs.readFileSync(path.join(pkiDir, 'people/judge-2JD4K7M.key.pem'))),
  };
  const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
  return { order, signature: (await signDetached(canonicalBytes(order), judge)).toString('base64') };
}

async function lookup(port: number, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/lookups`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** The postmaster of DATA_DIR's cluster while one runs (its pid file), else null. */
function postmasterPid(dataDir: string): number | null {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function startHub(name: string, dataDir: string): Promise<{ hub: HubProcess; port: number }> {
  const port = await freePort();
  const hub = await HubProcess.start(name, { DATA_DIR: dataDir, PKI_DIR: pkiDir, PORT: String(port), HOST: '127.0.0.1' }, 60_000);
  return { hub, port };
}

async function auditVerify(dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'audit', 'verify', '--json'], { env: { ...process.env, DATA_DIR: dataDir, PKI_DIR: pkiDir } });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('The embedded PostgreSQL of `npm start`', () => {
  const dirs: string[] = [];
  const hubs: HubProcess[] = [];
  const tmp = (mode?: number) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-embedded-pg-'));
    if (mode !== undefined) fs.chmodSync(d, mode);
    dirs.push(d);
    return d;
  };
  afterAll(async () => {
    await Promise.all(hubs.map((h) => h.stop()));
    for (const d of dirs) {
      const pid = postmasterPid(d);
      if (pid && alive(pid)) process.kill(pid, 'SIGINT');
      fs.rmSync(d, { recursive: true, force: true });
    }
  });

  test('Operator starts the hub, stops it with SIGTERM and starts it again. Result: its server runs in DATA_DIR and stops with it, the audit chain verifies, and after the restart a replayed order is still refused (the data was kept)', async () => {
    const dataDir = tmp();
    const first = await startHub('hub-1', dataDir);
    hubs.push(first.hub);
    const server = postmasterPid(dataDir)!;
    expect(alive(server)).toBe(true);
    const wire = await signedOrder();
    expect((await lookup(first.port, wire)).status).toBe(200);

    // While the hub runs, `audit verify` reads the chain through the hub's own server.
    const during = await auditVerify(dataDir);
    expect(during.code).toBe(0);

    expect(await first.hub.stop('SIGTERM')).toBe(0);
    expect(alive(server)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres/postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postgres.lock'))).toBe(false);

    const after = await auditVerify(dataDir); // starts and stops the server itself
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out)).toMatchObject({ ok: true });

    const second = await startHub('hub-1-again', dataDir);
    hubs.push(second.hub);
    const replay = await lookup(second.port, wire);
    expect(replay.status).toBe(403);
    expect(replay.body.error.code).toBe('HUB_ERR_AUTHZ_NONCE_REPLAYED');
    expect(await second.hub.stop('SIGTERM')).toBe(0);
  }, 180_000);

  test('The hub is killed with SIGKILL, its server left running, and started again. Result: the new hub stops the stale server, starts its own, and the data is there', async () => {
    const dataDir = tmp(0o755);
    const first = await startHub('hub-2', dataDir);
    hubs.push(first.hub);
    const wire = await signedOrder();
    expect((await lookup(first.port, wire)).status).toBe(200);
    const stale = postmasterPid(dataDir)!;
    await first.hub.stop('SIGKILL');
    expect(alive(stale)).toBe(true); // nobody stopped it: the situation the next start must handle

    const second = await startHub('hub-2-again', dataDir);
    hubs.push(second.hub);
    expect(alive(stale)).toBe(false);
    const now = postmasterPid(dataDir)!;
    expect(now).not.toBe(stale);
    expect(alive(now)).toBe(true);
    expect((await lookup(second.port, wire)).body.error.code).toBe('HUB_ERR_AUTHZ_NONCE_REPLAYED');
    expect(await second.hub.stop('SIGTERM')).toBe(0);
    expect(alive(now)).toBe(false);
  }, 180_000);

  test('A second hub is started on the DATA_DIR of a running one. Result: it stops with HUB_ERR_CONFIG_DATA_DIR_IN_USE naming the first hub, whose server keeps serving', async () => {
    const dataDir = tmp();
    const first = await startHub('hub-3', dataDir);
    hubs.push(first.hub);
    const server = postmasterPid(dataDir)!;
    const err = await startHub('hub-3-twin', dataDir).then(() => null, (e: Error) => e);
    expect(err?.message).toMatch(/exited with 1/);
    expect(err?.message).toContain('HUB_ERR_CONFIG_DATA_DIR_IN_USE');
    expect(postmasterPid(dataDir)).toBe(server);
    expect(alive(server)).toBe(true);
    expect((await lookup(first.port, await signedOrder())).status).toBe(200);
    expect(await first.hub.stop('SIGTERM')).toBe(0);
  }, 180_000);
});
