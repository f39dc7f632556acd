/**
 * Turns a declarative adapter descriptor into a Moleculer service `adapter.<provider>` with one
 * action per operation (e.g. `adapter.population.getPerson`) taking AdapterCallParams and returning
 * AdapterResult. The pieces: params validation (call-params.ts) → retry (retry.ts, outside) → breaker
 * (breaker.ts, one per provider endpoint for the life of the service) → engine (SOAP or REST).
 *
 * Moleculer's own circuit breaker, retries, bulkhead and fallback are switched off on these actions
 * (docs/conventions.md §6 and Moleculer: failures would be counted and retried twice; a fallback would turn bad input into a
 * "degraded" success).
 *
 * Message ids: the hub makes a fresh random X-Road id for every message it sends (a retry is a new
 * message, with a new id), so no caller can choose the id an answer will be checked against.
 * `ctx.requestID` stays what it is: the correlation id of logs and the audit trail, never sent as
 * the X-Road id (X-Road message protocol 4.0 §2.4.3: `id` is unique per message).
 */
import { randomUUID } from 'node:crypto';
import type { Context, Service, ServiceSchema } from 'moleculer';
import type { Registry } from 'prom-client';
import { HubError, CATEGORY_POLICY, type AdapterResult } from '../../contracts/hub';
import { CATEGORIES } from '../../registry/categories';
import type { CategoryEntry, ProviderEntry, XRoadSubsystem } from '../../registry/types';
import { breakerRegistry as defaultBreakers, ProviderBreaker, type BreakerRegistry } from './breaker';
import { breakerMetrics } from './breaker-metrics';
import { validateCall } from './call-params';
import type { AdapterDescriptor } from './descriptor';
import type { Engine } from './engine-types';
import { createModelCheck } from './model-validator';
import { redactor } from './redact';
import { memoryReplayGuard, type ReplayGuard } from './replay-guard';
import { createRestEngine } from './rest-engine';
import { withRetry } from './retry';
import type { RestSign, RestVerify, SoapSign, SoapVerify } from './seams';
import { createSoapEngine } from './soap-engine';
import { checkSubjectLocations } from './subject-binding';
import { checkWsdl } from './wsdl-check';

export interface AdapterServiceDeps {
  provider: ProviderEntry;
  /** The endpoint in force (registry Catalog: env variable, in-process mock, or default). */
  endpoint: string;
  hub: {
    /** The hub's X-Road client subsystem (AZ/GOV/1400000001/court-hub). */
    xroad: XRoadSubsystem;
    /** SOAP: WS-Security signing with the hub key (see kit/wss-seams.ts). */
    signSoap?: SoapSign;
    /** REST: detached JWS over the request body with the hub key. */
    signRest?: RestSign;
  };
  /** Verifiers of the provider's signed answers, bound to the provider's trust anchors. */
  verify: { soap?: SoapVerify; rest?: RestVerify };
  metricsRegistry: Registry;
  /** The §11.2 catalog (timeouts, subjects); default registry/categories.ts. */
  categories?: readonly CategoryEntry[];
  /** Answer size limit, bytes (default 1 MiB). */
  maxAnswerBytes?: number;
  /** Where live breakers are listed for /health (default: the process-wide registry). */
  breakers?: BreakerRegistry;
  /** Load and check the WSDL with node-soap at start (default true). */
  checkWsdl?: boolean;
  /**
   * The replay cache of answer ids shared by every adapter node (JetStream KV in a cluster, see
   * jetstream-replay-guard.ts). Default: one in this process's memory, which protects one node only.
   */
  replay?: ReplayGuard;
  /** Makes the X-Road id of each message (default crypto.randomUUID). Tests only. */
  newMessageId?: () => string;
}

const DEFAULT_MAX_ANSWER = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 3000;

interface Runtime {
  engine: Engine;
  breaker: ProviderBreaker;
}

type AdapterService = Service & { $adapter?: Runtime };

function configError(provider: string, message: string): HubError {
  return new HubError('HUB_ERR_CONFIG_INVALID', { message, details: { provider } });
}

export function createAdapterService(d: AdapterDescriptor, deps: AdapterServiceDeps): ServiceSchema {
  const provider = deps.provider;
  if (provider.id !== d.provider) throw configError(d.provider, `Adapter ${d.provider} was given the registry entry of ${provider.id}`);
  if (provider.protocol !== d.protocol) throw configError(d.provider, `Adapter ${d.provider} speaks ${d.protocol}, the registry says ${provider.protocol}`);
  if (!/^https?:\/\/\S+$/.test(deps.endpoint)) throw configError(d.provider, `Adapter ${d.provider} has no http(s) endpoint`);
  const categories = (deps.categories ?? CATEGORIES).filter((c) => c.provider === d.provider);
  const timeouts = categories.map((c) => c.timeoutMs);
  const timeoutMs = timeouts.length ? Math.max(...timeouts) : DEFAULT_TIMEOUT_MS;
  const metrics = breakerMetrics(deps.metricsRegistry);
  const breakers = deps.breakers ?? defaultBreakers;
  const maxAnswerBytes = deps.maxAnswerBytes ?? DEFAULT_MAX_ANSWER;
  const checkModel = createModelCheck(d); // a missing or broken schema stops start-up
  checkSubjectLocations(d); // so does an operation that does not say where its answers name the subject
  const replay = deps.replay ?? memoryReplayGuard();
  const newMessageId = deps.newMessageId ?? randomUUID;

  function buildEngine(): Engine {
    const common = { endpoint: deps.endpoint, client: deps.hub.xroad, checkModel, replay, maxAnswerBytes, maxSockets: provider.breaker.capacity };
    if (d.protocol === 'soap') {
      if (!deps.hub.signSoap || !deps.verify.soap) throw configError(d.provider, `SOAP adapter ${d.provider} needs signSoap and verify.soap`);
      return createSoapEngine({ ...common, descriptor: d, provider: provider.xroad, sign: deps.hub.signSoap, verify: deps.verify.soap });
    }
    if (!deps.hub.signRest || !deps.verify.rest) throw configError(d.provider, `REST adapter ${d.provider} needs signRest and verify.rest`);
    return createRestEngine({ ...common, descriptor: d, sign: deps.hub.signRest, verify: deps.verify.rest });
  }

  const actions: ServiceSchema['actions'] = {};
  for (const op of d.operations) {
    const redact = redactor(op.personalData);
    actions[op.name] = {
      // Switched off here even if the broker turns them on (file comment).
      circuitBreaker: { enabled: false },
      retryPolicy: { enabled: false },
      bulkhead: { enabled: false },
      async handler(this: AdapterService, ctx: Context<unknown>): Promise<AdapterResult> {
        const rt = this.$adapter;
        if (!rt) throw new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: d.provider, reason: 'not-started' } });
        const t0 = performance.now();
        let outcome = 'error';
        try {
          const { params } = validateCall(ctx.params, d, op.name, categories);
          let sentId = '';
          const answer = await withRetry(
            () => {
              // X-Road id is unique per message: a retry is a new message with its own id.
              const messageId = (sentId = newMessageId());
              return rt.breaker.fire(op.name, params.deadline, (signal) => rt.engine.call(op.name, { params, messageId, signal }));
            },
            {
              attempts: provider.retry.attempts,
              baseDelayMs: provider.retry.baseDelayMs,
              deadline: params.deadline,
              idempotent: op.idempotent,
              onRetry: (attempt, err) => this.logger.warn('adapter retry', { requestId: ctx.requestID, provider: d.provider, operation: op.name, attempt, code: err.code }),
            },
          );
          outcome = answer.result.outcome;
          const result: AdapterResult = {
            outcome: answer.result.outcome,
            section: params.section,
            provider: d.provider,
            operation: op.name,
            messageId: sentId,
            requestHash: answer.requestHash,
            responseHash: answer.responseHash,
            signedAnswer: answer.signedAnswer,
            durationMs: Math.round(performance.now() - t0),
          };
          if (answer.answerSignature !== undefined) result.answerSignature = answer.answerSignature;
          if (answer.result.outcome === 'ok') result.data = answer.result.data;
          return result;
        } catch (err) {
          const e = HubError.is(err) ? err : new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { provider: d.provider, operation: op.name }, cause: err });
          outcome = e.code;
          // Code, provider, operation and redacted details only: never params or answer values.
          this.logger[CATEGORY_POLICY[e.category].logLevel]('adapter call failed', { requestId: ctx.requestID, provider: d.provider, operation: op.name, code: e.code, details: redact(e.details) });
          throw e;
        } finally {
          metrics.duration.observe({ provider: d.provider, operation: op.name, outcome }, (performance.now() - t0) / 1000);
        }
      },
    };
  }
  // The breaker state over the bus, for a gateway on another node (/health, ops view).
  actions.breakerState = {
    circuitBreaker: { enabled: false },
    retryPolicy: { enabled: false },
    handler(this: AdapterService) {
      return this.$adapter?.breaker.status() ?? { provider: d.provider, state: 'closed', stats: null };
    },
  };

  return {
    name: `adapter.${d.provider}`,
    settings: { $noVersionPrefix: true, provider: d.provider, protocol: d.protocol },
    actions,
    async started(this: AdapterService) {
      if (d.protocol === 'soap' && deps.checkWsdl !== false) await checkWsdl(d);
      await replay.open(); // fails start-up when the shared cache cannot be reached
      const breaker = new ProviderBreaker({ provider: d.provider, endpoint: deps.endpoint, settings: provider.breaker, timeoutMs, metrics });
      this.$adapter = { engine: buildEngine(), breaker };
      breakers.add(breaker);
    },
    async stopped(this: AdapterService) {
      const rt = this.$adapter;
      if (!rt) return;
      breakers.remove(rt.breaker);
      rt.breaker.shutdown(); // opossum timers (docs/conventions.md, opossum)
      rt.engine.close();
      this.$adapter = undefined;
    },
  };
}
