/**
 * One probe per mock agency, so the fault-mode scenarios run the same over SOAP and REST: how to
 * ask the normal question, and how to recognise a normal answer, a server error, a signature.
 */
import { sample } from '../../../../contracts/registries/samples';
import { type AgencyOptions, type MockAgency, startPhoneMock, startPopulationMock } from '../../../../mocks';
import { type RawResponse, send } from '../../../contract/support/http-client';
import { parseXml, soapParts, treeToJson } from '../../../contract/support/xml-tree';
import { checkRest, checkSoap } from './fake-signers';

export interface Probe {
  name: 'population' | 'phone';
  start(options: AgencyOptions): Promise<MockAgency>;
  /** The golden ok request, with its message id replaced by `id` (and the FIN by `fin`). */
  ask(agency: MockAgency, opts?: { id?: string; fin?: string; timeoutMs?: number; headers?: Record<string, string> }): Promise<RawResponse>;
  /** The FIN the answer's content is about (data or not-found). */
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

const popOk = sample('population', 'getPerson__ok');
const phoneOk = sample('phone', 'getPhoneNumbers__ok');

export const populationProbe: Probe = {
  name: 'population',
  start: startPopulationMock,
  ask: (agency, opts = {}) => {
    const body = popOk.request.body!.replace(/(<xrd:id [^>]*>)[^<]*/, `$1${opts.id ?? 'msg-1'}`).replace('>5ZK8F3R<', `>${opts.fin ?? '5ZK8F3R'}<`);
    return send(agency.url, { method: 'POST', headers: { ...popOk.request.headers, ...opts.headers }, body, timeoutMs: opts.timeoutMs });
  },
  payload: (body) => {
    const b = soapParts(body.toString('utf8')).body;
    return treeToJson(b.children[0]);
  },
  expected: { person: popOk.meta.expected },
  subjectOf: (body) => /<(?:\w+:)?fin>([^<]*)</.exec(body.toString('utf8').split('<SOAP-ENV:Body')[1] ?? '')?.[1],
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

export const phoneProbe: Probe = {
  name: 'phone',
  start: startPhoneMock,
  ask: (agency, opts = {}) =>
    send(agency.url + phoneOk.request.path.replace('5ZK8F3R', opts.fin ?? '5ZK8F3R'), {
      headers: { ...phoneOk.request.headers, 'X-Road-Id': opts.id ?? 'msg-1', ...opts.headers },
      timeoutMs: opts.timeoutMs,
    }),
  payload: (body) => JSON.parse(body.toString('utf8')),
  expected: phoneOk.meta.expected,
  subjectOf: (body) => {
    const b = JSON.parse(body.toString('utf8')) as { fin?: string; subject?: { fin?: string } };
    return b.fin ?? b.subject?.fin;
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

export const PROBES: Probe[] = [populationProbe, phoneProbe];

/** True when the payload does not parse as XML / JSON. */
export function unparsable(probe: Probe, body: Buffer): boolean {
  try {
    if (probe.name === 'population') parseXml(body.toString('utf8'));
    else JSON.parse(body.toString('utf8'));
    return false;
  } catch {
    return true;
  }
}
