/**
 * The outbox in /metrics: attempts by agency and outcome, the time from an event's creation to
 * the agency's acknowledgement, and — read from the table at each scrape — how many events wait,
 * were delivered or are dead letters, per agency (court_hub_outbox_events{state="dead"} is what an
 * operator alerts on).
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { outboxCounts, type DeliveryOutcome, type OutboxEvent } from '../../core/outbox';
import type { Db } from '../../core/store';

export interface OutboxMetrics {
  observe(o: DeliveryOutcome, e: OutboxEvent | undefined, ms: number): void;
}

export function outboxMetrics(registry: Registry, db: Db): OutboxMetrics {
  const attempts = new Counter({
    name: 'court_hub_outbox_attempts_total', help: 'Delivery attempts of agency events, by agency and outcome (delivered, retry, dead)',
    labelNames: ['agency', 'outcome'] as const, registers: [registry],
  });
  const latency = new Histogram({
    name: 'court_hub_outbox_delivery_latency_seconds', help: 'From the event written (the change committed) to the agency acknowledging it',
    labelNames: ['agency'] as const, buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300], registers: [registry],
  });
  new Gauge({
    name: 'court_hub_outbox_events', help: 'Agency events in the outbox by agency and state (pending, delivered, dead)',
    labelNames: ['agency', 'state'] as const, registers: [registry],
    async collect() {
      this.reset();
      for (const r of await outboxCounts(db).catch(() => [])) this.set({ agency: r.agencyId, state: r.state }, r.n);
    },
  });
  return {
    observe(o, e) {
      if (!e || (o.kind !== 'delivered' && o.kind !== 'retry' && o.kind !== 'dead')) return;
      attempts.inc({ agency: e.agencyId, outcome: o.kind });
      if (o.kind === 'delivered') latency.observe({ agency: e.agencyId }, Math.max(0, Date.now() - new Date(e.createdAt).getTime()) / 1000);
    },
  };
}
