/**
 * An agency calling the court's agency service, as a test client: SOAP envelopes built and signed
 * with the agency's certificate (the EHİS profile, client and provider swapped), REST requests
 * with a detached JWS over the exact body, and the hub's signed answers verified against the hub
 * certificate only.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { compileEnvelope } from '../../adapters/kit/xroad-envelope';
import { signDetachedJws, verifyDetachedJws } from '../../signing/jws';
import { pinnedTrust, type PathValidator } from '../../signing/pki';
import { signEnvelope, verifyEnvelope, type VerifiedEnvelope } from '../../signing/wss';

export interface TestAgency {
  xroad: { instance: string; memberClass: string; memberCode: string; subsystemCode: string };
  signer: { certPem: string; key: KeyObject };
}

export const HUB = { instance: 'AZ', memberClass: 'GOV', memberCode: '1400000001', subsystemCode: 'court-hub' };
export const CRT = 'http://court.gov.az/xroad/agency/v1';
const XRD = 'http://x-road.eu/xsd/xroad.xsd';
const REFS = ['xrd-client', 'xrd-service', 'xrd-id', 'xrd-userId', 'xrd-issue', 'xrd-protocolVersion', 'body'];

export const memberId = (a: TestAgency) => `${a.xroad.instance}/${a.xroad.memberClass}/${a.xroad.memberCode}/${a.xroad.subsystemCode}`;

/** The envelope of one operation; `payload` is the Body content (court or xrd namespace). */
export function soapRequest(a: TestAgency, op: string, inner = '', opts: { meta?: boolean; sign?: boolean; signer?: TestAgency['signer']; id?: string } = {}): string {
  const ns = opts.meta ? XRD : CRT;
  const payload = `<p:${op} xmlns:p="${ns}">${inner}</p:${op}>`;
  const xml = compileEnvelope(a.xroad, HUB, { serviceCode: op, serviceVersion: 'v1' })({ id: opts.id ?? randomUUID(), userId: 'AZ-AGENCY-OPERATOR-1', issue: 'court-decisions', payload });
  return opts.sign === false ? xml : signEnvelope(xml, opts.signer ?? a.signer, { refIds: REFS });
}

export async function soapPost(url: string, xml: string): Promise<{ status: number; text: string }> {
  const r = await fetch(`${url}/ehis/court`, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=utf-8' }, body: xml });
  return { status: r.status, text: await r.text() };
}

/** The hub's answer, verified with the hub certificate pinned (never the one the answer carries alone). */
export async function verifyHubAnswer(text: string, validator: PathValidator, hubCertPem: string): Promise<VerifiedEnvelope> {
  return verifyEnvelope(text, { trust: pinnedTrust(validator, hubCertPem, { what: 'the hub' }), requiredRefs: ['Body', 'Timestamp', 'requestHash'] });
}

export async function restCall(url: string, a: TestAgency, method: 'GET' | 'POST', target: string, body?: unknown, opts: { signer?: TestAgency['signer']; sign?: boolean; client?: string } = {}) {
  const bytes = Buffer.from(body === undefined ? '' : JSON.stringify(body));
  const id = randomUUID();
  const client = opts.client ?? memberId(a);
  const headers: Record<string, string> = { 'X-Road-Client': client, 'X-Road-Id': id };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.sign !== false) {
    headers['X-Road-Signature'] = signDetachedJws(bytes, opts.signer ?? a.signer, { header: { htm: method, htu: target, 'x-road-client': client, 'x-road-id': id, iat: Math.floor(Date.now() / 1000) } });
  }
  const r = await fetch(`${url}${target}`, { method, headers, body: body === undefined ? undefined : bytes });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: JSON.parse(text) as any, id };
}

export async function verifyRestAnswer(r: { text: string; headers: Headers }, validator: PathValidator, hubCertPem: string) {
  return verifyDetachedJws(Buffer.from(r.text), r.headers.get('x-road-signature') ?? '', pinnedTrust(validator, hubCertPem, { what: 'the hub' }));
}
