/**
 * Recovery after a node, NATS or database fault (README "Faults"), run by every core node at
 * start-up and then periodically (one node at a time: the caller holds a cluster-wide lock):
 *
 * 1. Orders whose attempt was abandoned (still `received` or `authorized` after its lease) get
 *    their final state, `failed`, with an `interrupted` end for each provider call the attempt
 *    had started: in one statement (attempt-recovery.ts). The judge may send the order again.
 * 2. Any other provider call started and never ended (a clerk's identity check on a node that
 *    died, or an end record lost) gets an `interrupted` end once it is older than `callGraceMs`.
 *    The scan starts at a mark below which every call is known to be ended, so it reads only the
 *    tail of the chain.
 */
import type { OpenCall } from '../store/repositories/open-calls';
import { endAbandonedAttempt, interruptedEnd } from './attempt-recovery';
import type { AuditPort, RecoveryStore } from './ports';

export interface RecoveryOptions {
  store: RecoveryStore;
  audit: AuditPort;
  /** A call of no open order counts as abandoned this long after it started. */
  callGraceMs: number;
  now?: () => number;
}

export interface RecoveryReport { ordersEnded: number; callsClosed: number; mark: number }

const PAGE = 500;

export async function recoverAbandoned(o: RecoveryOptions): Promise<RecoveryReport> {
  const { store, audit } = o;
  const now = o.now ?? Date.now;
  let ordersEnded = 0;
  for (const s of await store.staleOrders(PAGE)) {
    if ((await endAbandonedAttempt(store, audit, s)) === 'ended') ordersEnded++;
  }

  const from = await store.recoveryMark();
  const top = await store.chainTop(); // read before the scan: every record up to it is visible to it
  const open = await store.openCallsAfter(from, PAGE);
  const close: OpenCall[] = [];
  let held: number | null = null; // the first call still legitimately open
  for (const call of open) {
    if (await stillOpen(store, call, now() - o.callGraceMs)) {
      held ??= call.seq;
      continue;
    }
    close.push(call);
  }
  if (close.length > 0) await audit.appendAll(close.map(interruptedEnd));
  const mark = held !== null ? held - 1 : open.length === PAGE ? open[open.length - 1].seq : top;
  if (mark > from) await store.advanceRecoveryMark(mark);
  return { ordersEnded, callsClosed: close.length, mark: Math.max(mark, from) };
}

/**
 * A call of an order is open while that order's current attempt (the call's request) is
 * `authorized`: step 1 ends it once its lease runs out. A call of no order is open for a grace time.
 */
async function stillOpen(store: RecoveryStore, call: OpenCall, graceStart: number): Promise<boolean> {
  if (!call.orderId) return call.at.getTime() > graceStart;
  const order = await store.orderAttempt(call.orderId);
  return order !== null && order.attemptRequestId === call.requestId && (order.status === 'authorized' || order.status === 'received');
}
