/**
 * The default EHİS fault tables, as data (contracts/registries/README.md, "Faults"). A descriptor's
 * `faults` extend them: `soapFaults(...extra)` / `restFaults(problemBase, ...extra)` put the
 * registry's own rows first (the first matching row wins, kit/fault-matcher.ts), then the rows every
 * EHİS provider shares. What no row matches falls to the protocol defaults of fault-matcher.ts.
 */
import type { FaultRule } from './descriptor';

/** SOAP 1.1 faultcodes of the EHİS profile and the X-Road security server (X-Road 4.0 §2.6). */
export const EHIS_SOAP_FAULTS: readonly FaultRule[] = Object.freeze([
  { soapFaultCode: 'Server.NotFound', result: 'not-found' },
  { soapFaultCode: 'Client.InvalidRequest', result: 'HUB_ERR_UPSTREAM_REJECTED' },
  { soapFaultCode: 'Client.InvalidSignature', result: 'HUB_ERR_UPSTREAM_REJECTED' },
  { soapFaultCode: 'Server.Unavailable', result: 'HUB_ERR_UPSTREAM_UNAVAILABLE' },
  { soapFaultCode: 'Server.InternalError', result: 'HUB_ERR_UPSTREAM_SERVER_ERROR' },
  { soapFaultCode: 'Server.ServerProxy.AccessDenied', result: 'HUB_ERR_UPSTREAM_ACCESS_DENIED' },
  { soapFaultCode: 'Client.AccessDenied', result: 'HUB_ERR_UPSTREAM_ACCESS_DENIED' },
] satisfies FaultRule[]);

/** RFC 7807 problem types of the EHİS REST profile, below the provider's `problemBase` URI. */
export const EHIS_REST_PROBLEMS: readonly { status: number; type: string; result: FaultRule['result'] }[] = Object.freeze([
  // A 404 WITHOUT the not-found problem type (a wrong path, a proxy) is not "nothing found": it
  // falls to the default, an error.
  { status: 404, type: 'not-found', result: 'not-found' },
  { status: 400, type: 'bad-request', result: 'HUB_ERR_UPSTREAM_REJECTED' },
  { status: 401, type: 'invalid-signature', result: 'HUB_ERR_UPSTREAM_REJECTED' },
  { status: 500, type: 'internal-error', result: 'HUB_ERR_UPSTREAM_SERVER_ERROR' },
  { status: 503, type: 'unavailable', result: 'HUB_ERR_UPSTREAM_UNAVAILABLE' },
] as const);

/** The SOAP fault table of a descriptor: its own rows, then the EHİS defaults. */
export function soapFaults(...extra: FaultRule[]): FaultRule[] {
  return [...extra, ...EHIS_SOAP_FAULTS];
}

/** The REST fault table of a descriptor whose problem types live below `problemBase` (ends in '/'). */
export function restFaults(problemBase: string, ...extra: FaultRule[]): FaultRule[] {
  if (!problemBase.endsWith('/')) throw new Error(`problem base must end in "/": ${problemBase}`);
  return [...extra, ...EHIS_REST_PROBLEMS.map((p) => ({ httpStatus: p.status, problemType: problemBase + p.type, result: p.result }))];
}
