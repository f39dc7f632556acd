/**
 * One opossum breaker per provider endpoint for the life of the adapter service (docs/architecture.md, "Reliability",
 * docs/conventions.md §6), with timeout, rolling error threshold, volume threshold, half-open probe after
 * resetTimeout, and capacity as the bulkhead — all from ProviderEntry.breaker (data).
 *
 * Timeout and abort. opossum's own `abortController` (+ autoRenewAbortController) is ONE controller
 * per breaker: a single call timing out aborts every call in flight, and the aborted controller is
 * only renewed when the breaker changes state — while it stays closed, every later call would start
 * with an already-aborted signal (opossum 9.0.0 lib/circuit.js, _renewAbortControllerIfNeeded is
 * called from close()/halfOpen only). So each call gets its own AbortController; opossum's `timeout`
 * still decides and counts the timeout, and its 'timeout' event (which carries the call's args)
 * aborts exactly that call's controller. The lookup deadline aborts it too when it comes first.
 *
 * What counts: the error category alone (docs/conventions.md §3, CATEGORY_POLICY.countsAsFailure): transient
 * and system errors count; validation, authorization, business and config errors do not. "Not found"
 * is a resolved result, so it counts as a success (docs/conventions.md §4). A call refused by our own
 * bulkhead is not counted either: it says nothing about the registry's health, and counting it would
 * let a burst of our own traffic open the breaker.
 */
import CircuitBreaker from 'opossum';
import { HubError } from '../../contracts/hub';
import type { BreakerSettings } from '../../registry/types';
import { BREAKER_STATE_VALUE, type BreakerEvent, type BreakerMetrics } from './breaker-metrics';
import { upstreamError, type UpstreamWhere } from './upstream-errors';

export type BreakerState = keyof typeof BREAKER_STATE_VALUE;

export interface BreakerStatus {
  provider: string;
  state: BreakerState;
  stats: { fires: number; successes: number; failures: number; rejects: number; timeouts: number };
  /**
   * Over the rolling window: the share of calls that failed, timed out or were rejected, and the
   * latency p99 of the last calls (ms; null before any) — what an owner publishes about the
   * institutions that do not answer (statute 11.2.13).
   */
  errorRate?: number;
  p99Ms?: number | null;
}

/** Latencies of the last calls through a breaker, for its p99 (a ring, newest overwriting oldest). */
const LATENCY_RING = 256;

export interface ProviderBreakerOptions {
  provider: string;
  endpoint: string;
  settings: BreakerSettings;
  /** Per-call timeout towards the provider (CategoryEntry.timeoutMs), ms. */
  timeoutMs: number;
  metrics?: BreakerMetrics;
}

interface Job {
  controller: AbortController;
  where: UpstreamWhere;
  run: (signal: AbortSignal) => Promise<unknown>;
}

const runJob = (job: Job): Promise<unknown> => job.run(job.controller.signal);

export class ProviderBreaker {
  readonly provider: string;
  readonly endpoint: string;
  readonly timeoutMs: number;
  private readonly cb: CircuitBreaker<[Job], unknown>;
  private readonly metrics?: BreakerMetrics;

  constructor(o: ProviderBreakerOptions) {
    this.provider = o.provider;
    this.endpoint = o.endpoint;
    this.timeoutMs = o.timeoutMs;
    this.metrics = o.metrics;
    const s = o.settings;
    this.cb = new CircuitBreaker(runJob, {
      name: o.provider,
      group: 'adapters',
      timeout: o.timeoutMs,
      errorThresholdPercentage: s.errorThresholdPercentage,
      volumeThreshold: s.volumeThreshold,
      resetTimeout: s.resetTimeoutMs,
      rollingCountTimeout: s.rollingCountTimeoutMs,
      rollingCountBuckets: s.rollingCountTimeoutMs % 10 === 0 ? 10 : 1,
      capacity: s.capacity,
      allowWarmUp: false,
      enableSnapshots: false,
      rollingPercentilesEnabled: false,
      errorFilter: (err: unknown) => (HubError.is(err) ? !err.countsAsFailure : (err as { code?: string })?.code === 'ESEMLOCKED'),
    });
    // opossum's timeout settles the call; abort THAT call's request (see the file comment).
    // @types/opossum omits the listener's 2nd and 3rd arguments; opossum 9 emits (error, latency, args).
    const onTimeout = (_e: unknown, _latency: unknown, args?: unknown) => {
      const job = (args as Job[] | undefined)?.[0];
      job?.controller.abort(upstreamError('HUB_ERR_UPSTREAM_TIMEOUT', job.where, { timeoutMs: this.timeoutMs }));
    };
    this.cb.on('timeout', onTimeout as (err: Error) => void);
    if (o.metrics) this.wireMetrics(o.metrics);
  }

  get state(): BreakerState {
    return this.cb.opened ? 'open' : this.cb.halfOpen ? 'half-open' : 'closed';
  }

  status(): BreakerStatus {
    const st = this.cb.stats;
    const bad = st.failures + st.timeouts + st.rejects;
    const seen = this.latencies.slice(0, Math.min(this.latencyCount, LATENCY_RING)).sort((a, b) => a - b);
    return {
      provider: this.provider,
      state: this.state,
      stats: { fires: st.fires, successes: st.successes, failures: st.failures, rejects: st.rejects, timeouts: st.timeouts },
      errorRate: st.fires > 0 ? Math.round((bad / st.fires) * 1000) / 1000 : 0,
      p99Ms: seen.length ? Math.round(seen[Math.min(seen.length - 1, Math.ceil(0.99 * seen.length) - 1)]) : null,
    };
  }

  private readonly latencies = new Array<number>(LATENCY_RING).fill(0);
  private latencyCount = 0;

  private recordLatency(ms: number): void {
    this.latencies[this.latencyCount % LATENCY_RING] = ms;
    this.latencyCount++;
  }

  /**
   * Runs one attempt through the breaker. `run` gets the call's AbortSignal (aborted with a HubError
   * reason on timeout or deadline) and must throw HubErrors. Opossum's own rejections become
   * HUB_ERR_UPSTREAM_BREAKER_OPEN / _BULKHEAD_FULL / _TIMEOUT.
   */
  async fire<T>(operation: string, deadline: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const where = { provider: this.provider, operation };
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw upstreamError('HUB_ERR_DEADLINE_EXCEEDED', where);
    const controller = new AbortController();
    // The deadline is the caller's budget (AdapterCallParams.deadline): never wait past it.
    const timer = remaining < this.timeoutMs
      ? setTimeout(() => controller.abort(upstreamError('HUB_ERR_DEADLINE_EXCEEDED', where)), remaining)
      : undefined;
    const t0 = performance.now();
    try {
      return (await this.cb.fire({ controller, where, run })) as T;
    } catch (err) {
      throw this.translate(err, where);
    } finally {
      if (timer) clearTimeout(timer);
      this.recordLatency(performance.now() - t0);
    }
  }

  /**
   * The refusal fire() would end in while the breaker is open, without a call through the bus
   * (lookups.run asks before it calls an adapter of this process): counted as a reject.
   * Undefined when closed or half-open: then only fire() decides.
   */
  openRefusal(operation: string): HubError | undefined {
    if (!this.cb.opened) return undefined;
    this.metrics?.events.inc({ provider: this.provider, event: 'reject' });
    return upstreamError('HUB_ERR_UPSTREAM_BREAKER_OPEN', { provider: this.provider, operation }, { fastPath: true });
  }

  shutdown(): void {
    this.cb.shutdown();
  }

  private translate(err: unknown, where: UpstreamWhere): HubError {
    if (HubError.is(err)) return err;
    switch ((err as { code?: string } | undefined)?.code) {
      case 'EOPENBREAKER': return upstreamError('HUB_ERR_UPSTREAM_BREAKER_OPEN', where, {}, err);
      case 'ESEMLOCKED': return upstreamError('HUB_ERR_UPSTREAM_BULKHEAD_FULL', where, {}, err);
      case 'ETIMEDOUT': return upstreamError('HUB_ERR_UPSTREAM_TIMEOUT', where, { timeoutMs: this.timeoutMs }, err);
      default: return new HubError('HUB_ERR_SYSTEM_INTERNAL', { details: { ...where, reason: 'adapter-bug' }, cause: err });
    }
  }

  private wireMetrics(m: BreakerMetrics): void {
    const provider = this.provider;
    const setState = (s: BreakerState) => m.state.set({ provider }, BREAKER_STATE_VALUE[s]);
    setState('closed');
    this.cb.on('open', () => setState('open'));
    this.cb.on('halfOpen', () => setState('half-open'));
    this.cb.on('close', () => setState('closed'));
    const count = (event: BreakerEvent) => () => m.events.inc({ provider, event });
    this.cb.on('success', count('success'));
    this.cb.on('failure', count('failure'));
    this.cb.on('reject', count('reject'));
    this.cb.on('timeout', count('timeout'));
    this.cb.on('fallback', count('fallback'));
    this.cb.on('semaphoreLocked', count('bulkhead_full'));
  }
}

/** Every live breaker of this process, for /health and the ops view. */
export class BreakerRegistry {
  private readonly breakers = new Set<ProviderBreaker>();
  add(b: ProviderBreaker): void { this.breakers.add(b); }
  remove(b: ProviderBreaker): void { this.breakers.delete(b); }
  get(provider: string): ProviderBreaker | undefined {
    for (const b of this.breakers) if (b.provider === provider) return b;
    return undefined;
  }
  states(): BreakerStatus[] {
    return [...this.breakers].map((b) => b.status()).sort((a, b) => a.provider.localeCompare(b.provider));
  }
}

/** The process-wide registry the service factory uses unless given another. */
export const breakerRegistry = new BreakerRegistry();

/** All breakers' states in this process (bus/gateway /health). Over NATS: action adapter.<p>.breakerState. */
export function getBreakerStates(): BreakerStatus[] {
  return breakerRegistry.states();
}
