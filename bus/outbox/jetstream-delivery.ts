/**
 * Delivery in a cluster: the outbox events go through a JetStream stream so that any node can
 * deliver them and neither a node nor a NATS restart loses one.
 *
 * - The relay (every core node) hands pending events of the outbox table to the stream, the event
 *   id as `Nats-Msg-Id` (JetStream drops a second publish of the same id inside the duplicate
 *   window, so two relays racing on a row publish it once). A row handed long ago and still pending
 *   (a NATS server that came back without its store) is handed again under `<event id>:<n>`.
 * - A durable pull consumer shared by all nodes (work queue, explicit acks) gives each event to one
 *   node. The node delivers it with deliverOne (lease, in order per decision, retry bookkeeping in
 *   the table) and acks only once the event is settled; a retry is a `nak` with the backoff delay.
 *   A node that dies mid-delivery never acks: after `ackWaitMs` JetStream gives the message to
 *   another node, whose claim succeeds once the dead node's lease (as long as the ack wait) ran out.
 * The table stays the truth: an ack lost in a NATS restart only means the message comes again and
 * finds its event settled.
 */
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, connect, nanos, type JetStreamClient, type JsMsg, type NatsConnection } from 'nats';
import { HubError } from '../../contracts/hub';
import { markPublished, unpublishedEvents, type DeliveryOutcome } from '../../core/outbox';
import type { Db } from '../../core/store';
import type { DeliveryLoop } from './polling-delivery';

export const AGENCY_EVENTS_STREAM = 'COURT_HUB_AGENCY_EVENTS';
export const AGENCY_EVENTS_SUBJECT = 'court-hub.agency-events';
export const AGENCY_DELIVERY_CONSUMER = 'court-hub-agency-delivery';

export interface JetStreamDeliveryOptions {
  url: string;
  db: Db;
  deliver(eventId: string): Promise<DeliveryOutcome>;
  /** How often the relay looks for events to hand to the stream, besides when kicked. */
  pollMs: number;
  /** In-flight deliveries on this node. */
  concurrency: number;
  /** JetStream's ack wait: how long a message given to a node waits for its ack before it goes to another. */
  ackWaitMs: number;
  /** A handed-over row still pending after this long is handed again (longer than the duplicate window). */
  republishAfterMs?: number;
  connectTimeoutMs?: number;
  onError?(err: unknown): void;
}

const DUPLICATE_WINDOW_MS = 120_000;

/** A subject token from an agency id ('.', '*', '>' and blanks are not allowed in a token). */
function token(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

async function ensureStream(nc: NatsConnection, ackWaitMs: number): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const config = {
    name: AGENCY_EVENTS_STREAM, subjects: [`${AGENCY_EVENTS_SUBJECT}.>`], storage: StorageType.File,
    retention: RetentionPolicy.Workqueue, duplicate_window: nanos(DUPLICATE_WINDOW_MS),
  };
  try {
    await jsm.streams.info(AGENCY_EVENTS_STREAM);
  } catch {
    await jsm.streams.add(config).catch(async (err) => {
      // Another node made it between our look and our add.
      await jsm.streams.info(AGENCY_EVENTS_STREAM).catch(() => { throw err; });
    });
  }
  const consumer = {
    durable_name: AGENCY_DELIVERY_CONSUMER, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ackWaitMs),
    deliver_policy: DeliverPolicy.All, max_deliver: -1, max_ack_pending: 10_000,
  };
  try {
    await jsm.consumers.info(AGENCY_EVENTS_STREAM, AGENCY_DELIVERY_CONSUMER);
  } catch {
    await jsm.consumers.add(AGENCY_EVENTS_STREAM, consumer).catch(async (err) => {
      await jsm.consumers.info(AGENCY_EVENTS_STREAM, AGENCY_DELIVERY_CONSUMER).catch(() => { throw err; });
    });
  }
}

/** What to tell JetStream after an attempt. */
function settle(m: JsMsg, o: DeliveryOutcome): void {
  switch (o.kind) {
    case 'delivered': case 'settled': case 'dead': m.ack(); return;
    case 'retry': m.nak(o.retryInMs); return;
    case 'wait': m.nak(Math.max(50, o.retryInMs)); return;
  }
}

export async function startJetStreamDelivery(o: JetStreamDeliveryOptions): Promise<DeliveryLoop> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: o.url, timeout: o.connectTimeoutMs ?? 5000, maxReconnectAttempts: -1, reconnectTimeWait: 250, name: 'court-hub agency delivery' });
  } catch (err) {
    throw new HubError('HUB_ERR_TRANSPORT_UNREACHABLE', { message: `Agency delivery could not reach NATS at ${o.url}`, cause: err });
  }
  try {
    await ensureStream(nc, o.ackWaitMs);
  } catch (err) {
    await nc.close().catch(() => undefined);
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `Agency delivery needs NATS JetStream at ${o.url} (start nats-server with -js): ${(err as Error).message}`, cause: err });
  }
  const js: JetStreamClient = nc.jetstream();
  let stopped = false;
  const republishAfter = o.republishAfterMs ?? DUPLICATE_WINDOW_MS + 60_000;

  // --- relay: outbox table → stream
  let relaying: Promise<void> | null = null;
  async function relayOnce(): Promise<void> {
    for (;;) {
      const rows = await unpublishedEvents(o.db, 256, republishAfter);
      if (rows.length === 0) return;
      const done: string[] = [];
      for (const r of rows) {
        const msgID = r.publishCount === 0 ? r.eventId : `${r.eventId}:${r.publishCount}`;
        await js.publish(`${AGENCY_EVENTS_SUBJECT}.${token(r.agencyId)}`, new TextEncoder().encode(r.eventId), { msgID, timeout: 5000 });
        done.push(r.eventId);
      }
      await markPublished(o.db, done);
      if (rows.length < 256 || stopped) return;
    }
  }
  // A kick while a pass runs (a notification for a row its query may not have seen) runs one more.
  let relayAgain = false;
  const relay = () => {
    if (stopped) return;
    if (relaying) { relayAgain = true; return; }
    relaying = relayOnce().catch((err) => o.onError?.(err)).finally(() => {
      relaying = null;
      if (relayAgain) { relayAgain = false; relay(); }
    });
  };
  const timer = setInterval(relay, o.pollMs);
  timer.unref();
  relay();

  // --- consumer: stream → agencies, on whichever node gets the message
  const inflight = new Set<Promise<void>>();
  let consuming: Promise<void> | null = null;
  let current: { close(): Promise<void | Error> } | undefined;
  async function consumeLoop(): Promise<void> {
    while (!stopped) {
      try {
        const consumer = await js.consumers.get(AGENCY_EVENTS_STREAM, AGENCY_DELIVERY_CONSUMER);
        const messages = await consumer.consume({ max_messages: o.concurrency });
        current = messages;
        for await (const m of messages) {
          if (stopped) { m.nak(); break; }
          while (inflight.size >= o.concurrency) await Promise.race(inflight);
          const eventId = m.string();
          const p: Promise<void> = o.deliver(eventId).then((r) => settle(m, r), (err) => { o.onError?.(err); m.nak(1000); })
            .finally(() => { inflight.delete(p); });
          inflight.add(p);
        }
      } catch (err) {
        if (!stopped) o.onError?.(err);
      }
      if (!stopped) await new Promise((r) => setTimeout(r, 500));
    }
  }
  consuming = consumeLoop();

  return {
    kick: relay,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current?.close().catch(() => undefined);
      if (relaying) await relaying;
      await Promise.allSettled([...inflight]);
      await nc.drain().catch(() => nc.close());
      await Promise.race([consuming, new Promise((r) => setTimeout(r, 1000))]);
    },
  };
}
