/**
 * One probe per registry module's mock agency, so the fault-mode scenarios run the same over every
 * agency, SOAP and REST: how to ask the normal question (the module's first operation's `ok`
 * golden request), and how to recognise a normal answer, a server error, a signature.
 */
import { REGISTRY_MODULES } from '../../../../contracts/registries/modules';
import { conformanceSubjects, loadSamples, type Sample } from '../../../../contracts/registries/samples';
import { type AgencyOptions, type MockAgency, loadAgency } from '../../../../mocks';
import { type RawResponse, send } from '../../../contract/support/http-client';
import { parseXml, soapParts, treeToJson } from '../../../contract/support/xml-tree';
import { checkRest, checkSoap } from './fake-signers';

export interface Probe {
  name: string;
  protocol: 'soap' | 'rest';
  start(options: AgencyOptions): Promise<MockAgency>;
  /** Identifiers of the operation probed: on file, another on file, in no register. */
  found: string;
  other: string;
  notFound: string;
  /** The golden ok request, with its message id replaced by `id` (and the subject by `subject`). */
  ask(agency: MockAgency, opts?: { id?: string; subject?: string; timeoutMs?: number; headers?: Record<string, string> }): Promise<RawResponse>;
  /** The identifier the answer's content is about (data or not-found). */
  subjectOf(body: Buffer): string | undefined;
  /** The payload as data; throws when it does not parse. */
  payload(body: Buffer): unknown;
  /** The golden ok payload. */
  expected: unknown;
  /** The message id the answer echoes. */
  echoedId(res: RawResponse): string | undefined;
  /** Which signer signed and whether the signature holds over what the receiver consumes. */
  signature(res: RawResponse): { signer?: string; valid: boolean };
  /** The error the register reports: SOAP faultcode or REST problem type suffix. */
  errorCode(res: RawResponse): string | undefined;
  serverErrorCode: { error: string; unavailable: string; signature: string };
}

const valueOf = (s: object): string => Object.values(s)[0] as string;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function soapProbe(id: string, ok: Sample, subjects: { found: string; other: string; notFound: string }): Probe {
  const soapPayload = (body: Buffer) => soapParts(body.toString('utf8')).body.children[0];
  return {
    name: id, protocol: 'soap', ...subjects,
    start: (o) => loadAgency(id).start(o),
    ask: (agency, opts = {}) => {
      const body = ok.request.body!.replace(/(<xrd:id [^>]*>)[^<]*/, `$1${opts.id ?? 'msg-1'}`).replace(`>${subjects.found}<`, `>${opts.subject ?? subjects.found}<`);
      return send(agency.url, { method: 'POST', headers: { ...ok.request.headers, ...opts.headers }, body, timeoutMs: opts.timeoutMs });
    },
    payload: (body) => treeToJson(soapPayload(body)),
    expected: treeToJson(soapParts(ok.response).body.children[0]),
    // The first fin or voen of the Body: the record's subject, or the one the not-found names.
    subjectOf: (body) => /<(?:\w+:)?(?:fin|voen)>([^<]*)</.exec(body.toString('utf8').split('<SOAP-ENV:Body')[1] ?? '')?.[1],
    echoedId: (res) => /<xrd:id [^>]*>([^<]*)</.exec(res.body.toString('utf8'))?.[1],
    signature: (res) => {
      const xml = res.body.toString('utf8');
      const check = checkSoap(xml);
      // The receiver consumes the Envelope's Body: the signature holds only if that is what was signed.
      const consumed = soapParts(xml).body;
      const referencedIsConsumed = consumed.attrs['{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}Id'] === 'body';
      return { signer: check.signer, valid: check.referencedValid && referencedIsConsumed };
    },
    errorCode: (res) => {
      const fault = soapParts(res.body.toString('utf8')).body.children[0];
      return fault?.name.endsWith('}Fault') ? (treeToJson(fault) as { faultcode: string }).faultcode.replace(/^SOAP-ENV:/, '') : undefined;
    },
    serverErrorCode: { error: 'Server.InternalError', unavailable: 'Server.Unavailable', signature: 'Client.InvalidSignature' },
  };
}

function restProbe(id: string, ok: Sample, subjects: { found: string; other: string; notFound: string }): Probe {
  return {
    name: id, protocol: 'rest', ...subjects,
    start: (o) => loadAgency(id).start(o),
    ask: (agency, opts = {}) =>
      send(agency.url + ok.request.path.replace(new RegExp(escapeRe(encodeURIComponent(subjects.found))), encodeURIComponent(opts.subject ?? subjects.found)), {
        headers: { ...ok.request.headers, 'X-Road-Id': opts.id ?? 'msg-1', ...opts.headers },
        timeoutMs: opts.timeoutMs,
      }),
    payload: (body) => JSON.parse(body.toString('utf8')),
    expected: JSON.parse(ok.response),
    subjectOf: (body) => {
      const b = JSON.parse(body.toString('utf8')) as Record<string, unknown> & { subject?: Record<string, string> };
      const named = (b.subject ?? b) as Record<string, unknown>;
      return (named.fin ?? named.voen) as string | undefined;
    },
    echoedId: (res) => res.headers['x-road-id'] as string | undefined,
    signature: (res) => {
      const c = checkRest(res.body, res.headers['x-road-signature'] as string | undefined);
      return { signer: c.signer, valid: c.valid };
    },
    errorCode: (res) => {
      try {
        return (JSON.parse(res.body.toString('utf8')) as { type: string }).type.split('/').pop();
      } catch {
        return undefined;
      }
    },
    serverErrorCode: { error: 'internal-error', unavailable: 'unavailable', signature: 'invalid-signature' },
  };
}

export function probeFor(id: string): Probe {
  const samples = loadSamples(id);
  const ok = samples.find((s) => s.meta.scenario === 'ok' && s.meta.operation === samples[0].meta.operation)
    ?? samples.find((s) => s.meta.scenario === 'ok')!;
  const c = conformanceSubjects(id, ok.meta.operation);
  const subjects = { found: valueOf(c.found), other: valueOf(c.other), notFound: valueOf(c.notFound) };
  return loadAgency(id).protocol === 'soap' ? soapProbe(id, ok, subjects) : restProbe(id, ok, subjects);
}

export const PROBES: Probe[] = REGISTRY_MODULES.map(probeFor);

/** True when the payload does not parse as XML / JSON. */
export function unparsable(probe: Probe, body: Buffer): boolean {
  try {
    if (probe.protocol === 'soap') parseXml(body.toString('utf8'));
    else JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}
