/**
 * Writes one batch of audit events (with the order moves that commit with them) onto the chain,
 * surviving transient store errors (statute 8.2.15: fail closed, no audit record, no lookup).
 *
 * A write is one statement, audit_append_orders() (migrations/003-order-attempts.ts; its current
 * form in 009 and 010): a compare-and-swap on the chain head. If another node moved the head meanwhile, the batch is
 * re-chained onto the head it returned and retried; after a few misses it takes the head's row
 * lock first, so a busy neighbour cannot starve it. A group whose strict order move no longer
 * applies, or whose admission does not (migrations/010), is refused alone (HUB_ERR_ORDER_SUPERSEDED)
 * and the rest is written.
 *
 * A dropped connection leaves a statement's outcome unknown: it may have committed. Such a
 * statement is "in doubt" until the writer has looked: its last record is in the table under its
 * hash (the chain makes that proof enough for the whole batch) or it is not. Only then is anything
 * written again, so a retry never writes the same events twice. Transient errors are retried with
 * backoff until each group's deadline; a group still in doubt at its deadline is refused with
 * HUB_ERR_AUDIT_WRITE_FAILED (reason `outcome-unknown`): the caller must treat it as "maybe written".
 */
import { hash } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import type { Db } from '../store/db';
import { prepared } from '../store/prepared';
import type { Admission, AppendedEvent, OrderMove } from './audit-types';
import { readChainHead } from './checkpoints';
import { chainedCanonical, eventTemplate, type EventTemplate } from './event-hash';
import type { PreparedEvent } from './event-input';

export interface Group {
  events: readonly QueuedEvent[];
  orders: readonly OrderMove[];
  admission?: Admission;
  /** Epoch ms: retry transient store errors until then. */
  deadline: number;
  resolve(out: AppendedEvent[]): void;
  reject(err: unknown): void;
}

export interface Head { seq: number; hash: string }

const OPTIMISTIC_ATTEMPTS = 3;
const FIRST_PAUSE_MS = 20;
const MAX_PAUSE_MS = 400;
/** SQLSTATEs of a transaction rolled back by the server: certainly not committed, safe to retry. */
const ROLLED_BACK = new Set(['40001', '40P01']);

/**
 * An event as queued: what chaining it needs, made when it is queued (while the statement before
 * is in flight) rather than when its batch is chained onto the head the chain waits on.
 */
export interface QueuedEvent {
  readonly at: string;
  /** Its hash input around seq and prevHash (event-hash.ts). */
  readonly template: EventTemplate;
  /** Its row for the statement, the members after seq, prev_hash and hash: `"at":…}`. */
  readonly rowRest: string;
}

export function queuedEvent(e: PreparedEvent): QueuedEvent {
  const row = JSON.stringify({
    at: e.at, type: e.type, request_id: e.requestId, actor_hmac: e.actor, subject_hmac: e.subject,
    case_number: e.caseNumber, categories: e.categories, outcome: e.outcome, details: e.details,
  });
  return { at: e.at, template: eventTemplate(e), rowRest: row.slice(1) };
}

interface Chained { seq: number; prevHash: string; hash: string; at: string; row: string }

function chain(events: readonly QueuedEvent[], head: Head): Chained[] {
  let prevHash = head.hash;
  return events.map((e, i) => {
    const seq = head.seq + 1 + i;
    const h = hash('sha256', chainedCanonical(e.template, seq, prevHash), 'hex');
    const c = { seq, prevHash, hash: h, at: e.at, row: `{"seq":${seq},"prev_hash":${JSON.stringify(prevHash)},"hash":"${h}",${e.rowRest}` };
    prevHash = h;
    return c;
  });
}

/**
 * The moves as the statement takes them, and their evidence packets back to back in one binary
 * parameter (migrations/009-evidence-binary.ts): each move with a packet says where it lies.
 */
function movesOf(groups: Group[]): { moves: string; packets: Buffer } {
  const packets: Buffer[] = [];
  let at = 0;
  const moves = groups.flatMap((g) => g.orders.map((m) => {
    const packet = m.packet ? { packet_at: at, packet_len: m.packet.length } : {};
    if (m.packet) {
      packets.push(m.packet);
      at += m.packet.length;
    }
    return {
      order_id: m.orderId, attempt: m.attempt, from_status: m.from, to_status: m.to, ...packet,
      code: m.code ?? null, strict: m.strict, lease_expired: m.leaseExpired === true,
    };
  }));
  return { moves: JSON.stringify(moves), packets: Buffer.concat(packets, at) };
}

/** Named among the refused when an admission's facts generation had moved. */
const FACTS_MOVED = 'facts-moved';

/** The key under which the statement names a group whose admission did not apply. */
const admissionKey = (a: Admission) => `admission:${a.nonce}`;

function admissionsOf(groups: Group[]): string {
  const out = [];
  for (const g of groups) {
    const a = g.admission;
    if (!a) continue;
    const o = a.order;
    out.push({
      key: admissionKey(a), generation: a.generation, nonce: a.nonce, expires_at: a.nonceExpiresAt.toISOString(),
      ...(o ? {
        order_id: o.orderId, case_number: o.caseNumber, requester_fin: o.requesterFin, categories: o.categories, request_id: o.requestId,
        order_sha256: o.orderSha256, lease_until: o.leaseUntil.toISOString(),
      } : {}),
    });
  }
  return JSON.stringify(out);
}

const APPEND_SQL = prepared(`SELECT applied, head_seq AS "headSeq", head_hash AS "headHash", rejected
  FROM audit_append_orders($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7::bytea, $8::jsonb)`);

interface Statement { groups: Group[]; chained: Chained[] }

function writeFailed(reason: string, cause?: unknown): HubError {
  return new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason }, cause: HubError.is(cause) ? cause : undefined });
}

function transient(err: unknown): boolean {
  return HubError.is(err, 'HUB_ERR_STORE_UNAVAILABLE') || (HubError.is(err, 'HUB_ERR_STORE_FAILED') && ROLLED_BACK.has(String(err.details?.sqlState)));
}

export interface ChainWriter {
  /** Writes the groups; settles every one of them (resolve or reject), never throws. */
  write(groups: Group[]): Promise<void>;
  /** The head after the last write this writer made, if known. */
  readonly head: Head | null;
}

export function createChainWriter(db: Db, opts: { sleep?: (ms: number) => Promise<void> } = {}): ChainWriter {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let head: Head | null = null;

  function settle(s: Statement, pending: Set<Group>): void {
    let i = 0;
    for (const g of s.groups) {
      const out = g.events.map(() => {
        const c = s.chained[i++];
        return { seq: c.seq, hash: c.hash, at: new Date(c.at) };
      });
      if (pending.delete(g)) g.resolve(out);
    }
  }

  /**
   * Looks at the statements in doubt, under one snapshot with the head: one that committed
   * settles its groups; one whose expected head has moved on without it can never commit and is
   * dropped; one whose expected head is still the head may yet commit (its connection died but
   * its server process may not have), so the next statement is chained onto that same head: of
   * the two, the compare-and-swap lets at most one in.
   */
  async function checkDoubts(q: Db, doubts: Statement[], pending: Set<Group>): Promise<void> {
    for (const s of [...doubts]) {
      const first = s.chained[0];
      const last = s.chained[s.chained.length - 1];
      const r = (await q.query<{ doubt: string | null; seq: number; hash: string }>(
        'SELECT (SELECT hash FROM audit_events WHERE seq = $1) AS doubt, seq, hash FROM audit_chain_head WHERE id = 1', [last.seq])).rows[0];
      if (!r) throw writeFailed('no chain head');
      if (r.doubt === last.hash) {
        settle(s, pending);
        doubts.length = 0; // the others carried the same groups and expected older heads
        head = { seq: r.seq, hash: r.hash };
        return;
      }
      if (r.seq === first.seq - 1 && r.hash === first.prevHash) head = { seq: r.seq, hash: r.hash };
      else doubts.splice(doubts.indexOf(s), 1);
    }
  }

  function refuseMoved(groups: Group[], rejected: string[], pending: Set<Group>): Group[] {
    const moved = new Set(rejected);
    return groups.filter((g) => {
      if (g.admission && moved.has(admissionKey(g.admission))) {
        // factsMoved: the node's kept facts are stale (else: a nonce or order id already taken).
        if (pending.delete(g)) g.reject(new HubError('HUB_ERR_ORDER_SUPERSEDED', { details: { admission: 'refused', factsMoved: moved.has(FACTS_MOVED) } }));
        return false;
      }
      if (!g.orders.some((m) => m.strict && moved.has(m.orderId))) return true;
      if (pending.delete(g)) {
        g.reject(new HubError('HUB_ERR_ORDER_SUPERSEDED', { details: { orderIds: g.orders.filter((m) => moved.has(m.orderId)).map((m) => m.orderId) } }));
      }
      return false;
    });
  }

  async function send(q: Db, groups: Group[], at: Head, sent: (s: Statement) => void) {
    const chained = chain(groups.flatMap((g) => g.events), at);
    const last = chained[chained.length - 1];
    sent({ groups, chained });
    const { moves, packets } = movesOf(groups);
    const r = await q.query<{ applied: boolean; headSeq: number; headHash: string; rejected: string[] }>(APPEND_SQL, [
      at.seq, at.hash, `[${chained.map((c) => c.row).join(',')}]`, last.seq, last.hash, moves, packets, admissionsOf(groups),
    ]);
    const row = r.rows[0];
    if (!row) throw writeFailed('no chain head');
    return { applied: row.applied, head: { seq: row.headSeq, hash: row.headHash }, rejected: row.rejected ?? [], chained };
  }

  /** One try over the groups still pending. Throws on a store error; `doubts` then holds what may have been written. */
  async function attempt(pending: Set<Group>, doubts: Statement[]): Promise<void> {
    let groups = [...pending];
    let at = head ?? await readChainHead(db);
    for (let miss = 0; miss < OPTIMISTIC_ATTEMPTS && groups.length > 0;) {
      const r = await send(db, groups, at, (s) => doubts.push(s));
      doubts.pop(); // answered: this one is not in doubt
      if (r.applied) {
        head = r.head;
        doubts.length = 0; // the head moved past whatever was in doubt: none of it can commit now
        settle({ groups, chained: r.chained }, pending);
        return;
      }
      if (r.rejected.length > 0) {
        groups = refuseMoved(groups, r.rejected, pending);
        continue;
      }
      // Another node appended, or a statement of ours in doubt did commit after all.
      if (doubts.length > 0) {
        await checkDoubts(db, doubts, pending);
        groups = groups.filter((g) => pending.has(g));
      }
      at = r.head;
      miss++;
    }
    if (groups.length === 0) return;
    const written: { s?: Statement } = {};
    await db.transaction(async (tx) => {
      const locked = (await tx.query<Head>('SELECT seq, hash FROM audit_chain_head WHERE id = 1 FOR UPDATE')).rows[0];
      if (!locked) throw writeFailed('no chain head');
      if (doubts.length > 0) {
        await checkDoubts(tx, doubts, pending);
        groups = groups.filter((g) => pending.has(g));
      }
      while (groups.length > 0) {
        const r = await send(tx, groups, locked, () => undefined);
        if (r.applied) { written.s = { groups, chained: r.chained }; head = r.head; return; }
        if (r.rejected.length === 0) throw writeFailed('head moved under lock');
        groups = refuseMoved(groups, r.rejected, pending);
      }
    }).catch((err) => {
      // A COMMIT lost with its connection may have gone through.
      if (written.s) doubts.push(written.s);
      head = null;
      throw err;
    });
    if (written.s) {
      doubts.length = 0; // committed: the head moved past whatever was in doubt
      settle(written.s, pending);
    }
  }

  return {
    get head() { return head; },
    async write(groups) {
      const pending = new Set(groups);
      const doubts: Statement[] = [];
      let pause = FIRST_PAUSE_MS;
      for (;;) {
        const now = Date.now();
        for (const g of [...pending]) {
          if (g.deadline > now) continue;
          // In doubt: it may be in the chain. Otherwise it certainly is not.
          const inDoubt = doubts.some((s) => s.groups.includes(g));
          pending.delete(g);
          g.reject(writeFailed(inDoubt ? 'outcome-unknown' : 'store-unavailable'));
        }
        if (pending.size === 0) return;
        try {
          if (doubts.length > 0) await checkDoubts(db, doubts, pending);
          if (pending.size === 0) return;
          await attempt(pending, doubts);
          if (pending.size === 0) return;
        } catch (err) {
          if (!transient(err)) {
            head = null;
            const e = HubError.is(err, 'HUB_ERR_AUDIT_WRITE_FAILED') ? err : writeFailed(HubError.is(err) ? err.code : 'unexpected', err);
            // A statement that failed on the server was rolled back; an earlier one may still be in doubt.
            for (const g of pending) g.reject(doubts.some((d) => d.groups.includes(g)) ? writeFailed('outcome-unknown') : e);
            return;
          }
        }
        const latest = Math.max(...[...pending].map((g) => g.deadline));
        await sleep(Math.max(0, Math.min(pause, latest - Date.now())));
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
      }
    },
  };
}
