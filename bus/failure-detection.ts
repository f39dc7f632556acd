/**
 * How fast a node learns that another one died (README "Faults"; Moleculer 0.14's
 * registry/discoverers/base.js, registry/node-catalog.js and transit.js, read for this):
 *
 * - NATS does not tell the other nodes when a process dies: Moleculer notices missing heartbeats.
 *   A node beats every `heartbeatInterval` s (±0.5 s); a remote node is dropped when nothing came
 *   for more than `heartbeatTimeout` s, but Moleculer only looks every `heartbeatTimeout` s, so a
 *   death is noticed after up to twice the timeout. Here the check runs every second instead.
 *   Dropping a node rejects every request pending on it at once (RequestRejectedError → 503).
 * - A node that comes back with the same node id before it was dropped is merely "updated": the
 *   requests pending on its dead instance would wait for their timeout. When a node's instance id
 *   changes, those requests are rejected here at once.
 */
import type { Middleware, ServiceBroker } from 'moleculer';

/** Heartbeats every second; a node silent for more than 4 s (seen within 1 s more) is dropped. */
export const HEARTBEAT_INTERVAL_S = 1;
export const HEARTBEAT_TIMEOUT_S = 4;
const CHECK_EVERY_MS = 1000;

interface NodeLike { id: string; instanceID?: string; local?: boolean }

export function failureDetection(): Middleware {
  let timer: NodeJS.Timeout | undefined;
  const instances = new Map<string, string>();
  return {
    name: 'FailureDetection',
    created(broker: ServiceBroker) {
      const b = broker as any;
      const seen = ({ node }: { node: NodeLike }) => {
        if (!node || node.local || !node.instanceID) return;
        const before = instances.get(node.id);
        instances.set(node.id, node.instanceID);
        // Same node id, new process: whatever was sent to the old one will never be answered.
        if (before !== undefined && before !== node.instanceID) b.transit?.removePendingRequestByNodeID(node.id);
      };
      b.localBus.on('$node.connected', seen);
      b.localBus.on('$node.updated', seen);
    },
    started(broker: ServiceBroker) {
      const discoverer = (broker as any).registry?.discoverer;
      if (!(broker as any).transit || !discoverer) return;
      timer = setInterval(() => discoverer.checkRemoteNodes(), CHECK_EVERY_MS);
      timer.unref();
    },
    stopped() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  } as unknown as Middleware;
}
