/**
 * Appending to the audit chain (8.2.15; docs/security-model.md "fail closed: no audit record, no lookup").
 *
 * `append` resolves only once the record is committed, and rejects with
 * HUB_ERR_AUDIT_WRITE_FAILED when it cannot be: the caller must then not call any registry.
 *
 * Speed: appends arriving while a write is in flight are grouped into the next write (group
 * commit), and a write is one statement: chain-writer.ts. An append may carry order moves that
 * commit in that same statement (a lookup's final records with the order's completion and its
 * evidence packet). A transient store error is retried with backoff until the append's deadline.
 */
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import type { AppendOptions, AppendedEvent, AuditEventInput, CheckpointRecord, CheckpointSigner } from './audit-types';
import { createChainWriter, queuedEvent, type Group, type QueuedEvent } from './chain-writer';
import { writeCheckpoint } from './checkpoints';
import { prepareEvent } from './event-input';
import { checkHmacKey, type HmacKey } from './identifiers';

export interface AuditTrailOptions {
  db: Db;
  /** HMAC key for personal identifiers (from config; at least 16 bytes). */
  hmacKey: HmacKey;
  /** Signs checkpoint bytes with the hub's key. */
  signCheckpoint: CheckpointSigner;
  /** Sign a checkpoint once this many events were appended since the last one (default 1000). */
  checkpointEvery?: number;
  /** …and at least this often while events arrive (default 60 s; 0: no timer). */
  checkpointIntervalMs?: number;
  /** Most events written in one statement (default 500). */
  maxBatch?: number;
  /** How long an append without its own deadline retries transient store errors (default 5000 ms). */
  retryBudgetMs?: number;
  /**
   * Told of every write (one statement, with its retries): how many events and groups it carried
   * and how long it took from being sent to being answered. The chain takes one write at a time,
   * so the writes' time is how busy it is (bus/audit-metrics.ts).
   */
  onWrite?: (w: { events: number; groups: number; ms: number }) => void;
  /** Checkpoint failures happen in the background; they are reported here (no personal data). */
  onBackgroundError?: (err: HubError) => void;
  now?: () => Date;
}

export interface AuditTrail {
  append(event: AuditEventInput, opts?: AppendOptions): Promise<AppendedEvent>;
  /**
   * Several events written together: all of them, with consecutive seqs, or none, and with them
   * the order moves of `opts.orders`.
   */
  appendAll(events: readonly AuditEventInput[], opts?: AppendOptions): Promise<AppendedEvent[]>;
  /** Signs a checkpoint of the current head now (null when one already covers it). */
  checkpoint(): Promise<CheckpointRecord | null>;
  /** Waits for pending appends, signs a last checkpoint, stops the timer. */
  close(): Promise<void>;
}

export function createAuditTrail(opts: AuditTrailOptions): AuditTrail {
  checkHmacKey(opts.hmacKey);
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const every = opts.checkpointEvery ?? 1000;
  const maxBatch = Math.max(1, opts.maxBatch ?? 500);
  const report = opts.onBackgroundError ?? (() => undefined);
  const { onWrite } = opts;

  const retryBudgetMs = opts.retryBudgetMs ?? 5000;
  const writer = createChainWriter(db);
  const queue: Group[] = [];
  let draining: Promise<void> | null = null;
  let lastCheckpointSeq = 0;
  let checkpointing: Promise<CheckpointRecord | null> | null = null;
  let closed = false;

  function nextBatch(): Group[] {
    const batch: Group[] = [queue.shift() as Group];
    let size = batch[0].events.length;
    while (queue.length > 0 && size + queue[0].events.length <= maxBatch) {
      const g = queue.shift() as Group;
      size += g.events.length;
      batch.push(g);
    }
    return batch;
  }

  /**
   * The chain takes one statement at a time, so its throughput is one statement's turn. The
   * callers of a written batch go on (and do their next work: a registry call, an answer) only once
   * the next batch's statement is on its way, or nothing is queued: their work does not delay it.
   */
  async function drain(): Promise<void> {
    let written: (() => void)[] = [];
    const release = () => {
      const w = written;
      written = [];
      for (const f of w) f();
    };
    try {
      while (queue.length > 0) {
        const batch = nextBatch();
        const started = onWrite ? performance.now() : 0;
        const writing = writer.write(batch.map((g) => ({
          ...g, resolve: (out: AppendedEvent[]) => written.push(() => g.resolve(out)), reject: (err: unknown) => written.push(() => g.reject(err)),
        })));
        // The pool hands the statement to its connection on the next tick: release after that.
        process.nextTick(release);
        await writing;
        if (onWrite) onWrite({ events: batch.reduce((n, g) => n + g.events.length, 0), groups: batch.length, ms: performance.now() - started });
        const head = writer.head;
        if (every > 0 && head && head.seq - lastCheckpointSeq >= every) void checkpointInBackground();
      }
    } finally {
      release();
    }
  }

  function enqueue(events: readonly AuditEventInput[], o: AppendOptions = {}): Promise<AppendedEvent[]> {
    if (closed) return Promise.reject(new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: 'closed' } }));
    let prepared: QueuedEvent[];
    try {
      const at = now().toISOString();
      prepared = events.map((e) => queuedEvent(prepareEvent(e, opts.hmacKey, at)));
    } catch (err) {
      return Promise.reject(err);
    }
    if (prepared.length === 0) return Promise.resolve([]);
    const deadline = o.deadline ?? Date.now() + retryBudgetMs;
    return new Promise<AppendedEvent[]>((resolve, reject) => {
      queue.push({ events: prepared, orders: o.orders ?? [], ...(o.admission ? { admission: o.admission } : {}), deadline, resolve, reject });
      kick();
    });
  }

  function kick(): void {
    if (draining) return;
    // Restart if something was queued between drain's last look at the queue and this callback.
    draining = drain().finally(() => {
      draining = null;
      if (queue.length > 0) kick();
    });
  }

  async function checkpoint(): Promise<CheckpointRecord | null> {
    const cp = await writeCheckpoint(db, opts.signCheckpoint, now());
    if (cp) lastCheckpointSeq = Math.max(lastCheckpointSeq, cp.seq);
    else lastCheckpointSeq = Math.max(lastCheckpointSeq, writer.head?.seq ?? 0);
    return cp;
  }

  function checkpointInBackground(): Promise<CheckpointRecord | null> {
    if (!checkpointing) {
      checkpointing = checkpoint()
        .catch((err) => {
          report(HubError.is(err) ? err : new HubError('HUB_ERR_AUDIT_CHECKPOINT_FAILED'));
          return null;
        })
        .finally(() => { checkpointing = null; });
    }
    return checkpointing;
  }

  const interval = opts.checkpointIntervalMs ?? 60_000;
  const timer = interval > 0 ? setInterval(() => { void checkpointInBackground(); }, interval) : null;
  timer?.unref();

  return {
    async append(event, o) {
      const [out] = await enqueue([event], o);
      return out;
    },
    appendAll: (events, o) => enqueue(events, o),
    async checkpoint() {
      if (checkpointing) await checkpointing;
      return checkpoint();
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      while (draining) await draining;
      if (checkpointing) await checkpointing;
      await checkpointInBackground();
    },
  };
}
