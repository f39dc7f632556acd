/**
 * The hub's one error catalogue (docs/conventions.md §3; after X-Road's snake-case error codes).
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
  // HTTP's own refusals of a request the gateway cannot read (RFC 9110 §15.5): still the client's to fix, never a 5xx
  HUB_ERR_VALIDATION_UNSUPPORTED_MEDIA: { category: 'validation', message: 'The request body must be JSON (Content-Type: application/json) in UTF-8, uncompressed or gzip/deflate', httpStatus: 415 },
  HUB_ERR_VALIDATION_UNDECODABLE: { category: 'validation', message: 'The request body could not be decoded: broken compression or bytes that are not UTF-8' },
  HUB_ERR_VALIDATION_BAD_URL: { category: 'validation', message: 'The URL is malformed (invalid percent-encoding)' },
  HUB_ERR_VALIDATION_METHOD_NOT_ALLOWED: { category: 'validation', message: 'This method is not allowed on this resource: the Allow header lists those that are', httpStatus: 405 },
  HUB_ERR_VALIDATION_HEADERS_TOO_LARGE: { category: 'validation', message: 'The request line or headers are larger than allowed', httpStatus: 431 },

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
  HUB_ERR_REPLAY_CACHE_UNAVAILABLE: { category: 'transient', message: 'The replay cache shared by the hub nodes could not be reached, so the registry answer was not accepted' },

  // system: something is broken and retrying will not help
  HUB_ERR_UPSTREAM_BAD_ANSWER: { category: 'system', message: 'The registry answer is malformed or does not match its contract' },
  HUB_ERR_UPSTREAM_ANSWER_TOO_LARGE: { category: 'system', message: 'The registry answer is larger than allowed' },
  HUB_ERR_UPSTREAM_FAULT: { category: 'system', message: 'The registry answered with a fault' },
  HUB_ERR_UPSTREAM_REJECTED: { category: 'system', message: 'The registry rejected the request the hub sent' },
  HUB_ERR_UPSTREAM_SIGNATURE_INVALID: { category: 'system', message: 'The registry answer is not authentically signed' },
  // An answer counts only for the request it answers, the subject asked and the time it was given
  // (contracts/registries/README.md, "Binding an answer to its request"): never data, never not-found.
  HUB_ERR_UPSTREAM_NOT_BOUND: { category: 'system', message: 'The registry answer is not bound to the request the hub sent: its signed message id or request hash differ' },
  HUB_ERR_UPSTREAM_STALE: { category: 'system', message: 'The registry answer is too old or dated in the future' },
  HUB_ERR_UPSTREAM_REPLAYED: { category: 'system', message: 'The registry answer was already accepted once: it is a replay' },
  HUB_ERR_UPSTREAM_SUBJECT_MISMATCH: { category: 'system', message: 'The registry answered about another person or company than the one asked' },
  HUB_ERR_SYSTEM_INTERNAL: { category: 'system', message: 'Internal error' },

  // config: the hub is set up wrongly
  HUB_ERR_CONFIG_INVALID: { category: 'config', message: 'The configuration is invalid' },
  HUB_ERR_CONFIG_DATA_DIR_IN_USE: { category: 'config', message: 'Another running hub already owns this data directory and its embedded database' },
  HUB_ERR_REGISTRY_INVALID: { category: 'config', message: 'The registry catalog is invalid' },
  HUB_ERR_REGISTRY_NO_ADAPTER: { category: 'config', message: 'No adapter is connected for this registry yet' },
  HUB_ERR_TRANSPORT_UNREACHABLE: { category: 'config', message: 'The message transport (NATS) could not be reached' },
  HUB_ERR_CONFIG_PORT_IN_USE: { category: 'config', message: 'The HTTP port is already in use by another process: stop it or set PORT to a free port' },
  // The registry (or the bus in front of it) refuses the hub itself (X-Road access rights, HTTP 401/403): the
  // registry is up, so the breaker does not count it, and retrying cannot help until the access is granted.
  HUB_ERR_UPSTREAM_ACCESS_DENIED: { category: 'config', message: 'The registry refused the hub: it is not permitted to call this service' },

  // store and audit trail (core/store, core/audit; statute 8.2.15)
  HUB_ERR_STORE_UNAVAILABLE: { category: 'transient', message: 'The database could not be reached' },
  HUB_ERR_STORE_FAILED: { category: 'system', message: 'The database refused the operation' },
  HUB_ERR_STORE_EMBEDDED_FAILED: { category: 'config', message: 'The embedded PostgreSQL server could not be started' },
  HUB_ERR_STORE_MIGRATION_MISMATCH: { category: 'config', message: 'A database migration already applied differs from the one in this version of the hub' },
  HUB_ERR_AUDIT_WRITE_FAILED: { category: 'transient', message: 'The audit record could not be written, so nothing was looked up' },
  HUB_ERR_AUDIT_INVALID_EVENT: { category: 'system', message: 'The audit event is malformed or would record personal data in the clear' },
  HUB_ERR_AUDIT_CHECKPOINT_FAILED: { category: 'system', message: 'The audit checkpoint could not be signed or stored' },

  // a lookup order runs in attempts: a transient failure leaves it to be re-sent (README "Faults")
  HUB_ERR_ORDER_IN_PROGRESS: { category: 'transient', message: 'An earlier attempt of this order is still running; send the same signed order again shortly to learn its outcome' },
  HUB_ERR_ORDER_SUPERSEDED: { category: 'transient', message: 'This attempt of the order ran out of time and another took over; send the same signed order again to learn its outcome' },

  // signed requests and the authorization policy (statute 11.2, 6.1.9, 6.1.10, 9.1.2, 9.2.5, 13.3; docs/security-model.md).
  // One code per refusal: the refusal is audited under this code and the judge learns exactly why.
  HUB_ERR_AUTHZ_SIGNATURE_INVALID: { category: 'authorization', message: 'The signature does not verify over this document' },
  HUB_ERR_AUTHZ_CERT_EXPIRED: { category: 'authorization', message: 'The signing certificate was not valid at the signing time (expired or not yet valid)' },
  HUB_ERR_AUTHZ_CERT_REVOKED: { category: 'authorization', message: 'The signing certificate has been revoked' },
  HUB_ERR_AUTHZ_CERT_UNTRUSTED: { category: 'authorization', message: 'The signing certificate does not chain to a trusted certification authority' },
  HUB_ERR_AUTHZ_REVOCATION_UNKNOWN: { category: 'transient', message: 'The revocation status of the signing certificate could not be established; try again later' },
  HUB_ERR_AUTHZ_KEY_USAGE: { category: 'authorization', message: 'The signing certificate is not a qualified signature certificate (nonRepudiation key usage is required)' },
  HUB_ERR_AUTHZ_CERT_NO_FIN: { category: 'authorization', message: 'The signing certificate does not name a person (no FIN in the subject serial number)' },
  HUB_ERR_AUTHZ_CERT_NOT_BOUND: { category: 'authorization', message: 'The signing certificate is not the one registered for this person' },
  HUB_ERR_AUTHZ_NOT_A_JUDGE: { category: 'authorization', message: 'The signer is not a judge' },
  HUB_ERR_AUTHZ_JUDGE_INACTIVE: { category: 'authorization', message: 'The signer no longer holds the office of judge' },
  HUB_ERR_AUTHZ_CASE_UNKNOWN: { category: 'authorization', message: 'The case named in the request is not known to the hub' },
  HUB_ERR_AUTHZ_NOT_CASE_JUDGE: { category: 'authorization', message: 'The signer is not the judge assigned to this case' },
  HUB_ERR_AUTHZ_CASE_CLOSED: { category: 'authorization', message: 'The case is closed' },
  HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY: { category: 'authorization', message: 'The person or company asked about is not a party of this case' },
  HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED: { category: 'authorization', message: 'Bank, tax or commercial-secret data needs a court decision in legal force as its basis (statute 11.1, 11.2)' },
  HUB_ERR_AUTHZ_DECISION_UNKNOWN: { category: 'authorization', message: 'The decision named as the basis is not known to the hub' },
  HUB_ERR_AUTHZ_DECISION_OTHER_CASE: { category: 'authorization', message: 'The decision named as the basis belongs to another case' },
  HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE: { category: 'authorization', message: 'The decision named as the basis has not entered legal force' },
  HUB_ERR_AUTHZ_DECISION_SIGNER: { category: 'authorization', message: 'The decision named as the basis was not signed by a judge of this case' },
  HUB_ERR_AUTHZ_ORDER_EXPIRED: { category: 'authorization', message: 'The request has expired; sign a new one' },
  HUB_ERR_AUTHZ_ORDER_NOT_YET_VALID: { category: 'authorization', message: 'The request is dated in the future; check the clock of the signing computer' },
  HUB_ERR_AUTHZ_ORDER_LIFETIME: { category: 'authorization', message: 'The validity window of the request is longer than allowed' },
  HUB_ERR_AUTHZ_NONCE_REPLAYED: { category: 'authorization', message: 'This signed request was already used; sign a new one' },
  HUB_ERR_AUTHZ_ORDER_ID_REUSED: { category: 'authorization', message: 'The order id was already used by another order' },
  HUB_ERR_AUTHZ_NOT_STAFF: { category: 'authorization', message: 'The signer is not a member of court staff' },
  HUB_ERR_AUTHZ_STAFF_INACTIVE: { category: 'authorization', message: 'The signer no longer works at the court' },
  HUB_ERR_AUTHZ_NO_DELEGATION: { category: 'authorization', message: 'No judge has delegated identity verification for this case to the signer' },
  HUB_ERR_AUTHZ_DELEGATION_EXPIRED: { category: 'authorization', message: 'The delegation for this case has expired or is not yet in force' },
  HUB_ERR_AUTHZ_CLERK_CATEGORY: { category: 'authorization', message: 'Court staff may only verify a party\'s identity; other data needs a judge\'s order' },
  HUB_ERR_AUTHZ_NOT_OPERATOR: { category: 'authorization', message: 'The signer is not an operator of the case-management system' },
  HUB_ERR_AUTHZ_NOT_SUBJECT: { category: 'authorization', message: 'An access report is given only to the person it is about, on their own signed request' },
  HUB_ERR_AUTHZ_NOT_ORDER_JUDGE: { category: 'authorization', message: 'Only the judge who signed the order may retrieve its evidence' },
  // decisions and agencies (statute 6.1.19, 6.1.22, 7.2.2, 12.6)
  HUB_ERR_DECISION_MISMATCH: { category: 'authorization', message: 'The decision does not match the case it names (court, judge or parties)' },
  HUB_ERR_DECISION_ID_REUSED: { category: 'business', message: 'A decision with this id is already registered' },
  HUB_ERR_DECISION_NOT_FOUND: { category: 'validation', message: 'No such decision', httpStatus: 404 },
  HUB_ERR_DECISION_ALREADY_IN_FORCE: { category: 'business', message: 'The decision has already entered legal force' },
  HUB_ERR_DECISION_FORCE_DATE: { category: 'validation', message: 'The date of entry into legal force is before the adoption of the decision or in the future' },
  HUB_ERR_DECISION_SIGNATURE_MISMATCH: { category: 'business', message: 'The act of entry into legal force names another signature of the decision than the one registered' },
  HUB_ERR_AGENCY_UNKNOWN: { category: 'validation', message: 'The agency is not in the agencies directory, or no longer active' },
  HUB_ERR_AGENCY_NOT_ALLOWED: { category: 'authorization', message: 'The agencies directory does not allow this agency to receive this kind of decision or action' },
  HUB_ERR_AGENCY_SIGNATURE_INVALID: { category: 'authorization', message: 'The agency\'s request is not signed, or not signed with the certificate pinned for it in the agencies directory' },
  HUB_ERR_AGENCY_METHOD_NOT_ALLOWED: { category: 'authorization', message: 'The agencies directory does not allow this agency to call this operation' },
  HUB_ERR_AGENCY_NOT_ADDRESSED: { category: 'authorization', message: 'The decision is not addressed to this agency' },
  HUB_ERR_AGENCY_NOT_ENFORCEMENT: { category: 'authorization', message: 'Only the enforcement service reports enforcement status (statute 6.1.19)' },
  HUB_ERR_ENFORCEMENT_REPORT_CONFLICT: { category: 'business', message: 'A different status report with this version was already received; report a change with a new version' },
  // evidence packets (statute 12.4; docs/security-model.md §6)
  HUB_ERR_EVIDENCE_INVALID: { category: 'validation', message: 'The evidence packet is not authentic: its hub signature does not verify' },
  HUB_ERR_EVIDENCE_PROVIDER_INVALID: { category: 'validation', message: 'A registry answer in the evidence packet is not signed by its registry\'s pinned certificate or not bound to its request' },
} as const satisfies Record<string, CatalogueEntry>;

export type HubErrorCode = keyof typeof ERROR_CATALOGUE;

/** The category alone decides HTTP status, retry, breaker counting and log level (docs/conventions.md §3). */
export const CATEGORY_POLICY: Record<ErrorCategory, { httpStatus: number; retryable: boolean; countsAsFailure: boolean; logLevel: 'info' | 'warn' | 'error' }> = {
  validation: { httpStatus: 400, retryable: false, countsAsFailure: false, logLevel: 'info' },
  authorization: { httpStatus: 403, retryable: false, countsAsFailure: false, logLevel: 'warn' },
  business: { httpStatus: 422, retryable: false, countsAsFailure: false, logLevel: 'info' },
  transient: { httpStatus: 503, retryable: true, countsAsFailure: true, logLevel: 'warn' },
  config: { httpStatus: 500, retryable: false, countsAsFailure: false, logLevel: 'error' },
  system: { httpStatus: 502, retryable: false, countsAsFailure: true, logLevel: 'error' },
};
