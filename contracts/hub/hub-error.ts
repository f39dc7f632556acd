import { CATEGORY_POLICY, ERROR_CATALOGUE, ErrorCategory, ErrorOrigin, HubErrorCode } from './error-catalogue';

export interface HubErrorOptions {
  /** Overrides the catalogue message; must not contain personal data. */
  message?: string;
  origin?: ErrorOrigin;
  /** Machine-readable details (provider id, section, violations). No personal data. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** Plain form that crosses NATS and HTTP. */
export interface PlainHubError {
  name: 'HubError';
  code: HubErrorCode;
  category: ErrorCategory;
  origin: ErrorOrigin;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The one error type of the hub. Moleculer carries `name`, `message`, `type`, `data` and
 * `retryable` across the transporter; bus/error-regenerator.ts turns the plain object back
 * into a HubError on the calling node.
 */
export class HubError extends Error {
  override readonly name = 'HubError';
  readonly code: HubErrorCode;
  readonly category: ErrorCategory;
  readonly origin: ErrorOrigin;
  readonly details?: Record<string, unknown>;
  /** Plain field, not a getter: Moleculer's Regenerator assigns it when it rebuilds an error. */
  retryable: boolean;
  /** Set by Moleculer to the node that raised the error. */
  nodeID?: string;

  constructor(code: HubErrorCode, opts: HubErrorOptions = {}) {
    const entry = ERROR_CATALOGUE[code];
    if (!entry) throw new Error(`unknown hub error code ${String(code)}`);
    super(opts.message ?? entry.message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.category = entry.category;
    this.origin = opts.origin ?? 'hub';
    this.details = opts.details;
    this.retryable = CATEGORY_POLICY[entry.category].retryable;
  }

  get httpStatus(): number {
    return (ERROR_CATALOGUE[this.code] as { httpStatus?: number }).httpStatus ?? CATEGORY_POLICY[this.category].httpStatus;
  }
  /** Whether a provider breaker counts this as a failure (not-found and bad input do not). */
  get countsAsFailure(): boolean { return CATEGORY_POLICY[this.category].countsAsFailure; }

  /** Moleculer-compatible fields so the transporter serializes it. */
  get type(): string { return this.code; }
  get data(): Record<string, unknown> { return { category: this.category, origin: this.origin, details: this.details }; }

  toJSON(): PlainHubError {
    return { name: 'HubError', code: this.code, category: this.category, origin: this.origin, message: this.message, details: this.details };
  }

  static is(err: unknown, code?: HubErrorCode): err is HubError {
    return err instanceof HubError && (code === undefined || err.code === code);
  }

  /** Rebuilds a HubError from its plain form (NATS, HTTP). Unknown codes become HUB_ERR_SYSTEM_INTERNAL. */
  static fromPlain(p: { type?: string; code?: unknown; message?: string; data?: any }): HubError {
    const code = (typeof p.type === 'string' && p.type in ERROR_CATALOGUE ? p.type
      : typeof p.code === 'string' && p.code in ERROR_CATALOGUE ? p.code : 'HUB_ERR_SYSTEM_INTERNAL') as HubErrorCode;
    return new HubError(code, { message: p.message, origin: p.data?.origin, details: p.data?.details });
  }
}

export function isHubErrorCode(code: string): code is HubErrorCode {
  return code in ERROR_CATALOGUE;
}
