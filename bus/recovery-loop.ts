/**
 * Runs the court's recovery of abandoned attempts (core/court/recovery.flow.ts) on a core node:
 * once at start-up, then every RECOVERY_INTERVAL_MS, one node of the cluster at a time (an
 * advisory lock in the shared database). A failed run is retried at the next tick; /health shows
 * the last run.
 */
import { HubError } from '../contracts/hub';
import { recoverAbandoned, type AuditPort, type RecoveryReport, type RecoveryStore } from '../core/court';
import { withClusterLock, type Store } from '../core/store';
import type { HealthCheck } from './ops.service';

/** Arbitrary but fixed: the advisory lock key of recovery (migrations use 719_000_401). */
const RECOVERY_LOCK_KEY = 719_000_403;

export interface RecoveryLoop {
  /** One run now (waits for a run already under way instead of starting another). */
  runOnce(): Promise<RecoveryReport | undefined>;
  health: HealthCheck;
  stop(): Promise<void>;
}

export function startRecoveryLoop(opts: { store: Store; recoveryStore: RecoveryStore; audit: AuditPort; intervalMs: number; callGraceMs: number }): RecoveryLoop {
  let running: Promise<RecoveryReport | undefined> | null = null;
  let last: { at: string; report?: RecoveryReport; error?: string } | null = null;
  let stopped = false;

  function runOnce(): Promise<RecoveryReport | undefined> {
    if (running) return running;
    running = withClusterLock(opts.store, RECOVERY_LOCK_KEY,
      () => recoverAbandoned({ store: opts.recoveryStore, audit: opts.audit, callGraceMs: opts.callGraceMs }))
      .then((report) => {
        if (report) last = { at: new Date().toISOString(), report };
        return report;
      }, (err: unknown) => {
        last = { at: new Date().toISOString(), error: HubError.is(err) ? err.code : 'HUB_ERR_SYSTEM_INTERNAL' };
        return undefined;
      })
      .finally(() => { running = null; });
    return running;
  }

  void runOnce();
  const timer = opts.intervalMs > 0 ? setInterval(() => { if (!stopped) void runOnce(); }, opts.intervalMs) : null;
  timer?.unref();

  return {
    runOnce,
    health: () => (last?.error ? { status: 'degraded', details: last } : { status: 'up', details: last ?? {} }),
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      if (running) await running;
    },
  };
}
