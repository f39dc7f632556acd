/**
 * Breaker and upstream-call metrics on an injected prom-client Registry (the bus owns the registry
 * and serves it at /metrics). opossum-prometheus is not used: its last Node 20 release may not be
 * served here (docs/conventions.md, opossum), and these few series are all the ops view needs. Several adapter
 * services share one registry, so each metric is created once and reused.
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export const METRIC_BREAKER_STATE = 'court_hub_breaker_state';
export const METRIC_BREAKER_EVENTS = 'court_hub_breaker_events_total';
export const METRIC_UPSTREAM_DURATION = 'court_hub_upstream_call_duration_seconds';

/** Gauge values of court_hub_breaker_state. */
export const BREAKER_STATE_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

export type BreakerEvent = 'success' | 'failure' | 'reject' | 'timeout' | 'fallback' | 'bulkhead_full';

export interface BreakerMetrics {
  state: Gauge<'provider'>;
  events: Counter<'provider' | 'event'>;
  duration: Histogram<'provider' | 'operation' | 'outcome'>;
}

function getOrCreate<T>(registry: Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}

export function breakerMetrics(registry: Registry): BreakerMetrics {
  return {
    state: getOrCreate(registry, METRIC_BREAKER_STATE, () => new Gauge({
      name: METRIC_BREAKER_STATE,
      help: 'Provider breaker state: 0 closed, 1 half-open, 2 open',
      labelNames: ['provider'] as const,
      registers: [registry],
    })),
    events: getOrCreate(registry, METRIC_BREAKER_EVENTS, () => new Counter({
      name: METRIC_BREAKER_EVENTS,
      help: 'Provider breaker events: success, failure, reject (open), timeout, fallback, bulkhead_full',
      labelNames: ['provider', 'event'] as const,
      registers: [registry],
    })),
    duration: getOrCreate(registry, METRIC_UPSTREAM_DURATION, () => new Histogram({
      name: METRIC_UPSTREAM_DURATION,
      help: 'Duration of one adapter call to a registry (all attempts), by outcome (ok, not-found or the error code)',
      labelNames: ['provider', 'operation', 'outcome'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    })),
  };
}
