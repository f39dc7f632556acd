/**
 * The audit chain in /metrics (statute 8.2.15: no record, no lookup, so every lookup waits for
 * the chain twice). The chain takes one write at a time: the writes' summed time over the wall
 * time is how busy it is, and events per write is how well concurrent appends share one commit.
 */
import { Histogram, type Registry } from 'prom-client';

export type AuditWriteObserver = (w: { events: number; groups: number; ms: number }) => void;

export function auditMetrics(registry: Registry): AuditWriteObserver {
  const seconds = new Histogram({
    name: 'court_hub_audit_write_seconds', help: 'One write to the audit chain (one statement, with its retries), from sent to answered',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers: [registry],
  });
  const events = new Histogram({
    name: 'court_hub_audit_write_events', help: 'Audit records in one write to the chain (the appends that arrived while the one before was in flight)',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500], registers: [registry],
  });
  return (w) => {
    seconds.observe(w.ms / 1000);
    events.observe(w.events);
  };
}
