/**
 * The hub's one error catalogue (STYLE.md rule 3; after X-Road's snake-case error codes).
 * Every code a HubError may carry is listed here with its category and a message a person
 * understands. `errors.md` beside this file documents the same list; a test keeps them in sync.
 * Messages never contain personal data: details travel in `HubError.details`, redacted.
 */
export type ErrorCategory = 'validation' | 'authorization' | 'business' | 'transient' | 'config' | 'system';
export type ErrorOrigin = 'client' | 'hub' | 'provider';

export interface CatalogueEntry {
  category: ErrorCategory;
  message: string;
  /** HTTP's own semantics may narrow the category's status (404 for an unknown resource, 413 for a body too large). */
  httpStatus?: number;
}

export const ERROR_CATALOGUE = {
  // validation: the caller sent something the hub cannot accept
  HUB_ERR_VALIDATION_BAD_REQUEST: { category: 'validation', message: 'The request does not match the contract' },
  HUB_ERR_VALIDATION_BAD_JSON: { category: 'validation', message: 'The request body is not valid JSON' },
  HUB_ERR_VALIDATION_TOO_LARGE: { category: 'validation', message: 'The request body is larger than allowed', httpStatus: 413 },
  HUB_ERR_VALIDATION_UNKNOWN_CATEGORY: { category: 'validation', message: 'The data category is not in the §11.2 catalog' },
  HUB_ERR_VALIDATION_SUBJECT_KIND: { category: 'validation', message: 'The category cannot be looked up for this kind of subject (FIN or VÖEN)' },
  HUB_ERR_VALIDATION_DEADLINE: { category: 'validation', message: 'The deadline is missing, in the past or too far ahead' },
  HUB_ERR_VALIDATION_NOT_FOUND: { category: 'validation', message: 'No such resource', httpStatus: 404 },

  // authorization: who asks may not ask this (statute 11.2, 9.1.2)
  HUB_ERR_AUTHZ_DENIED: { category: 'authorization', message: 'The request is not authorized' },

  // business: the request is understood but the domain says no
  HUB_ERR_BUSINESS_CONFLICT: { category: 'business', message: 'The request conflicts with the current state' },

  // transient: try again later; counted by the provider breaker
  HUB_ERR_UPSTREAM_UNAVAILABLE: { category: 'transient', message: 'The registry could not be reached' },
  HUB_ERR_UPSTREAM_TIMEOUT: { category: 'transient', message: 'The registry did not answer in time' },
  HUB_ERR_UPSTREAM_BREAKER_OPEN: { category: 'transient', message: 'The registry is failing; calls are paused until it recovers' },
  HUB_ERR_UPSTREAM_BULKHEAD_FULL: { category: 'transient', message: 'Too many calls to the registry are in flight' },
  HUB_ERR_UPSTREAM_SERVER_ERROR: { category: 'transient', message: 'The registry answered with a server error' },
  HUB_ERR_DEADLINE_EXCEEDED: { category: 'transient', message: 'The lookup deadline passed before the registry answered' },
  HUB_ERR_BUS_UNAVAILABLE: { category: 'transient', message: 'The service bus has no node for this action' },

  // system: something is broken and retrying will not help
  HUB_ERR_UPSTREAM_BAD_ANSWER: { category: 'system', message: 'The registry answer is malformed or does not match its contract' },
  HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE: { category: 'system', message: 'The registry answer is larger than allowed' },
  HUB_ERR_UPSTREAM_FAULT: { category: 'system', message: 'The registry answered with a fault' },
  HUB_ERR_UPSTREAM_REJECTED: { category: 'system', message: 'The registry rejected the request the hub sent' },
  HUB_ERR_UPSTREAM_SIGNATURE_INVALID: { category: 'system', message: 'The registry answer is not authentically signed' },
  HUB_ERR_SYSTEM_INTERNAL: { category: 'system', message: 'Internal error' },

  // config: the hub is set up wrongly
  HUB_ERR_CONFIG_INVALID: { category: 'config', message: 'The configuration is invalid' },
  HUB_ERR_REGISTRY_INVALID: { category: 'config', message: 'The registry catalog is invalid' },
  HUB_ERR_REGISTRY_NO_ADAPTER: { category: 'config', message: 'No adapter is connected for this registry yet' },
  HUB_ERR_TRANSPORT_UNREACHABLE: { category: 'config', message: 'The message transport (NATS) could not be reached' },
} as const satisfies Record<string, CatalogueEntry>;

export type HubErrorCode = keyof typeof ERROR_CATALOGUE;

/** The category alone decides HTTP status, retry, breaker counting and log level (STYLE.md rule 3). */
export const CATEGORY_POLICY: Record<ErrorCategory, { httpStatus: number; retryable: boolean; countsAsFailure: boolean; logLevel: 'info' | 'warn' | 'error' }> = {
  validation: { httpStatus: 400, retryable: false, countsAsFailure: false, logLevel: 'info' },
  authorization: { httpStatus: 403, retryable: false, countsAsFailure: false, logLevel: 'warn' },
  business: { httpStatus: 422, retryable: false, countsAsFailure: false, logLevel: 'info' },
  transient: { httpStatus: 503, retryable: true, countsAsFailure: true, logLevel: 'warn' },
  config: { httpStatus: 500, retryable: false, countsAsFailure: false, logLevel: 'error' },
  system: { httpStatus: 502, retryable: false, countsAsFailure: true, logLevel: 'error' },
};
