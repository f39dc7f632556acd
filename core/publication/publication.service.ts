/**
 * The publication service (statute 12.6, 6.1.21): review and approval of a decision's anonymized
 * draft (signed requests, authorized in the action: ctx.meta is never trusted), the operator's
 * deadline report, and the public read side — search and a published decision by id — which
 * reads published_decisions only. No action has a fallback.
 */
import type { Context, ServiceSchema } from 'moleculer';
import { HubError } from '../../contracts/hub';
import type { CallCtx, Court } from '../court/signed-request';
import { readPublished, runApprove } from './approve.flow';
import { runDeadlines } from './deadlines.flow';
import type { PublicationDeps } from './ports';
import { runReview, runSubmitText } from './review.flow';
import { parseSearchParams, searchPublished } from './search';

function callCtx(ctx: Context): CallCtx {
  return { requestId: ctx.requestID ?? ctx.id, call: (action, params, opts) => ctx.call(action, params as object, opts) };
}

export function createPublicationService(c: Court, p: PublicationDeps & { signedDecisionsSql: string }): ServiceSchema {
  return {
    name: 'publication',
    actions: {
      draft: { handler: (ctx: Context<unknown>) => runSubmitText(c, p, callCtx(ctx), ctx.params) },
      review: { handler: (ctx: Context<unknown>) => runReview(c, p, callCtx(ctx), ctx.params) },
      approve: { handler: (ctx: Context<unknown>) => runApprove(c, p, callCtx(ctx), ctx.params) },
      deadlines: { handler: (ctx: Context<unknown>) => runDeadlines(c, p, callCtx(ctx), ctx.params) },
      // Public: the query string's values, validated here (any node may call an action).
      search: {
        handler: (ctx: Context<{ query?: Record<string, string | string[]> }>) => searchPublished(p.db, parseSearchParams(ctx.params?.query ?? {})),
      },
      get: {
        async handler(ctx: Context<{ id?: unknown }>) {
          const id = ctx.params?.id;
          if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) {
            throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', message: 'A publication id is a UUID', details: { violations: ['/id must be a UUID'] } });
          }
          const r = await readPublished(p, id);
          if (!r) throw new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'client', message: 'No published decision has this id' });
          return r;
        },
      },
    },
  };
}
