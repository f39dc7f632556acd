/**
 * The declarative adapter descriptor (docs/conventions.md §1, after n8n's node descriptions and Airbyte's
 * low-code manifests): an adapter is data — provider, protocol, operations, fault table, personal
 * data fields, model schema — plus pure functions that build a request payload and map an answer.
 * The engines (soap-engine.ts, rest-engine.ts) do all I/O; nothing in a descriptor touches the network.
 */
import type { AdapterCallParams, HubErrorCode, SubjectKind } from '../../contracts/hub';
import type { XmlElement } from '../../signing/xml/light-dom';

/** What a pure mapper returns. "Not found" is a result, not an error (docs/conventions.md §4). */
export type MapResult<T = unknown> = { outcome: 'ok'; data: T } | { outcome: 'not-found' };

/** Per subject kind the operation serves (its `subjects`), where the answer names the subject. */
export type SubjectLocations<P> = Partial<Record<SubjectKind, P>>;

/** What a fault-table row turns a provider fault into. */
export type FaultResult = 'not-found' | HubErrorCode;

/**
 * One row of a fault table (Airbyte's error handler as data). Every given criterion must match.
 * SOAP rows match the SOAP 1.1 `faultcode` (local part, e.g. "Server.NotFound"); REST rows match the
 * HTTP status and, optionally, the RFC 7807 problem `type`. A row mapping to 'not-found' is only ever
 * honoured for an authentically signed answer (see the engines): an unsigned "nothing found" would be
 * a forged, false result in a court file.
 */
export interface FaultRule {
  soapFaultCode?: string;
  httpStatus?: number;
  problemType?: string;
  result: FaultResult;
}

interface OperationBase {
  /** Operation name = action name (`adapter.<provider>.<name>`) = CategoryEntry.operation. */
  name: string;
  /** Subject kinds the registry can be asked about (the rest: HUB_ERR_VALIDATION_SUBJECT_KIND). */
  subjects: SubjectKind[];
  /** Reads are idempotent and may be retried on transient errors (docs/architecture.md, "Reliability"). */
  idempotent: boolean;
  /**
   * Field names holding personal data, in params and in the mapped model (docs/conventions.md §7). They are
   * redacted centrally (kit/redact.ts) from anything logged; the subject is always redacted.
   */
  personalData: string[];
  /** Absolute path of the JSON Schema of the mapped model (contracts/registries/paths.ts modelSchemaPath). */
  modelSchema: string;
}

export interface SoapOperation extends OperationBase {
  /** X-Road service code and version (the `service` header). */
  serviceCode: string;
  serviceVersion: string;
  /** Namespace of the payload elements (must equal the WSDL's, checked at start-up). */
  namespace: string;
  /** SOAPAction HTTP header (SOAP 1.1 §6.1.1) as the WSDL binding declares it ('' when none). */
  soapAction?: string;
  /** Local name of the response payload element, e.g. "getPersonResponse". */
  responseElement: string;
  /** Pure: params → the Body's payload as an XML fragment, every value escaped (kit/xml-text.ts). */
  buildRequest(params: AdapterCallParams): string;
  /**
   * Where the answer names its subject (contracts/registries/README.md, "Binding an answer to its
   * request"), per subject kind in `subjects`, as element paths in `namespace`: `data` from the
   * response payload element (e.g. ['person', 'fin']), `notFound` from the not-found fault's
   * `detail` (e.g. ['notFound', 'fin']). The kit reads the text there from the verified answer and
   * compares it with the subject asked before the mapper runs (the mapper never sees the subject
   * asked): another subject, or none, is HUB_ERR_UPSTREAM_SUBJECT_MISMATCH, never data or not-found.
   */
  answerSubject: { data: SubjectLocations<readonly string[]>; notFound: SubjectLocations<readonly string[]> };
  /** Pure: the verified response payload element → canonical model. Throws on a shape it does not know. */
  mapResponse(payload: XmlElement): MapResult;
}

export interface RestOperation extends OperationBase {
  method: 'GET' | 'POST';
  /** Pure: params → path (with query) below the endpoint, every segment URL-encoded. */
  path(params: AdapterCallParams): string;
  /** Pure: params → JSON body for POST (absent for GET). */
  body?(params: AdapterCallParams): unknown;
  /**
   * Where the answer names its subject, per subject kind in `subjects`, as JSON Pointers (RFC 6901)
   * into the verified body: `data` in a 2xx answer (e.g. '/fin'), `notFound` in the not-found
   * problem (the profile puts it at '/subject/<kind>'). Checked by the kit like SOAP's, besides the
   * signed `sub` parameter of the answer's JWS.
   */
  answerSubject: { data: SubjectLocations<string>; notFound: SubjectLocations<string> };
  /** Pure: the verified, parsed JSON body of a 2xx answer → canonical model. */
  mapResponse(body: unknown): MapResult;
}

interface DescriptorBase {
  /** Provider id: key of registry/providers.ts; the service is `adapter.<provider>`. */
  provider: string;
  /** Faults the provider documents, in order; the first matching row wins (kit/fault-matcher.ts). */
  faults: FaultRule[];
}

export interface SoapAdapterDescriptor extends DescriptorBase {
  protocol: 'soap';
  /** Absolute WSDL path (contracts/registries/paths.ts), loaded and checked by node-soap at start-up. */
  wsdl: string;
  operations: SoapOperation[];
}

export interface RestAdapterDescriptor extends DescriptorBase {
  protocol: 'rest';
  operations: RestOperation[];
}

export type AdapterDescriptor = SoapAdapterDescriptor | RestAdapterDescriptor;
