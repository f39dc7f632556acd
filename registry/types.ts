/** The §11.2 catalog as data (docs/catalog.md). Validated at start-up by registry/schema.ts. */
export type Protocol = 'soap' | 'rest';
/** `request`: a judge's signed order is enough; `decision`: a judge-signed decision in legal force (11.1 secrecy laws). */
export type Basis = 'request' | 'decision';
export type Secrecy = 'public-register' | 'tax' | 'personal' | 'criminal' | 'bank' | 'commercial';

export interface CategoryEntry {
  /** e.g. "11.2.22" */
  section: string;
  title: { az: string; en: string };
  /** Provider id (key of the providers catalog). */
  provider: string;
  /** Operation name; the adapter action is `adapter.<provider>.<operation>`. */
  operation: string;
  protocol: Protocol;
  basis: Basis;
  secrecy: Secrecy;
  /** Subject kinds the registry can be asked about. */
  subjects: ('fin' | 'voen')[];
  /** Per-call timeout towards the provider, ms. */
  timeoutMs: number;
}

/** X-Road identifier of a member subsystem (X-Road identifiers XSD). */
export interface XRoadSubsystem {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystemCode: string;
}

export interface BreakerSettings {
  /** opossum errorThresholdPercentage */
  errorThresholdPercentage: number;
  /** opossum volumeThreshold: calls in the window before the breaker may open */
  volumeThreshold: number;
  /** opossum resetTimeout: ms open before a half-open probe */
  resetTimeoutMs: number;
  /** opossum rollingCountTimeout: window length, ms */
  rollingCountTimeoutMs: number;
  /** opossum capacity: the bulkhead (concurrent calls) */
  capacity: number;
}

export interface ProviderEntry {
  id: string;
  title: { az: string; en: string };
  protocol: Protocol;
  xroad: XRoadSubsystem;
  /** Environment variable that sets the endpoint, e.g. PROVIDER_POPULATION_URL. */
  endpointEnv: string;
  /** Endpoint used when the variable is unset (the mock agency of `npm start`), or null. */
  defaultEndpoint: string | null;
  breaker: BreakerSettings;
  /** Retries of transient failures for idempotent reads (docs/architecture.md, "Reliability"). */
  retry: { attempts: number; baseDelayMs: number };
}
