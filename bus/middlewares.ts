import type { Middleware } from 'moleculer';
import type { ProcessMetrics } from './metrics';

/** Measures every local action into court_hub_action_duration_seconds (cheap: one hrtime pair). */
export function actionMetricsMiddleware(metrics: ProcessMetrics): Middleware {
  return {
    name: 'ActionMetrics',
    localAction(next: any, action: any) {
      const name: string = action.name;
      if (name.startsWith('$')) return next;
      return function (ctx: any) {
        const t0 = process.hrtime.bigint();
        const done = (outcome: string) => metrics.actionDuration.observe({ action: name, outcome }, Number(process.hrtime.bigint() - t0) / 1e9);
        return next(ctx).then(
          (res: unknown) => { done('ok'); return res; },
          (err: unknown) => { done('error'); throw err; },
        );
      };
    },
  } as unknown as Middleware;
}
