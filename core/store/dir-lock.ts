/**
 * One owner per data directory: a lock file created exclusively (O_EXCL) holding the owner's pid
 * and the process's start time, so a pid reused after a crash is not taken for the owner. A lock
 * whose process is gone (a hub killed with SIGKILL) is stale and taken over.
 */
import fs from 'node:fs';
import { HubError } from '../../contracts/hub';

export interface DirLock {
  /** Adds facts for other processes (the server's URL) to the lock file. */
  publish(info: Record<string, unknown>): void;
  release(): void;
}

interface LockContent { pid: number; started: string | null; [k: string]: unknown }

/** This process's locks: a second owner inside one process is refused too. */
const held = new Set<string>();

/** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22); null without /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(c: LockContent): boolean {
  if (!Number.isInteger(c.pid) || c.pid <= 0) return false;
  try {
    process.kill(c.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStart(c.pid);
  return started === null || c.started === null || started === c.started;
}

export function readLockHolder(file: string): { pid: number; alive: boolean; info: LockContent } | null {
  let c: LockContent;
  try {
    c = JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return null;
  }
  const mine = c.pid === process.pid && held.has(file);
  return { pid: c.pid, alive: mine || (c.pid !== process.pid && isAlive(c)), info: c };
}

/** Takes the lock on `dir` or throws HUB_ERR_CONFIG_DATA_DIR_IN_USE naming the process that holds it. */
export function takeDirLock(file: string, dir: string): DirLock {
  const content: LockContent = { pid: process.pid, started: processStart(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx', mode: 0o600 });
      held.add(file);
      return {
        publish(info) {
          Object.assign(content, info);
          const tmp = `${file}.${process.pid}`;
          fs.writeFileSync(tmp, JSON.stringify(content), { mode: 0o600 });
          fs.renameSync(tmp, file); // readers see the old or the new content, never half of it
        },
        release() {
          if (!held.delete(file)) return;
          const now = readLockHolder(file);
          if (now?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let holder = readLockHolder(file);
    if (!holder) {
      // Created a moment ago and not yet written, or garbage: look again before calling it stale.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
      holder = readLockHolder(file);
    }
    if (holder?.alive) {
      throw new HubError('HUB_ERR_CONFIG_DATA_DIR_IN_USE', {
        message: `DATA_DIR ${dir} is in use by the hub in process ${holder.pid}: one hub per DATA_DIR (several core nodes share one PostgreSQL through DATABASE_URL)`,
        details: { pid: holder.pid },
      });
    }
    fs.rmSync(file, { force: true }); // stale: its process is gone
  }
  throw new HubError('HUB_ERR_CONFIG_DATA_DIR_IN_USE', { message: `DATA_DIR ${dir}: its lock ${file} keeps changing hands` });
}
