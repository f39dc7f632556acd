/**
 * The operator's view of the agencies' outbox as a Moleculer service (`outboxOps.deadLetter`,
 * `outboxOps.requeue`), each taking an operator-signed request checked in the action itself
 * (ctx.meta is never trusted). No fallback: a refusal must stay a refusal.
 */
import type { Context, ServiceSchema } from 'moleculer';
import type { CourtServiceDeps } from '../court/ports';
import { court, type CallCtx } from '../court/signed-request';
import type { Db } from '../store/db';
import { runDeadLetterView, runRequeue } from './outbox-ops.flow';

function callCtx(ctx: Context): CallCtx {
  return { requestId: ctx.requestID ?? ctx.id, call: (action, params, opts) => ctx.call(action, params as object, opts) };
}

export function createOutboxOpsService(deps: CourtServiceDeps, db: Db): ServiceSchema {
  const c = court(deps);
  return {
    name: 'outboxOps',
    actions: {
      deadLetter: { handler: (ctx: Context<unknown>) => runDeadLetterView(c, db, callCtx(ctx), ctx.params) },
      requeue: { handler: (ctx: Context<unknown>) => runRequeue(c, db, callCtx(ctx), ctx.params) },
    },
  };
}
