import type { ServiceSchema } from 'moleculer';
import type { ProcessMetrics } from './metrics';

export type ComponentStatus = 'up' | 'down' | 'degraded';
export interface ComponentHealth { status: ComponentStatus; details?: Record<string, unknown> }
export type HealthCheck = () => Promise<ComponentHealth> | ComponentHealth;

/**
 * Runs on every node: reports this process's metrics and health checks so that the gateway can
 * show the whole cluster (breakers live in adapter processes, the store in core processes).
 */
export function createOpsService(metrics: ProcessMetrics, checks: Record<string, HealthCheck>): ServiceSchema {
  return {
    name: 'ops',
    actions: {
      metrics: {
        visibility: 'public',
        handler: () => metrics.registry.getMetricsAsJSON(),
      },
      health: {
        visibility: 'public',
        async handler(this: any) {
          const components: Record<string, ComponentHealth> = {};
          await Promise.all(Object.entries(checks).map(async ([name, check]) => {
            try { components[name] = await check(); } catch (err: any) { components[name] = { status: 'down', details: { error: err?.code ?? 'check failed' } }; }
          }));
          return { node: this.broker.nodeID, components };
        },
      },
    },
  };
}
