/**
 * Scatter-gather over a directory of institutions (statute 11.2.13: accounts "from credit
 * institutions" — every bank answers for itself; 11.2.17: three utilities). One adapter action,
 * e.g. `adapter.banks.getBankAccounts`, asks every institution of the directory (or the ones a
 * follow-up order names) in parallel, each through its OWN engine, pinned certificate, breaker and
 * bulkhead, under an overall concurrency cap and the order's deadline. Every institution's answer
 * goes through the same checks as any registry answer (profile v2: signature, id, request hash,
 * time, replay, the subject named); a bank answering about another person is that bank's `error`,
 * never data. The result holds one outcome per institution and a summary (asked, answered, with
 * data, missing by name).
 *
 * The category's outcome: `ok` when at least one institution answered with data or when some
 * answered and others are missing (the summary says who); `not-found` only when every institution
 * asked answered not-found; when none answered authentically the call fails like a single
 * registry's (transient → unavailable), so an order whose categories all failed may be re-sent.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Service, ServiceSchema } from 'moleculer';
import { CATEGORY_POLICY, HubError, type AdapterResult, type FanOutSummary, type InstitutionOutcome } from '../../contracts/hub';
import type { InstitutionEntry } from '../../registry/institutions';
import { breakerRegistry as defaultBreakers, ProviderBreaker } from './breaker';
import { breakerMetrics } from './breaker-metrics';
import { validateCall } from './call-params';
import type { RestAdapterDescriptor } from './descriptor';
import type { Engine } from './engine-types';
import { createModelCheck } from './model-validator';
import { memoryReplayGuard } from './replay-guard';
import { createRestEngine } from './rest-engine';
import { withRetry } from './retry';
import type { RestVerify } from './seams';
import type { AdapterServiceDeps } from './service-factory';
import { checkSubjectLocations } from './subject-binding';

export interface FanOutDeps extends Omit<AdapterServiceDeps, 'endpoint' | 'verify'> {
  directory: { provider: string; section: string; institutions: readonly InstitutionEntry[] };
  /** Endpoint per institution id (configuration, or the in-process mock agencies). */
  endpoints: Readonly<Record<string, string>>;
  /** Verifier of one institution's signed answers, bound to the certificate pinned for it. */
  verifyOf(institutionId: string): RestVerify;
  /** Institution calls in flight at once for one lookup (default 64). */
  concurrency?: number;
}

interface Member {
  entry: InstitutionEntry;
  engine: Engine;
  breaker: ProviderBreaker;
}

type FanOutService = Service & { $members?: Map<string, Member> };

const DEFAULT_CONCURRENCY = 64;
const DEFAULT_MAX_ANSWER = 1024 * 1024;

/** Runs `jobs` with at most `limit` in flight; keeps their order. */
async function limited<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

export function summarize(outcomes: readonly InstitutionOutcome[]): FanOutSummary {
  const answered = outcomes.filter((o) => o.status === 'ok' || o.status === 'not-found');
  return {
    asked: outcomes.length,
    answered: answered.length,
    withData: outcomes.filter((o) => o.status === 'ok').length,
    missing: outcomes
      .filter((o) => o.status === 'unavailable' || o.status === 'error')
      .map((o) => ({ institution: o.institution, name: o.name, status: o.status as 'unavailable' | 'error', code: o.error?.code ?? 'HUB_ERR_SYSTEM_INTERNAL' })),
  };
}

export function createFanOutService(d: RestAdapterDescriptor, deps: FanOutDeps): ServiceSchema {
  const { directory } = deps;
  const provider = deps.provider;
  const config = (message: string) => new HubError('HUB_ERR_CONFIG_INVALID', { message, details: { provider: d.provider } });
  if (provider.id !== d.provider || directory.provider !== d.provider) throw config(`Fan-out adapter ${d.provider} was given the entry of ${provider.id} / directory ${directory.provider}`);
  const missingEndpoint = directory.institutions.filter((i) => !/^https?:\/\/\S+$/.test(deps.endpoints[i.id] ?? ''));
  if (missingEndpoint.length) {
    throw config(`No endpoint for ${missingEndpoint.length} institution(s) of ${d.provider}: set ${missingEndpoint.slice(0, 3).map((i) => i.endpointEnv).join(', ')}${missingEndpoint.length > 3 ? ', …' : ''}`);
  }
  const categories = (deps.categories ?? []).filter((c) => c.provider === d.provider);
  const timeoutMs = Math.max(...categories.map((c) => c.timeoutMs), 1000);
  const metrics = breakerMetrics(deps.metricsRegistry);
  const breakers = deps.breakers ?? defaultBreakers;
  const checkModel = createModelCheck(d);
  checkSubjectLocations(d);
  const replay = deps.replay ?? memoryReplayGuard();
  const newMessageId = deps.newMessageId ?? randomUUID;
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  if (!deps.hub.signRest) throw config(`Fan-out adapter ${d.provider} needs signRest`);
  const signRest = deps.hub.signRest;

  function member(entry: InstitutionEntry): Member {
    const endpoint = deps.endpoints[entry.id];
    return {
      entry,
      engine: createRestEngine({
        descriptor: d, endpoint, client: deps.hub.xroad, sign: signRest, verify: deps.verifyOf(entry.id), checkModel, replay,
        maxAnswerBytes: deps.maxAnswerBytes ?? DEFAULT_MAX_ANSWER, maxSockets: provider.breaker.capacity,
      }),
      // Breaker and bulkhead per institution: one bank failing opens its own breaker only.
      breaker: new ProviderBreaker({ provider: `${d.provider}/${entry.id}`, endpoint, settings: provider.breaker, timeoutMs, metrics }),
    };
  }

  const actions: ServiceSchema['actions'] = {};
  for (const op of d.operations) {
    actions[op.name] = {
      circuitBreaker: { enabled: false },
      retryPolicy: { enabled: false },
      bulkhead: { enabled: false },
      async handler(this: FanOutService, ctx: Context<unknown>): Promise<AdapterResult> {
        const members = this.$members;
        if (!members) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: d.provider, reason: 'not-started' } });
        const t0 = performance.now();
        const { params } = validateCall(ctx.params, d, op.name, categories, { institutions: true });
        const wanted = params.institutions ?? directory.institutions.map((i) => i.id);
        const unknown = wanted.filter((id) => !members.has(id));
        if (unknown.length || new Set(wanted).size !== wanted.length || wanted.length === 0) {
          throw new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', details: { provider: d.provider, operation: op.name, violations: ['/institutions must name distinct institutions of the directory'] } });
        }
        const { institutions: _omit, ...one } = params;
        const ask = (m: Member) => async (): Promise<InstitutionOutcome> => {
          const started = performance.now();
          const base = { institution: m.entry.id, name: m.entry.name.az };
          let sentId = '';
          let outcome = 'error';
          try {
            const answer = await withRetry(
              () => {
                const messageId = (sentId = newMessageId());
                return m.breaker.fire(op.name, one.deadline, (signal) => m.engine.call(op.name, { params: one, messageId, signal }));
              },
              { attempts: provider.retry.attempts, baseDelayMs: provider.retry.baseDelayMs, deadline: one.deadline, idempotent: op.idempotent },
            );
            outcome = answer.result.outcome;
            const o: InstitutionOutcome = {
              ...base, status: answer.result.outcome, messageId: sentId, requestHash: answer.requestHash, responseHash: answer.responseHash,
              signedAnswer: answer.signedAnswer, durationMs: Math.round(performance.now() - started),
            };
            if (answer.answerSignature !== undefined) o.answerSignature = answer.answerSignature;
            if (answer.result.outcome === 'ok') o.data = answer.result.data;
            return o;
          } catch (err) {
            const e = HubError.is(err) ? err : new HubError('HUB_ERR_SYSTEM_INTERNAL', { cause: err });
            outcome = e.code;
            // Code and institution only: never the subject or the answer.
            this.logger[CATEGORY_POLICY[e.category].logLevel]('institution call failed', { requestId: ctx.requestID, provider: d.provider, institution: m.entry.id, code: e.code });
            return {
              ...base, status: e.category === 'transient' ? 'unavailable' : 'error', error: { code: e.code, message: e.message },
              ...(sentId ? { messageId: sentId } : {}), durationMs: Math.round(performance.now() - started),
            };
          } finally {
            metrics.duration.observe({ provider: `${d.provider}/${m.entry.id}`, operation: op.name, outcome }, (performance.now() - started) / 1000);
          }
        };
        const outcomes = await limited(wanted.map((id) => ask(members.get(id)!)), concurrency);
        const summary = summarize(outcomes);
        if (summary.answered === 0) {
          // Nobody answered: the category failed as a single registry would (core: unavailable/error).
          const transient = outcomes.some((o) => o.status === 'unavailable');
          throw new HubError(transient ? 'HUB_ERR_UPSTREAM_UNAVAILABLE' : 'HUB_ERR_UPSTREAM_BAD_ANSWER', {
            details: { provider: d.provider, asked: summary.asked, codes: [...new Set(outcomes.map((o) => o.error?.code))] },
          });
        }
        const everyNotFound = summary.answered === summary.asked && summary.withData === 0;
        return {
          outcome: everyNotFound ? 'not-found' : 'ok',
          section: params.section,
          provider: d.provider,
          operation: op.name,
          // The category spans many messages: each institution's id and digests are in `institutions`.
          messageId: '',
          requestHash: '',
          responseHash: '',
          durationMs: Math.round(performance.now() - t0),
          institutions: outcomes,
          summary,
        };
      },
    };
  }
  actions.breakerState = {
    circuitBreaker: { enabled: false },
    retryPolicy: { enabled: false },
    handler(this: FanOutService) {
      return [...(this.$members?.values() ?? [])].map((m) => m.breaker.status());
    },
  };

  return {
    name: `adapter.${d.provider}`,
    settings: { $noVersionPrefix: true, provider: d.provider, protocol: d.protocol, fanOut: true },
    actions,
    async started(this: FanOutService) {
      await replay.open();
      const members = new Map<string, Member>();
      for (const entry of directory.institutions) {
        const m = member(entry);
        members.set(entry.id, m);
        breakers.add(m.breaker);
      }
      this.$members = members;
    },
    async stopped(this: FanOutService) {
      for (const m of this.$members?.values() ?? []) {
        breakers.remove(m.breaker);
        m.breaker.shutdown();
        m.engine.close();
      }
      this.$members = undefined;
    },
  };
}
