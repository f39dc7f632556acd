/**
 * The agencies' push (docs/architecture.md, "Agencies"): the outbox delivery of one core node.
 * Embedded (no NATS) an in-process poller; with NATS a JetStream stream and a durable consumer
 * shared by every core node. Either way the same deliverOne, the same senders: callbacks signed
 * by the hub (v2 REST profile), and the enforcement transfer of a decision to enforce (EHİS SOAP).
 */
import { hostname } from 'node:os';
import type { Registry } from 'prom-client';
import { HubError } from '../../contracts/hub';
import { jwsSign } from '../../adapters';
import { createCallbackSender, type CallbackEndpoint } from '../../adapters/push/callback-sender';
import { DEFAULT_RETRY_POLICY, deliverOne, type DeliveryDeps, type EventSender, type RetryPolicy } from '../../core/outbox';
import type { Db } from '../../core/store';
import { OUTBOX_NOTIFY_CHANNEL } from '../../core/store/migrations/008-outbox-notify';
import { listAgencies } from '../../core/store/repositories/agencies';
import type { PathValidator } from '../../signing/pki';
import type { WssSigner } from '../../signing/wss';
import type { HealthCheck } from '../ops.service';
import { startJetStreamDelivery } from './jetstream-delivery';
import { pinnedAgencyTrust } from './pinned-agency';
import { outboxMetrics } from './outbox-metrics';
import { startPollingDelivery, type DeliveryLoop } from './polling-delivery';

export interface AgencyDeliveryOptions {
  db: Db;
  /** nats://… : deliver through JetStream; null: in this process. */
  transporter: string | null;
  hub: { signer: WssSigner; client: string };
  validator: PathValidator;
  metricsRegistry: Registry;
  /** The enforcement transfer (6.1.19); absent: such events wait as failures until it is configured. */
  enforcementTransfer?: EventSender;
  /** See DeliveryDeps.afterDelivered. */
  afterDelivered?: DeliveryDeps['afterDelivered'];
  policy?: Partial<RetryPolicy>;
  pollMs?: number;
  concurrency?: number;
  /** Bound of one callback, ms (default 10000). */
  sendTimeoutMs?: number;
  /** Lease of a claimed event = JetStream ack wait (default 30000). */
  leaseMs?: number;
  owner?: string;
  onError?(err: unknown): void;
}

export interface AgencyDelivery {
  loop: DeliveryLoop;
  health: HealthCheck;
  stop(): Promise<void>;
}

/** The callback endpoints of the directory (the agencies table), re-read every few seconds. */
function directoryEndpoints(db: Db, validator: PathValidator, refreshMs = 5000) {
  let map = new Map<string, CallbackEndpoint>();
  let loadedAt = 0;
  let loading: Promise<void> | null = null;
  const load = () => {
    loading ??= listAgencies(db).then((list) => {
      const next = new Map<string, CallbackEndpoint>();
      for (const a of list) if (a.active && a.callbackUrl) next.set(a.id, { url: a.callbackUrl, trust: pinnedAgencyTrust(validator, a.certSha256) });
      map = next;
      loadedAt = Date.now();
    }).finally(() => { loading = null; });
    return loading;
  };
  return {
    async fresh(): Promise<void> { if (Date.now() - loadedAt > refreshMs) await load(); },
    endpointOf: (id: string) => map.get(id),
  };
}

export async function startAgencyDelivery(o: AgencyDeliveryOptions): Promise<AgencyDelivery> {
  const owner = o.owner ?? `${hostname()}-${process.pid}`;
  const leaseMs = o.leaseMs ?? 30_000;
  const metrics = outboxMetrics(o.metricsRegistry, o.db);
  const directory = directoryEndpoints(o.db, o.validator);
  const callbacks = createCallbackSender({ client: o.hub.client, sign: jwsSign(o.hub.signer), endpointOf: directory.endpointOf });
  const policy = { ...DEFAULT_RETRY_POLICY, ...o.policy };
  let last: { at: string; error: string } | null = null;
  const onError = (err: unknown) => {
    last = { at: new Date().toISOString(), error: (err as { code?: string })?.code ?? 'delivery-loop-error' };
    o.onError?.(err);
  };
  const deps = {
    db: o.db, owner, leaseMs, sendTimeoutMs: o.sendTimeoutMs ?? 10_000, policy,
    senders: {
      callback: async (e: Parameters<EventSender>[0], signal: AbortSignal) => { await directory.fresh(); return callbacks.send(e, signal); },
      'enforcement-transfer': o.enforcementTransfer ?? (async () => { throw new HubError('HUB_ERR_CONFIG_INVALID', { message: 'No enforcement transfer endpoint is configured' }); }),
    },
    observe: metrics.observe,
    afterDelivered: o.afterDelivered,
  };
  const deliver = (id: string) => deliverOne(deps, id);
  // A new event is announced by the store (migration 008, NOTIFY at commit): the loop starts on it
  // at once. The periodic look remains for what no notification announces (a lease run out on a
  // node that died, a notification lost with its connection); a store that cannot listen is looked
  // at every 25 ms, which bounds the push latency.
  const pollMs = o.pollMs ?? (o.db.listen ? 1000 : 25);
  const concurrency = o.concurrency ?? 16;
  const loop = o.transporter
    ? await startJetStreamDelivery({ url: o.transporter, db: o.db, deliver, pollMs, concurrency, ackWaitMs: leaseMs, onError })
    : startPollingDelivery({ db: o.db, deliver, pollMs, concurrency, onError });
  const listener = o.db.listen?.(OUTBOX_NOTIFY_CHANNEL, () => loop.kick());
  return {
    loop,
    health: () => (last && Date.now() - Date.parse(last.at) < 60_000 ? { status: 'degraded', details: last } : { status: 'up', details: { mode: o.transporter ? 'jetstream' : 'in-process' } }),
    async stop() {
      await listener?.close();
      await loop.stop();
      callbacks.close();
    },
  };
}
