/**
 * The fault table as data (Airbyte's error handler, docs/conventions.md §1): a provider fault is looked up
 * in the adapter's table, then in the protocol defaults below. Nothing here ever turns a failure into
 * an empty result: only a row that says 'not-found' does, and the engines honour such a row only for
 * an authentically signed answer (Airbyte's lesson: 403/404 as "no records" hid failures).
 */
import type { HubErrorCode } from '../../contracts/hub';
import type { FaultResult, FaultRule } from './descriptor';

export interface FaultFacts {
  soapFaultCode?: string;
  httpStatus?: number;
  problemType?: string;
}

function matches(rule: FaultRule, f: FaultFacts): boolean {
  if (rule.soapFaultCode === undefined && rule.httpStatus === undefined && rule.problemType === undefined) return false;
  if (rule.soapFaultCode !== undefined && rule.soapFaultCode !== f.soapFaultCode) return false;
  if (rule.httpStatus !== undefined && rule.httpStatus !== f.httpStatus) return false;
  if (rule.problemType !== undefined && rule.problemType !== f.problemType) return false;
  return true;
}

/**
 * Defaults when no row matches. SOAP 1.1 §4.4.1: "Client" faults blame the message (we sent
 * something wrong: retrying the same message will not help); "Server" faults blame the processing
 * (may succeed later). HTTP: RFC 9110 §15.5/§15.6.
 */
function byDefault(f: FaultFacts): HubErrorCode {
  if (f.soapFaultCode !== undefined) {
    const head = f.soapFaultCode.split('.')[0];
    if (head === 'Client') return 'HUB_ERR_UPSTREAM_REJECTED';
    if (head === 'Server') return 'HUB_ERR_UPSTREAM_SERVER_ERROR';
    return 'HUB_ERR_UPSTREAM_FAULT';
  }
  const s = f.httpStatus;
  if (s === undefined) return 'HUB_ERR_UPSTREAM_FAULT';
  if (s === 401 || s === 403) return 'HUB_ERR_UPSTREAM_ACCESS_DENIED';
  if (s === 408 || s === 429 || s === 502 || s === 503 || s === 504) return 'HUB_ERR_UPSTREAM_UNAVAILABLE';
  if (s >= 500) return 'HUB_ERR_UPSTREAM_SERVER_ERROR';
  if (s >= 400) return 'HUB_ERR_UPSTREAM_REJECTED';
  return 'HUB_ERR_UPSTREAM_BAD_ANSWER';
}

export function matchFault(table: readonly FaultRule[], facts: FaultFacts): FaultResult {
  for (const rule of table) if (matches(rule, facts)) return rule.result;
  return byDefault(facts);
}

/** The same lookup for an answer that is NOT authentically signed: it can only ever be an error. */
export function matchUnsignedFault(table: readonly FaultRule[], facts: FaultFacts): HubErrorCode {
  const r = matchFault(table, facts);
  return r === 'not-found' ? 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID' : r;
}
