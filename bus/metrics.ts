import { AggregatorRegistry, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One prom-client registry per process, every series labelled with the Moleculer node id, so the
 * gateway can merge the registries of all nodes of a cluster into one /metrics answer without
 * summing series of different nodes together. Moleculer's own metrics stay off: they cost a
 * large share of throughput (docs/conventions.md, Moleculer) and duplicate what we export here.
 */
export interface ProcessMetrics {
  registry: Registry;
  actionDuration: Histogram<'action' | 'outcome'>;
}

export function createProcessMetrics(nodeId: string): ProcessMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ node: nodeId });
  collectDefaultMetrics({ register: registry, prefix: 'court_hub_' });
  const actionDuration = new Histogram({
    name: 'court_hub_action_duration_seconds',
    help: 'Duration of Moleculer actions handled on this node',
    labelNames: ['action', 'outcome'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, actionDuration };
}

/** Merges the JSON form of several nodes' registries (AggregatorRegistry keeps distinct label sets apart). */
export async function renderMerged(perNode: unknown[]): Promise<string> {
  const merged = AggregatorRegistry.aggregate(perNode as any);
  return merged.metrics();
}
