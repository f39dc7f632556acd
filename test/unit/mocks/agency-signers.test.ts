/**
 * The mock agencies signing with signing/wss and signing/jws: what the hub will verify, with the
 * bindings of profile v2 (contracts/registries/README.md).
 */
import { createHash } from 'node:crypto';
import { restRequestHash } from '../../../contracts/registries/xroad-profile';
import { signDetachedJws } from '../../../signing/jws';
import { sample } from '../../../contracts/registries/samples';
import { agencySigner, type MockAgency, loadAgency } from '../../../mocks';
import { verifyDetachedJws } from '../../../signing/jws';
import { verifyEnvelope } from '../../../signing/wss';
import { send } from '../../contract/support/http-client';
import { testSigner, trustOnly } from '../../support/wss-fixture';

const popOk = sample('population', 'getPerson__ok');
const phoneOk = sample('phone', 'getPhoneNumbers__ok');

/** The hub's v2 request signature over the golden phone request (parameters overridable). */
function hubSigned(signer: Parameters<typeof signDetachedJws>[1], over: Record<string, unknown> = {}): Record<string, string> {
  const h = phoneOk.request.headers;
  const jws = signDetachedJws(Buffer.alloc(0), signer, { header: {
    htm: 'GET', htu: phoneOk.request.path, 'x-road-client': h['X-Road-Client'], 'x-road-id': h['X-Road-Id'],
    'x-road-userid': h['X-Road-UserId'], 'x-road-issue': h['X-Road-Issue'], iat: Math.floor(Date.now() / 1000), ...over,
  } });
  return { ...h, 'X-Road-Signature': jws };
}
let population: MockAgency;
let phone: MockAgency;
let trust: (der: Buffer) => Promise<import('node:crypto').KeyObject>;
let hub: Awaited<ReturnType<typeof testSigner>>;

beforeAll(async () => {
  hub = await testSigner('ec', 'Court hub');
  const agency = await testSigner('ec', 'Mock agency');
  const stranger = await testSigner('ec', 'Stranger');
  trust = trustOnly(agency);
  population = await loadAgency('population').start({ signer: agencySigner(agency), signers: { untrusted: agencySigner(stranger) } });
  phone = await loadAgency('phone').start({ signer: agencySigner(agency) });
});
afterAll(() => Promise.all([population.stop(), phone.stop()]));

async function askPopulation(body = popOk.request.body!) {
  return send(population.url, { method: 'POST', headers: popOk.request.headers, body });
}

describe('mock agencies signing with signing/', () => {
  it('Population answers getPerson. Result: WS-Security over Body, Timestamp, the six X-Road headers and xrd:requestHash (the digest of this request) verifies', async () => {
    const res = await askPopulation();
    const verified = await verifyEnvelope(res.body, { trust, requiredRefs: ['Body', 'Timestamp', 'client', 'service', 'id', 'userId', 'issue', 'protocolVersion', 'requestHash'] });
    expect(verified.headers.requestHash).toEqual({
      algorithmId: 'http://www.w3.org/2001/04/xmlenc#sha256', value: createHash('sha256').update(popOk.request.body!).digest('base64'),
    });
  });

  it('Population answers Server.NotFound. Result: the fault is signed too (a "not found" is a result that must be authentic)', async () => {
    const res = await askPopulation(popOk.request.body!.replace('>5ZK8F3R<', '>7ZZ4QX0<'));
    expect(res.status).toBe(500);
    await expect(verifyEnvelope(res.body, { trust })).resolves.toBeDefined();
  });

  it.each([
    ['badSignatureRate', 'digest-mismatch', { badSignatureRate: 1 }],
    ['wrappedSignatureRate', 'wrapping', { wrappedSignatureRate: 1 }],
    ['signer=untrusted', 'cert-untrusted', { signer: 'untrusted' }],
  ])('Population with %s. Result: verification refuses the answer with reason %s', async (_name, reason, faults) => {
    await population.setFaults(faults as never);
    try {
      await expect(verifyEnvelope((await askPopulation()).body, { trust })).rejects.toMatchObject({ reason });
    } finally {
      await population.setFaults({});
    }
  });

  it('Phone answers a hub-signed request. Result: the JWS binds the answer to the request id, its request hash, the subject asked and now', async () => {
    const headers = hubSigned(hub);
    const res = await send(phone.url + phoneOk.request.path, { headers });
    expect(res.status).toBe(200);
    const { header } = await verifyDetachedJws(res.body, res.headers['x-road-signature'] as string, async (der) => trust(der!));
    expect(header).toMatchObject({
      'x-road-id': phoneOk.request.headers['X-Road-Id'],
      'x-road-request-hash': restRequestHash(headers['X-Road-Signature'], Buffer.alloc(0)),
      sub: 'fin:5ZK8F3R',
    });
    expect(Math.abs((header.iat as number) - Date.now() / 1000)).toBeLessThan(60);
  });

  it.each([
    ['it names another path (htu)', { htu: '/v1/persons/1AB2C3D/phone-numbers' }],
    ['it names another method (htm)', { htm: 'POST' }],
    ['it names another X-Road-Id', { 'x-road-id': 'some-other-message' }],
    ['it names another case number', { 'x-road-issue': '2(101)-9999/2026' }],
    ['it was made 10 minutes ago (iat)', { iat: Math.floor(Date.now() / 1000) - 600 }],
  ])('A request whose signed parameters do not describe it: %s. Result: 401 invalid-signature, signed', async (_what, over) => {
    const res = await send(phone.url + phoneOk.request.path, { headers: hubSigned(hub, over) });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body.toString()).type).toBe('https://phone.gov.az/problems/invalid-signature');
    await expect(verifyDetachedJws(res.body, res.headers['x-road-signature'] as string, async (der) => trust(der!))).resolves.toBeDefined();
  });

  it('Phone answers. Result: the detached JWS in X-Road-Signature verifies over the body; altered, it does not', async () => {
    const res = await send(phone.url + phoneOk.request.path, { headers: phoneOk.request.headers });
    const jws = res.headers['x-road-signature'] as string;
    await expect(verifyDetachedJws(res.body, jws, async (der) => trust(der!))).resolves.toBeDefined();
    const altered = Buffer.from(res.body.toString().replace('5ZK8F3R', '6ZK8F3R'));
    await expect(verifyDetachedJws(altered, jws, async (der) => trust(der!))).rejects.toThrow();
  });
});
