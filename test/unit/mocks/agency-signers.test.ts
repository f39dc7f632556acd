/**
 * The mock agencies signing with signing/wss and signing/jws: what the hub will verify.
 */
import { sample } from '../../../contracts/registries/samples';
import { agencySigner, type MockAgency, startPhoneMock, startPopulationMock } from '../../../mocks';
import { verifyDetachedJws } from '../../../signing/jws';
import { verifyEnvelope } from '../../../signing/wss';
import { send } from '../../contract/support/http-client';
import { testSigner, trustOnly } from '../../support/wss-fixture';

const popOk = sample('population', 'getPerson__ok');
const phoneOk = sample('phone', 'getPhoneNumbers__ok');
let population: MockAgency;
let phone: MockAgency;
let trust: (der: Buffer) => Promise<import('node:crypto').KeyObject>;

beforeAll(async () => {
  const agency = await testSigner('ec', 'Mock agency');
  const stranger = await testSigner('ec', 'Stranger');
  trust = trustOnly(agency);
  population = await startPopulationMock({ signer: agencySigner(agency), signers: { untrusted: agencySigner(stranger) } });
  phone = await startPhoneMock({ signer: agencySigner(agency) });
});
afterAll(() => Promise.all([population.stop(), phone.stop()]));

async function askPopulation(body = popOk.request.body!) {
  return send(population.url, { method: 'POST', headers: popOk.request.headers, body });
}

describe('mock agencies signing with signing/', () => {
  it('Population answers getPerson. Result: WS-Security over Body, Timestamp and the six X-Road headers verifies', async () => {
    const res = await askPopulation();
    const verified = await verifyEnvelope(res.body, { trust });
    expect(verified).toBeDefined();
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

  it('Phone answers. Result: the detached JWS in X-Road-Signature verifies over the body; altered, it does not', async () => {
    const res = await send(phone.url + phoneOk.request.path, { headers: phoneOk.request.headers });
    const jws = res.headers['x-road-signature'] as string;
    await expect(verifyDetachedJws(res.body, jws, async (der) => trust(der!))).resolves.toBeDefined();
    const altered = Buffer.from(res.body.toString().replace('5ZK8F3R', '6ZK8F3R'));
    await expect(verifyDetachedJws(altered, jws, async (der) => trust(der!))).rejects.toThrow();
  });
});
