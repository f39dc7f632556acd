/**
 * The court service (docs/architecture.md, "A judge's lookup"): every action takes a signed document and enforces authorization
 * itself — ctx.meta is never trusted (any node on the bus may set it; docs/conventions.md, Moleculer). No action
 * has a fallback: a fallback would turn a refusal into a "degraded" success.
 */
import type { Context, ServiceSchema } from 'moleculer';
import { runDelegation } from './delegation.flow';
import { runIdentityCheck } from './identity.flow';
import { runLookup } from './lookup.flow';
import type { CourtServiceDeps } from './ports';
import { runAccessReport, runEvidenceFetch, runUpsertCase, runUpsertRoster } from './records.flow';
import { CallCtx, Court, court } from './signed-request';

type Flow = (c: Court, ctx: CallCtx, body: unknown) => Promise<unknown>;

function callCtx(ctx: Context): CallCtx {
  const timeout = Number(ctx.options?.timeout);
  return {
    requestId: ctx.requestID ?? ctx.id,
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
    call: (action, params, opts) => ctx.call(action, params as object, opts),
  };
}

export function createCourtService(deps: CourtServiceDeps): ServiceSchema {
  const c = court(deps);
  const action = (flow: Flow) => ({
    // Params are the signed document's wire form, validated by the flow's own schema (ajv, all violations at once).
    async handler(ctx: Context<unknown>) {
      return flow(c, callCtx(ctx), ctx.params);
    },
  });
  return {
    name: deps.name ?? 'court',
    actions: {
      lookup: action(runLookup),
      evidence: action(runEvidenceFetch),
      delegate: action(runDelegation),
      verifyIdentity: action(runIdentityCheck),
      accessReport: action(runAccessReport),
      upsertCase: action(runUpsertCase),
      upsertRoster: action(runUpsertRoster),
    },
  };
}
