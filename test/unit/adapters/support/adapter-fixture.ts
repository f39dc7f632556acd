/**
 * Shared test material for the adapter tests: throw-away test keys (test/support/wss-fixture.ts),
 * the engines' seams wired to the real signing/ functions, and builders of signed provider answers
 * of profile v2 (SOAP envelopes echoing the request's X-Road headers and its xrd:requestHash; REST
 * bodies with a detached JWS binding them to the request's id, request hash, the subject and a time).
 */
import type { KeyObject } from 'node:crypto';
import type { AdapterCallParams } from '../../../../contracts/hub';
import type { PopulationPerson } from '../../../../contracts/registries/models';
import { jwsSign, jwsVerify, wssSign, wssVerify } from '../../../../adapters/kit/signing-wiring';
import type { RestSign, RestVerify, SoapSign, SoapVerify } from '../../../../adapters/kit/seams';
import { PROVIDERS } from '../../../../registry/providers';
import type { ProviderEntry, XRoadSubsystem } from '../../../../registry/types';
import { SigningError } from '../../../../signing/errors';
import { signDetachedJws } from '../../../../signing/jws';
import { signEnvelope } from '../../../../signing/wss';
import { createHash } from 'node:crypto';
import { ANSWER_PARAM, REST_HEADER, SOAP_REQUEST_HASH_ID, DEFAULT_REQUEST_HASH_ALGORITHM, restRequestHash } from '../../../../contracts/registries/xroad-profile';
import { testSigner, type TestSigner } from '../../../support/wss-fixture';

export interface Keys { hub: TestSigner; agency: TestSigner; rogue: TestSigner }

export async function testKeys(): Promise<Keys> {
  const [hub, agency, rogue] = await Promise.all([testSigner('ec', 'Court hub'), testSigner('ec', 'Agency'), testSigner('ec', 'Rogue agency')]);
  return { hub, agency, rogue };
}

export const HUB_XROAD: XRoadSubsystem = { instance: 'AZ', memberClass: 'GOV', memberCode: '1400000001', subsystemCode: 'court-hub' };

/** Trust exactly these test certificates (the provider's pinned certificate in tests). */
export function trust(...signers: TestSigner[]) {
  return async (der: Buffer | undefined): Promise<KeyObject> => {
    const s = der && signers.find((x) => x.certDer.equals(der));
    if (!s) throw new SigningError('cert-untrusted', 'not a trusted test certificate');
    return s.publicKey;
  };
}

export interface Seams { signSoap: SoapSign; verifySoap: SoapVerify; signRest: RestSign; verifyRest: RestVerify }

/** The hub signs with its key; only the agency's certificate is trusted for answers. */
export function seams(k: Keys): Seams {
  return {
    signSoap: wssSign(k.hub),
    verifySoap: wssVerify({ trust: trust(k.agency) }),
    signRest: jwsSign(k.hub),
    verifyRest: jwsVerify(trust(k.agency)),
  };
}

/** Signs a SOAP answer with every wsu:Id it carries (Body and the echoed X-Road headers). */
export function signSoapAnswer(xml: string, signer: TestSigner): string {
  const refIds = [...xml.matchAll(/wsu:Id="([^"]+)"/g)].map((m) => m[1]);
  return signEnvelope(xml, signer, { refIds });
}

export const FAULT = (code: string, detail?: string) =>
  `<SOAP-ENV:Fault><faultcode>SOAP-ENV:${code}</faultcode><faultstring>fault</faultstring>${detail ? `<detail>${detail}</detail>` : ''}</SOAP-ENV:Fault>`;

/** The population register's not-found: Server.NotFound naming the FIN in its detail (population.xsd notFound). */
export const NOT_FOUND = (fin = '5ZK8F3R') =>
  FAULT('Server.NotFound', `<pop:notFound xmlns:pop="http://population.gov.az/xroad/v1"><pop:fin>${fin}</pop:fin></pop:notFound>`);

/**
 * A provider answer to `requestXml`: the request's X-Road headers echoed (the id replaced when asked),
 * xrd:requestHash of the request (another value, or none, when asked), `inner` as the Body's content,
 * signed by `signer` (null: unsigned) over every wsu:Id.
 */
export function soapAnswerFor(requestXml: string, inner: string, o: { id?: string; signer: TestSigner | null; requestHash?: string | null; algorithmId?: string }): string {
  const envOpen = requestXml.slice(0, requestXml.indexOf('>') + 1);
  const hStart = requestXml.indexOf('<SOAP-ENV:Header>') + '<SOAP-ENV:Header>'.length;
  const hEnd = requestXml.indexOf('<wsse:Security');
  let headers = requestXml.slice(hStart, hEnd);
  if (o.id !== undefined) headers = headers.replace(/(<xrd:id wsu:Id="xrd-id">)[^<]*(<\/xrd:id>)/, `$1${o.id}$2`);
  const alg = o.algorithmId ?? DEFAULT_REQUEST_HASH_ALGORITHM;
  const digest = alg.endsWith('#sha512') ? 'sha512' : 'sha256';
  const hash = o.requestHash === undefined ? createHash(digest).update(requestXml, 'utf8').digest('base64') : o.requestHash;
  if (hash !== null) headers += `<xrd:requestHash wsu:Id="${SOAP_REQUEST_HASH_ID}" algorithmId="${alg}">${hash}</xrd:requestHash>`;
  const xml = `${envOpen}<SOAP-ENV:Header>${headers}</SOAP-ENV:Header><SOAP-ENV:Body wsu:Id="body">${inner}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
  return o.signer ? signSoapAnswer(xml, o.signer) : xml;
}

export const README_PERSON: PopulationPerson = {
  fin: '5ZK8F3R', surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu',
  birthDate: '1984-03-12', gender: 'M', citizenship: 'AZE', civilStatus: 'married',
  address: { city: 'Bakı', district: 'Nəsimi', street: 'Azadlıq prospekti 12, mənzil 45' },
  identityDocument: { type: 'ID_CARD', series: 'AZE', number: '12345678', issuedOn: '2019-05-02', validUntil: '2029-05-02', status: 'valid' },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const el = (name: string, v: string) => `<pop:${name}>${esc(v)}</pop:${name}>`;

/** population.xsd getPersonResponse for a person. */
export function personXml(p: PopulationPerson): string {
  const a = p.address;
  const d = p.identityDocument;
  return `<pop:getPersonResponse xmlns:pop="http://population.gov.az/xroad/v1"><pop:person>` +
    el('fin', p.fin) + el('surname', p.surname) + el('givenName', p.givenName) + el('patronymic', p.patronymic) +
    el('birthDate', p.birthDate) + el('gender', p.gender) + el('citizenship', p.citizenship) + el('civilStatus', p.civilStatus) +
    `<pop:address>${el('city', a.city)}${el('district', a.district)}${el('street', a.street)}</pop:address>` +
    `<pop:identityDocument>${el('type', d.type)}${el('series', d.series)}${el('number', d.number)}${el('issuedOn', d.issuedOn)}` +
    `${el('validUntil', d.validUntil)}${el('status', d.status)}</pop:identityDocument>` +
    `</pop:person></pop:getPersonResponse>`;
}

/** What a REST provider read from the hub's request: its X-Road-Id and its X-Road-Signature. */
export interface RestRequestSeen { id: string; signature: string; body?: Buffer }

/**
 * REST answer headers of profile v2: the echoed id and a detached JWS over the exact body bytes whose
 * protected header binds it to the request (id, request hash), the subject and now. `params`
 * overrides or removes (undefined) any of those parameters.
 */
export function restAnswerHeaders(body: Buffer, req: RestRequestSeen, signer: TestSigner | null, o: {
  contentType?: string; subject?: string; params?: Record<string, unknown>;
} = {}): Record<string, string> {
  const h: Record<string, string> = { 'Content-Type': o.contentType ?? 'application/json', [REST_HEADER.id]: req.id };
  if (!signer) return h;
  const params: Record<string, unknown> = {
    [ANSWER_PARAM.id]: req.id,
    [ANSWER_PARAM.requestHash]: restRequestHash(req.signature, req.body ?? Buffer.alloc(0)),
    [ANSWER_PARAM.subject]: `fin:${o.subject ?? '5ZK8F3R'}`,
    [ANSWER_PARAM.issuedAt]: Math.floor(Date.now() / 1000),
    ...o.params,
  };
  for (const k of Object.keys(params)) if (params[k] === undefined) delete params[k];
  h[REST_HEADER.signature] = signDetachedJws(body, signer, { header: params });
  return h;
}

export function callParams(over: Partial<AdapterCallParams> = {}): AdapterCallParams {
  return {
    section: '11.2.22',
    subject: { fin: '5ZK8F3R' },
    caseNumber: '2(101)-1234/2026',
    userId: 'AZ-FIN-2JD4K7M',
    deadline: Date.now() + 5000,
    ...over,
  };
}

/** The registry entry with breaker settings small enough for fast tests. */
export function testProvider(id: string, over: Partial<ProviderEntry['breaker']> = {}, retry = { attempts: 1, baseDelayMs: 1 }): ProviderEntry {
  const p = PROVIDERS.find((x) => x.id === id);
  if (!p) throw new Error(`no provider ${id}`);
  return {
    ...p,
    breaker: { errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 200, rollingCountTimeoutMs: 10_000, capacity: 4, ...over },
    retry,
  };
}
