/**
 * The decisions service: every action takes a signed document and authorizes it itself (ctx.meta
 * is never trusted); no fallbacks (a fallback would turn a refusal into a "degraded" success).
 */
import type { Context, ServiceSchema } from 'moleculer';
import { DEFAULT_LIMITS } from '../authz/authz.types';
import type { CallCtx } from '../court/signed-request';
import { runDecisionInForce, runEnforcementStatus, runSubmitDecision, type DecisionServiceDeps, type Decisions } from './decision.flow';

type Flow = (c: Decisions, ctx: CallCtx, body: unknown) => Promise<unknown>;

export function createDecisionsService(deps: DecisionServiceDeps): ServiceSchema {
  const c: Decisions = { deps, limits: { ...DEFAULT_LIMITS, ...deps.limits }, now: deps.now ?? (() => new Date()) };
  const action = (flow: Flow) => ({
    async handler(ctx: Context<unknown>) {
      return flow(c, { requestId: ctx.requestID ?? ctx.id, call: (a, p, o) => ctx.call(a, p as object, o) }, ctx.params);
    },
  });
  return {
    name: 'decisions',
    actions: {
      submit: action(runSubmitDecision),
      inForce: action(runDecisionInForce),
      enforcementStatus: action(runEnforcementStatus),
    },
  };
}
