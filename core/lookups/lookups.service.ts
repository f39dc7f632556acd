import type { Context, ServiceSchema } from 'moleculer';
import { AdapterCallParams, AdapterResult, CategoryOutcome, HubError, LookupResult, subjectKind } from '../../contracts/hub';
import type { Catalog } from '../../registry';
import { LookupParams, parseLookupParams } from './lookup-params';
import { outcomeFromError, refusedOutcome } from './outcome-mapper';

export interface LookupsServiceOptions {
  catalog: Catalog;
  defaultDeadlineMs: number;
  /** Longest deadline a caller may ask for. */
  maxDeadlineMs?: number;
  /**
   * The refusal of a provider whose breaker in THIS process is open (adapters/kit/breaker.ts
   * openRefusal): the category's outcome is that refusal at once, with no call through the bus to
   * an adapter that would refuse it anyway. Absent, or undefined for a provider: the adapter decides.
   */
  openBreaker?: (provider: string, operation: string) => HubError | undefined;
}

/**
 * Lookup orchestration (docs/architecture.md, "Parts and processes" and "Reliability"): calls the adapters of the requested §11.2 categories in
 * parallel by action name (core never imports adapters) and returns one outcome per category,
 * never waiting past the deadline — one slow registry does not delay the others.
 *
 * `lookups.run` trusts its caller: authorization (docs/security-model.md §4) runs before it, and the gateway has no
 * route to it.
 */
export function createLookupsService(opts: LookupsServiceOptions): ServiceSchema {
  const { catalog } = opts;
  const maxDeadlineMs = opts.maxDeadlineMs ?? 60_000;

  async function one(ctx: Context, p: LookupParams, section: string, deadline: number): Promise<CategoryOutcome> {
    const category = catalog.bySection(section);
    if (!category) return refusedOutcome(section, 'HUB_ERR_VALIDATION_UNKNOWN_CATEGORY');
    if (!category.subjects.includes(subjectKind(p.subject))) return refusedOutcome(section, 'HUB_ERR_VALIDATION_SUBJECT_KIND', category.provider);
    if (!catalog.connected(section)) return refusedOutcome(section, 'HUB_ERR_REGISTRY_NO_ADAPTER', category.provider);

    const open = opts.openBreaker?.(category.provider, category.operation);
    if (open) return outcomeFromError(section, category.provider, open, 0);
    const t0 = Date.now();
    const remaining = deadline - t0;
    if (remaining <= 0) return outcomeFromError(section, category.provider, new HubError('HUB_ERR_DEADLINE_EXCEEDED'), 0);
    const params: AdapterCallParams = {
      section, subject: p.subject, caseNumber: p.caseNumber, userId: p.requesterId, deadline,
      ...(p.institutions?.[section] ? { institutions: p.institutions[section] } : {}),
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        ctx.call<AdapterResult, AdapterCallParams>(`adapter.${category.provider}.${category.operation}`, params, { timeout: remaining, retries: 0 }),
        new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new HubError('HUB_ERR_DEADLINE_EXCEEDED')), remaining); }),
      ]);
      return {
        section,
        provider: result.provider,
        status: result.outcome,
        data: result.data,
        // A scatter-gather category spans many messages: their ids and digests are per institution.
        ...(result.messageId ? { messageId: result.messageId, requestHash: result.requestHash, responseHash: result.responseHash } : {}),
        ...(result.signedAnswer !== undefined ? { signedAnswer: result.signedAnswer } : {}),
        ...(result.answerSignature !== undefined ? { answerSignature: result.answerSignature } : {}),
        ...(result.institutions ? { institutions: result.institutions, summary: result.summary } : {}),
        durationMs: Date.now() - t0,
      };
    } catch (err) {
      return outcomeFromError(section, category.provider, err, Date.now() - t0);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: 'lookups',
    actions: {
      run: {
        // No fallback here: a fallback would turn bad input into a "degraded" success (docs/conventions.md, Moleculer).
        async handler(ctx: Context<unknown>): Promise<LookupResult> {
          const p = parseLookupParams(ctx.params);
          const now = Date.now();
          if (p.deadline !== undefined && (p.deadline <= now || p.deadline > now + maxDeadlineMs)) {
            throw new HubError('HUB_ERR_VALIDATION_DEADLINE', { origin: 'client' });
          }
          const deadline = p.deadline ?? now + opts.defaultDeadlineMs;
          // The correlation id of logs and the audit trail. The adapters make each registry message's own
          // X-Road id: a client's X-Request-ID never becomes one.
          const requestId = ctx.requestID ?? ctx.id;
          const outcomes = await Promise.all(p.categories.map((section) => one(ctx, p, section, deadline)));
          return { requestId, caseNumber: p.caseNumber, outcomes, startedAt: new Date(now).toISOString(), finishedAt: new Date().toISOString() };
        },
      },
    },
  };
}
