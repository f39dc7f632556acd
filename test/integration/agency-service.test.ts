/**
 * The court's agency service, SOAP and REST, on the embedded hub: agencies pull the decisions
 * addressed to them, minimized, signed by the judge and attested by the hub; every request is
 * signed by the agency and checked against the certificate pinned for it; refusals are audited;
 * enforcement status reports are idempotent and safe against reordering.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { verifyDetached } from '../../signing/cms';
import { validateText } from '../contract/support/xsd-validate';
import type { PkiSummary } from '../../signing/test-ca';
import { childElements, textContent, type XmlElement } from '../../signing/xml';
import { CRT, restCall, soapPost, soapRequest, verifyHubAnswer, verifyRestAnswer, type TestAgency } from '../support/agency-client';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';
import { demoAgency, registerInForce as register } from '../support/decision-fixture';

const JUDGE = '2JD4K7M';
let h: EmbeddedHub;
let summary: PkiSummary;
let hubCert: string;
const agencies: Record<string, TestAgency> = {};

beforeAll(async () => {
  process.env.AGENCY_DEMO_BANK_CALLBACK_URL = 'http://127.0.0.1:9/bank';
  h = await startEmbeddedHub();
  summary = JSON.parse(fs.readFileSync(path.join(process.env.TEST_PKI_DIR as string, 'pki.json'), 'utf8'));
  hubCert = fs.readFileSync(summary.hub.cert, 'utf8');
  agencies.bank = demoAgency(summary, 'banks', 'COM', '1300000001', 'court-orders');
  agencies.enforcement = demoAgency(summary, 'enforcement', 'GOV', '1700000023', 'enforcement');
  agencies.migration = demoAgency(summary, 'migration', 'GOV', '1700000007', 'court-orders');
  await register(h, 'DEC-AGENCY-0001', { addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }] });
  await register(h, 'DEC-AGENCY-0002', { toEnforce: false, kind: 'ruling', addressees: [{ agencyId: 'migration', actions: ['travel-ban'], subjects: ['1AB2C3D'] }] });
}, 90_000);
afterAll(async () => { delete process.env.AGENCY_DEMO_BANK_CALLBACK_URL; await h?.stop(); });

const child = (el: XmlElement, local: string) => childElements(el, CRT, local);
const text = (el: XmlElement, local: string) => child(el, local).map(textContent);
const faultCode = (t: string) => /<crt:code>([A-Z_]+)<\/crt:code>/.exec(t)?.[1];
const audited = (outcome: string, agencyId: string | null) => h.sql(`SELECT 1 FROM audit_events WHERE type IN ('agency-request', 'enforcement-status-reported') AND outcome = $1 AND details->>'agencyId' IS NOT DISTINCT FROM $2`, [outcome, agencyId]);

/** Every court payload the hub answers validates against contracts/agencies/court.xsd (xmllint, a real schema processor). */
const COURT_XSD = path.join(__dirname, '..', '..', 'contracts', 'agencies', 'court.xsd');
let xsdChecked = 0;
async function soap(a: TestAgency, op: string, inner = '', opts = {}) {
  const r = await soapPost(h.url, soapRequest(a, op, inner, opts));
  const verified = await verifyHubAnswer(r.text, h.hub.pki.validator, hubCert);
  if (verified.body.ns === CRT) {
    const verdict = validateText(COURT_XSD, r.text.slice(verified.body.start, verified.body.end));
    expect(verdict.messages).toEqual([expect.stringMatching(/validates$/)]);
    xsdChecked++;
  }
  return { ...r, verified };
}

/** The REST answers validate against contracts/agencies/court.openapi.json (OpenAPI 3.1, JSON Schema 2020-12). */
const OPENAPI = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'contracts', 'agencies', 'court.openapi.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ ...OPENAPI, $id: 'https://court-hub.local/court.openapi.json' });
function checkRest(r: { status: number; headers: Headers; json: unknown }, p: string, method: 'get' | 'post'): void {
  const ptr = (x: string) => x.replace(/~/g, '~0').replace(/\//g, '~1');
  const type = (r.headers.get('content-type') ?? '').split(';')[0];
  const validate = ajv.compile({ $ref: `https://court-hub.local/court.openapi.json#/paths/${ptr(p)}/${method}/responses/${r.status}/content/${ptr(type)}/schema` });
  expect({ valid: validate(r.json), errors: ajv.errorsText(validate.errors) }).toEqual({ valid: true, errors: 'No errors' });
}

describe('agency service over SOAP', () => {
  it('The bank lists its decisions. Result: only the one addressed to it, answer signed by the hub and bound to the request by xrd:requestHash', async () => {
    const xml = soapRequest(agencies.bank, 'listDecisions', '<p:after>0</p:after>');
    const r = await soapPost(h.url, xml);
    expect(r.status).toBe(200);
    const v = await verifyHubAnswer(r.text, h.hub.pki.validator, hubCert);
    expect(v.headers.requestHash?.value).toBe(createHash('sha256').update(xml).digest('base64'));
    expect(v.body.local).toBe('listDecisionsResponse');
    const ds = child(v.body, 'decision');
    expect(ds.map((d) => text(d, 'decisionId')[0])).toEqual(['DEC-AGENCY-0001']);
    expect(text(ds[0], 'action')).toEqual(['arrest-accounts']);
  });

  it('The bank reads its decision. Result: only the concerned party, role and FIN (no name, no operative part, no document), the judge\'s signature over documentSha256 and the hub\'s attestation verify', async () => {
    const { verified: v } = await soap(agencies.bank, 'getDecision', '<p:decisionId>DEC-AGENCY-0001</p:decisionId>');
    const d = child(v.body, 'decision')[0];
    const parties = child(d, 'party');
    expect(parties.map((p) => childElements(p).map((c) => `${c.local}=${textContent(c)}`))).toEqual([['role=defendant', 'fin=1AB2C3D']]);
    expect(child(d, 'operativePart')).toHaveLength(0);
    expect(child(d, 'signedDocument')).toHaveLength(0);
    const att = await verifyDetached(Buffer.from(text(d, 'attestedContent')[0], 'base64'), Buffer.from(text(d, 'attestation')[0], 'base64'), h.hub.pki.validator);
    expect(att.signer.subject).toMatch(/court-hub/i);
    const attested = JSON.parse(Buffer.from(text(d, 'attestedContent')[0], 'base64').toString('utf8'));
    const judgeSig = Buffer.from(text(d, 'judgeSignature')[0], 'base64');
    expect(attested).toMatchObject({ attestation: 'legal-force', decisionId: 'DEC-AGENCY-0001', decisionSignatureSha256: createHash('sha256').update(judgeSig).digest('hex') });
  });

  it('The enforcement service reads a decision to be enforced. Result: every party in full, the operative part, and the signed document whose judge\'s signature verifies', async () => {
    const { verified: v } = await soap(agencies.enforcement, 'getDecision', '<p:decisionId>DEC-AGENCY-0001</p:decisionId>');
    const d = child(v.body, 'decision')[0];
    expect(child(d, 'party')).toHaveLength(2);
    expect(text(d, 'operativePart')).toEqual(['Recover 1500 AZN from the defendant.']);
    const doc = Buffer.from(text(d, 'signedDocument')[0], 'base64');
    const judge = await verifyDetached(doc, Buffer.from(text(d, 'judgeSignature')[0], 'base64'), h.hub.pki.validator);
    expect(judge.signer.fin).toBe(JUDGE);
  });

  it('The bank asks for a decision not addressed to it. Result: Client.AccessDenied HUB_ERR_AGENCY_NOT_ADDRESSED, signed, and audited', async () => {
    const r = await soap(agencies.bank, 'getDecision', '<p:decisionId>DEC-AGENCY-0002</p:decisionId>');
    expect(r.status).toBe(500);
    expect(r.text).toMatch(/Client\.AccessDenied/);
    expect(faultCode(r.text)).toBe('HUB_ERR_AGENCY_NOT_ADDRESSED');
    expect(await audited('HUB_ERR_AGENCY_NOT_ADDRESSED', 'demo-bank')).toHaveLength(1);
  });

  it('An unsigned request; one signed by another agency\'s key in the bank\'s name; one with a signed value altered. Result: each Client.InvalidSignature, signed by the hub, audited', async () => {
    const unsigned = await soapPost(h.url, soapRequest(agencies.bank, 'listDecisions', '', { sign: false }));
    const foreign = await soapPost(h.url, soapRequest(agencies.bank, 'listDecisions', '', { signer: agencies.migration.signer }));
    const altered = await soapPost(h.url, soapRequest(agencies.bank, 'getDecision', '<p:decisionId>DEC-AGENCY-0001</p:decisionId>').replace('DEC-AGENCY-0001', 'DEC-AGENCY-0002'));
    for (const r of [unsigned, foreign, altered]) {
      expect(r.status).toBe(500);
      expect(r.text).toMatch(/Client\.InvalidSignature/);
      await verifyHubAnswer(r.text, h.hub.pki.validator, hubCert).catch(() => { throw new Error('fault not signed by the hub'); });
    }
    expect((await audited('HUB_ERR_AGENCY_SIGNATURE_INVALID', null)).length).toBeGreaterThanOrEqual(3);
  });

  it('The same signed request sent twice. Result: the second is refused as a replay', async () => {
    const xml = soapRequest(agencies.bank, 'listDecisions');
    expect((await soapPost(h.url, xml)).status).toBe(200);
    expect(faultCode((await soapPost(h.url, xml)).text)).toBe('HUB_ERR_AGENCY_SIGNATURE_INVALID');
  });

  it('The bank reports an enforcement status. Result: Client.AccessDenied HUB_ERR_AGENCY_NOT_ENFORCEMENT, audited', async () => {
    const r = await soap(agencies.bank, 'reportEnforcementStatus', `<p:decisionId>DEC-AGENCY-0001</p:decisionId><p:version>1</p:version><p:status>opened</p:status><p:reportedAt>${new Date().toISOString()}</p:reportedAt>`);
    expect(faultCode(r.text)).toBe('HUB_ERR_AGENCY_NOT_ENFORCEMENT');
    expect(await audited('HUB_ERR_AGENCY_NOT_ENFORCEMENT', 'demo-bank')).toHaveLength(1);
  });

  it('The enforcement service reports versions 2, 1, 2 again, 3, and 3 with other content. Result: applied, stale, duplicate, applied, refused; final state version 3 completed with history 1-2-3; the bank sees it; an event per change for the bank', async () => {
    const report = (v: number, status: string, amount?: string) => `<p:decisionId>DEC-AGENCY-0001</p:decisionId><p:version>${v}</p:version><p:status>${status}</p:status>` +
      `${amount ? `<p:amountRecovered>${amount}</p:amountRecovered>` : ''}<p:reportedAt>2026-05-0${v}T10:00:00Z</p:reportedAt>`;
    const outcomes: string[] = [];
    for (const [v, s, a] of [[2, 'in-progress'], [1, 'opened'], [2, 'in-progress'], [3, 'completed', '1500.00']] as [number, string, string?][]) {
      const { verified } = await soap(agencies.enforcement, 'reportEnforcementStatus', report(v, s, a));
      outcomes.push(text(verified.body, 'outcome')[0]);
    }
    expect(outcomes).toEqual(['applied', 'stale', 'duplicate', 'applied']);
    const conflict = await soap(agencies.enforcement, 'reportEnforcementStatus', report(3, 'returned'));
    expect(faultCode(conflict.text)).toBe('HUB_ERR_ENFORCEMENT_REPORT_CONFLICT');
    const { verified: st } = await soap(agencies.bank, 'getEnforcementStatus', '<p:decisionId>DEC-AGENCY-0001</p:decisionId>');
    const current = child(st.body, 'current')[0];
    expect([text(current, 'version')[0], text(current, 'status')[0], text(current, 'amountRecovered')[0]]).toEqual(['3', 'completed', '1500.00']);
    expect(child(st.body, 'history').map((e) => text(e, 'status')[0])).toEqual(['opened', 'in-progress', 'completed']);
    const events = await h.sql<{ agency_id: string; seq: string }>(`SELECT agency_id, seq FROM agency_outbox WHERE decision_id = 'DEC-AGENCY-0001' AND type = 'enforcement-status-changed' ORDER BY seq`);
    expect(events.map((e) => [e.agency_id, Number(e.seq)])).toEqual([['demo-bank', 2], ['demo-bank', 3]]);
  });

  it('X-Road metaservices. Result: listMethods names the four services, allowedMethods only the bank\'s three, getWsdl the published WSDL', async () => {
    const codes = (b: XmlElement) => childElements(b).map((s) => textContent(childElements(s).find((c) => c.local === 'serviceCode')!));
    expect(codes((await soap(agencies.bank, 'listMethods', '', { meta: true })).verified.body)).toEqual(['listDecisions', 'getDecision', 'getEnforcementStatus', 'reportEnforcementStatus']);
    expect(codes((await soap(agencies.bank, 'allowedMethods', '', { meta: true })).verified.body)).toEqual(['listDecisions', 'getDecision', 'getEnforcementStatus']);
    const w = (await soap(agencies.bank, 'getWsdl', '<p:serviceCode>getDecision</p:serviceCode>', { meta: true })).verified.body;
    const published = await (await fetch(`${h.url}/ehis/court?wsdl`)).text();
    expect(Buffer.from(textContent(childElements(w).find((c) => c.local === 'wsdl')!), 'base64').toString('utf8')).toBe(published);
    expect(published).toMatch(/<wsdl:definitions/);
    expect(xsdChecked).toBeGreaterThanOrEqual(6);
  });
});

describe('agency service over REST', () => {
  it('The bank lists and reads over REST. Result: same decisions, answer JWS by the hub binds x-road-id and the request hash; a decision not addressed is 403', async () => {
    const r = await restCall(h.url, agencies.bank, 'GET', '/ehis/court/v1/decisions?after=0');
    expect(r.status).toBe(200);
    expect(r.json.decisions.map((d: { decisionId: string }) => d.decisionId)).toEqual(['DEC-AGENCY-0001']);
    checkRest(r, '/decisions', 'get');
    const { header } = await verifyRestAnswer(r, h.hub.pki.validator, hubCert);
    expect(header['x-road-id']).toBe(r.id);
    expect(typeof header['x-road-request-hash']).toBe('string');
    const d = await restCall(h.url, agencies.bank, 'GET', '/ehis/court/v1/decisions/DEC-AGENCY-0001');
    expect(d.json.decision.parties).toEqual([{ role: 'defendant', fin: '1AB2C3D' }]);
    checkRest(d, '/decisions/{decisionId}', 'get');
    const other = await restCall(h.url, agencies.bank, 'GET', '/ehis/court/v1/decisions/DEC-AGENCY-0002');
    expect([other.status, other.json.code]).toEqual([403, 'HUB_ERR_AGENCY_NOT_ADDRESSED']);
    checkRest(other, '/decisions/{decisionId}', 'get');
    const st = await restCall(h.url, agencies.bank, 'GET', '/ehis/court/v1/decisions/DEC-AGENCY-0001/enforcement-status');
    checkRest(st, '/decisions/{decisionId}/enforcement-status', 'get');
  });

  it('Unsigned, signed by another agency, or naming another client. Result: 401 HUB_ERR_AGENCY_SIGNATURE_INVALID', async () => {
    const a = await restCall(h.url, agencies.bank, 'GET', '/ehis/court/v1/decisions', undefined, { sign: false });
    const b = await restCall(h.url, agencies.bank, 'GET', '/ehis/court/v1/decisions', undefined, { signer: agencies.migration.signer });
    const c = await restCall(h.url, agencies.migration, 'GET', '/ehis/court/v1/decisions', undefined, { client: 'AZ/COM/1300000001/court-orders' });
    for (const r of [a, b, c]) {
      expect([r.status, r.json.code]).toEqual([401, 'HUB_ERR_AGENCY_SIGNATURE_INVALID']);
      checkRest(r, '/decisions', 'get');
    }
  });

  it('The enforcement service reports over REST; the bank tries to. Result: applied; 403 HUB_ERR_AGENCY_NOT_ENFORCEMENT', async () => {
    const body = { version: 4, status: 'returned', reportedAt: '2026-05-09T10:00:00Z', note: 'returned to the court' };
    const ok = await restCall(h.url, agencies.enforcement, 'POST', '/ehis/court/v1/decisions/DEC-AGENCY-0001/enforcement-status', body);
    expect([ok.status, ok.json.outcome, ok.json.current.version]).toEqual([200, 'applied', 4]);
    checkRest(ok, '/decisions/{decisionId}/enforcement-status', 'post');
    const bank = await restCall(h.url, agencies.bank, 'POST', '/ehis/court/v1/decisions/DEC-AGENCY-0001/enforcement-status', { ...body, version: 5 });
    expect([bank.status, bank.json.code]).toEqual([403, 'HUB_ERR_AGENCY_NOT_ENFORCEMENT']);
  });
});

describe('hostile requests to the agency service', () => {
  const raw = (body: Buffer | string, headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' }) =>
    fetch(`${h.url}/ehis/court`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) }).then(async (r) => ({ status: r.status, text: await r.text() }));

  it.each([
    ['a DOCTYPE with an entity expansion', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>&b;</SOAP-ENV:Body></SOAP-ENV:Envelope>`],
    ['bytes that are not XML', 'not xml at all \u0000'],
    ['an empty body', ''],
    ['a JSON body', '{"listDecisions":{}}'],
  ])('%s. Result: a signed Client.InvalidSignature fault, the hub stays up', async (_n, body) => {
    const r = await raw(body);
    expect(r.status).toBe(500);
    expect(faultCode(r.text)).toBe('HUB_ERR_AGENCY_SIGNATURE_INVALID');
  });

  it('A body over the size limit; an unknown /ehis/ path. Result: 413 HUB_ERR_VALIDATION_TOO_LARGE; 404', async () => {
    const big = await raw(Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).error.code).toBe('HUB_ERR_VALIDATION_TOO_LARGE');
    const none = await fetch(`${h.url}/ehis/nothing-here`);
    expect(none.status).toBe(404);
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });

  it('The published contracts. Result: the WSDL, the schemas it imports beside it, the OpenAPI; nothing else of the folder', async () => {
    for (const p of ['/ehis/court?wsdl', '/ehis/court.xsd', '/ehis/xroad.xsd', '/ehis/identifiers.xsd', '/ehis/court/v1/openapi.json']) {
      expect({ p, status: (await fetch(`${h.url}${p}`)).status }).toEqual({ p, status: 200 });
    }
    for (const p of ['/ehis/paths.ts', '/ehis/../package.json', '/ehis/court.wsdl/../../README.md']) expect((await fetch(`${h.url}${p}`)).status).toBe(404);
  });
});
