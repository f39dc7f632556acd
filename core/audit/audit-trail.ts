/**
 * Appending to the audit chain (8.2.15; DESIGN.md §5 "fail closed: no audit record, no lookup").
 *
 * `append` resolves only once the record is committed, and rejects with
 * HUB_ERR_AUDIT_WRITE_FAILED when it cannot be: the caller must then not call any registry.
 *
 * Speed: appends arriving while a write is in flight are grouped into the next write (group
 * commit), and a write is one statement — audit_append(), a compare-and-swap on the chain head
 * (migrations/002-audit-chain.ts). If another node moved the head meanwhile, the batch is
 * re-chained onto the head it returned and retried; after a few misses it takes the head's row
 * lock first, so a busy neighbour cannot starve it.
 */
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import type { AppendedEvent, AuditEventInput, CheckpointRecord, CheckpointSigner } from './audit-types';
import { readChainHead, writeCheckpoint } from './checkpoints';
import { hashEvent, type ChainedEvent } from './event-hash';
import { prepareEvent, type PreparedEvent } from './event-input';
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
  /** Checkpoint failures happen in the background; they are reported here (no personal data). */
  onBackgroundError?: (err: HubError) => void;
  now?: () => Date;
}

export interface AuditTrail {
  append(event: AuditEventInput): Promise<AppendedEvent>;
  /** Several events written together: all of them, with consecutive seqs, or none. */
  appendAll(events: readonly AuditEventInput[]): Promise<AppendedEvent[]>;
  /** Signs a checkpoint of the current head now (null when one already covers it). */
  checkpoint(): Promise<CheckpointRecord | null>;
  /** Waits for pending appends, signs a last checkpoint, stops the timer. */
  close(): Promise<void>;
}

interface Group {
  events: PreparedEvent[];
  resolve(out: AppendedEvent[]): void;
  reject(err: unknown): void;
}

interface Head { seq: number; hash: string }

const OPTIMISTIC_ATTEMPTS = 3;

function chain(events: PreparedEvent[], head: Head): ChainedEvent[] {
  let prevHash = head.hash;
  return events.map((e, i) => {
    const c: ChainedEvent = { ...e, seq: head.seq + 1 + i, prevHash };
    prevHash = hashEvent(c);
    return Object.assign(c, { hash: prevHash });
  });
}

function toRow(c: ChainedEvent & { hash?: string }) {
  return {
    seq: c.seq, at: c.at, type: c.type, request_id: c.requestId, actor_hmac: c.actor, subject_hmac: c.subject,
    case_number: c.caseNumber, categories: c.categories, outcome: c.outcome, details: c.details, prev_hash: c.prevHash, hash: c.hash,
  };
}

const APPEND_SQL = `SELECT applied, head_seq AS "headSeq", head_hash AS "headHash" FROM audit_append($1, $2, $3::jsonb, $4, $5)`;

export function createAuditTrail(opts: AuditTrailOptions): AuditTrail {
  checkHmacKey(opts.hmacKey);
  const { db } = opts;
  const now = opts.now ?? (() => new Date());
  const every = opts.checkpointEvery ?? 1000;
  const maxBatch = Math.max(1, opts.maxBatch ?? 500);
  const report = opts.onBackgroundError ?? (() => undefined);

  const queue: Group[] = [];
  let draining: Promise<void> | null = null;
  let head: Head | null = null;
  let lastCheckpointSeq = 0;
  let checkpointing: Promise<CheckpointRecord | null> | null = null;
  let closed = false;

  async function tryWrite(events: PreparedEvent[], at: Head, locked: boolean, q: Db): Promise<{ applied: boolean; head: Head; chained: ChainedEvent[] }> {
    const chained = chain(events, at);
    const last = chained[chained.length - 1] as ChainedEvent & { hash: string };
    const r = await q.query<{ applied: boolean; headSeq: number; headHash: string }>(APPEND_SQL,
      [at.seq, at.hash, JSON.stringify(chained.map(toRow)), last.seq, last.hash]);
    const row = r.rows[0];
    if (!row) throw new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: 'no chain head' } });
    if (locked && !row.applied) throw new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: 'head moved under lock' } });
    return { applied: row.applied, head: { seq: row.headSeq, hash: row.headHash }, chained };
  }

  async function write(events: PreparedEvent[]): Promise<ChainedEvent[]> {
    let at = head ?? await readChainHead(db);
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const r = await tryWrite(events, at, false, db);
      if (r.applied) { head = r.head; return r.chained; }
      at = r.head; // another node appended: re-chain onto its head
    }
    const r = await db.transaction(async (tx) => {
      const locked = (await tx.query<Head>('SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE')).rows[0];
      if (!locked) throw new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: 'no chain head' } });
      return tryWrite(events, locked, true, tx);
    });
    head = r.head;
    return r.chained;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const batch: Group[] = [queue.shift() as Group];
      let size = batch[0].events.length;
      while (queue.length > 0 && size + queue[0].events.length <= maxBatch) {
        const g = queue.shift() as Group;
        size += g.events.length;
        batch.push(g);
      }
      try {
        const chained = await write(batch.flatMap((g) => g.events));
        let i = 0;
        for (const g of batch) {
          g.resolve(g.events.map(() => {
            const c = chained[i++] as ChainedEvent & { hash: string };
            return { seq: c.seq, hash: c.hash, at: new Date(c.at) };
          }));
        }
        if (every > 0 && head && head.seq - lastCheckpointSeq >= every) void checkpointInBackground();
      } catch (err) {
        head = null; // unknown now: read it again before the next write
        const e = new HubError('HUB_ERR_AUDIT_WRITE_FAILED', {
          details: { reason: HubError.is(err) ? err.code : 'unexpected' },
          cause: HubError.is(err) ? err : undefined,
        });
        for (const g of batch) g.reject(e);
      }
    }
  }

  function enqueue(events: readonly AuditEventInput[]): Promise<AppendedEvent[]> {
    if (closed) return Promise.reject(new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: 'closed' } }));
    let prepared: PreparedEvent[];
    try {
      const at = now();
      prepared = events.map((e) => prepareEvent(e, opts.hmacKey, at));
    } catch (err) {
      return Promise.reject(err);
    }
    if (prepared.length === 0) return Promise.resolve([]);
    return new Promise<AppendedEvent[]>((resolve, reject) => {
      queue.push({ events: prepared, resolve, reject });
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
    else lastCheckpointSeq = Math.max(lastCheckpointSeq, head?.seq ?? 0);
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
    async append(event) {
      const [out] = await enqueue([event]);
      return out;
    },
    appendAll: (events) => enqueue(events),
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
