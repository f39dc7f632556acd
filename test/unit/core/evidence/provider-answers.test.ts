/**
 * The registries' signatures inside an evidence packet, checked as a third party would: real answers
 * of the mock agencies (signed with the test PKI's agency certificate) fetched through the real
 * adapters, put in a packet, then verified against the pinned provider certificate.
 */
import { createHash } from 'node:crypto';
import { ServiceBroker } from 'moleculer';
import { Registry } from 'prom-client';
import { HubError, type AdapterResult, type CategoryOutcome } from '../../../../contracts/hub';
import { ADAPTERS } from '../../../../adapters';
import { BreakerRegistry } from '../../../../adapters/kit/breaker';
import { createAdapterService } from '../../../../adapters/kit/service-factory';
import { jwsSign, jwsVerify, wssSign, wssVerify } from '../../../../adapters/kit/signing-wiring';
import { buildPacket, verifyProviderAnswers, type EvidencePacket } from '../../../../core/evidence';
import { createOrder } from '../../../../core/orders';
import { pinnedTrust } from '../../../../signing/pki';
import { agencySigner, startMocks, type RunningMocks } from '../../../../mocks';
import { HUB_XROAD, testProvider } from '../../adapters/support/adapter-fixture';
import { getPkiFixture, type PkiFixture } from '../../../support/pki-fixture';

let pki: PkiFixture;
let mocks: RunningMocks;
let broker: ServiceBroker;

beforeAll(async () => {
  pki = await getPkiFixture();
  mocks = await startMocks({ signer: agencySigner(pki.agency.signer) });
  broker = new ServiceBroker({ logger: false });
  const trust = pinnedTrust(pki.validator(), pki.agency.certPem);
  for (const d of ADAPTERS) {
    broker.createService(createAdapterService(d, {
      provider: testProvider(d.provider), endpoint: mocks.urls[d.provider],
      hub: { xroad: HUB_XROAD, signSoap: wssSign(pki.hub.signer), signRest: jwsSign(pki.hub.signer) },
      verify: { soap: wssVerify({ trust }), rest: jwsVerify(trust) },
      metricsRegistry: new Registry(), breakers: new BreakerRegistry(),
    }));
  }
  await broker.start();
}, 30_000);
afterAll(async () => { await broker?.stop(); await mocks?.stop(); });

async function ask(section: string, fin: string): Promise<CategoryOutcome> {
  const action = section === '11.2.22' ? 'adapter.population.getPerson' : 'adapter.phone.getPhoneNumbers';
  const r = await broker.call<AdapterResult, unknown>(action, { section, subject: { fin }, caseNumber: '2(101)-1234/2026', userId: 'AZ-FIN-JDG0001', deadline: Date.now() + 5000 });
  const { outcome, operation: _op, ...rest } = r;
  return { ...rest, status: outcome };
}

function packetOf(fin: string, outcomes: CategoryOutcome[]): EvidencePacket {
  const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin }, categories: outcomes.map((o) => o.section) });
  return buildPacket({
    order, orderSignature: Buffer.from([0x30, 0x00]), requestId: 'req-1', issuedAt: new Date(),
    signer: { fin: 'JDG0001', certSha256: 'ab'.repeat(32), signingTime: new Date() }, outcomes,
  });
}

const pinned = (provider: string) => (provider === 'population' || provider === 'phone' ? pinnedTrust(pki.validator(), pki.agency.certPem) : undefined);

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try { await p; } catch (err) { return HubError.is(err, 'HUB_ERR_EVIDENCE_PROVIDER_INVALID') ? String(err.details?.reason) : `unexpected: ${String(err)}`; }
  return 'verified';
}

describe('Registry answers inside an evidence packet', () => {
  test('A packet with a SOAP answer, a REST answer and a REST not-found. Result: each provider signature verifies against the pinned certificate, bound to its message', async () => {
    const packet = packetOf('5ZK8F3R', [await ask('11.2.22', '5ZK8F3R'), await ask('11.2.3', '5ZK8F3R')]);
    expect(packet.outcomes[1].answerSignature).toMatch(/^[\w-]+\.\.[\w-]+$/);
    const checks = await verifyProviderAnswers(packet, pinned);
    expect(checks.map((c) => [c.section, c.protocol])).toEqual([['11.2.22', 'soap'], ['11.2.3', 'rest']]);
    const notFound = packetOf('7ZZ4QX9', [await ask('11.2.3', '7ZZ4QX9')]);
    expect(notFound.outcomes[0].status).toBe('not-found');
    await expect(verifyProviderAnswers(notFound, pinned)).resolves.toHaveLength(1);
  });

  test('A packet quoting another person\'s signed REST answer under this order. Result: HUB_ERR_EVIDENCE_PROVIDER_INVALID (signed subject)', async () => {
    const other = await ask('11.2.3', '1AB2C3D');
    expect(await reasonOf(verifyProviderAnswers(packetOf('5ZK8F3R', [other]), pinned))).toMatch(/signed subject/);
  });

  test.each([
    ['the message id of another message', { messageId: 'another-message' }, /x-road-id|xrd:id/],
    ['the request hash of another request', { requestHash: 'ab'.repeat(32) }, /request hash|requestHash/],
    ['answer bytes other than the ones digested', { responseHash: 'cd'.repeat(32) }, /digest the packet records/],
  ])('A packet that records %s for an answer. Result: HUB_ERR_EVIDENCE_PROVIDER_INVALID', async (_what, over, reason) => {
    for (const section of ['11.2.22', '11.2.3']) {
      const o = await ask(section, '5ZK8F3R');
      expect(await reasonOf(verifyProviderAnswers(packetOf('5ZK8F3R', [{ ...o, ...over }]), pinned))).toMatch(reason);
    }
  });

  test('An answer whose bytes were changed together with the recorded digest. Result: the registry signature does not verify', async () => {
    for (const section of ['11.2.22', '11.2.3']) {
      const o = await ask(section, '5ZK8F3R');
      const altered = Buffer.from(Buffer.from(o.signedAnswer!, 'base64').toString('utf8').replace('Azercell', 'Bakcell').replace('Məmmədov', 'Əliyev'));
      const forged = { ...o, signedAnswer: altered.toString('base64'), responseHash: createHash('sha256').update(altered).digest('hex') };
      expect(await reasonOf(verifyProviderAnswers(packetOf('5ZK8F3R', [forged]), pinned))).toMatch(/signature does not verify/);
    }
  });

  test('The verifier pins another certificate for the provider (e.g. the hub\'s). Result: the signer is refused (cert-untrusted)', async () => {
    const o = await ask('11.2.22', '5ZK8F3R');
    const wrongPin = () => pinnedTrust(pki.validator(), pki.hub.certPem);
    expect(await reasonOf(verifyProviderAnswers(packetOf('5ZK8F3R', [o]), wrongPin))).toMatch(/cert-untrusted/);
  });

  test('No certificate is pinned for the provider. Result: refused, never "not checked"', async () => {
    const o = await ask('11.2.3', '5ZK8F3R');
    expect(await reasonOf(verifyProviderAnswers(packetOf('5ZK8F3R', [o]), () => undefined))).toMatch(/no certificate is pinned/);
  });
});
