/**
 * The enforcement loop, sending side (statute 6.1.19): a decision in force and to be enforced goes
 * to the enforcement service over EHİS SOAP (contracts/agencies/enforcement-transfer.wsdl), signed
 * by the hub, answered by the service and bound to the request; idempotent by decision id; the
 * service then reports its progress back on a schedule. Real SOAP server (the mock enforcement
 * service), real signatures.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { Registry } from 'prom-client';
import { wssSign, wssVerify } from '../../adapters';
import { createTransferClient, type TransferClient } from '../../adapters/enforcement-transfer/transfer.client';
import type { TransferInput } from '../../adapters/enforcement-transfer/transfer.payload';
import { pinnedAgencyTrust } from '../../bus/outbox/pinned-agency';
import type { OutboxEvent } from '../../core/outbox';
import { agencySigner } from '../../mocks';
import { startEnforcementService, type EnforcementService, type StatusReportOut } from '../../mocks/decision-consumers/enforcement-service';
import { verifyEnvelope, XROAD_HEADERS } from '../../signing/wss';
import { getPkiFixture, type PkiFixture } from '../support/pki-fixture';

const sha = (pem: string) => createHash('sha256').update(new X509Certificate(pem).raw).digest('hex');
const HUB = { instance: 'AZ', memberClass: 'GOV', memberCode: '1400000001', subsystemCode: 'court-hub' };
const ENF = { instance: 'AZ', memberClass: 'GOV', memberCode: '1700000023', subsystemCode: 'enforcement' };

function input(decisionId: string): TransferInput & { userId: string } {
  const document = { decisionId, caseNumber: '2(101)-1234/2026', parties: [{ role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla' }] };
  return {
    decisionId, caseNumber: '2(101)-1234/2026', courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: '2026-03-01T10:00:00.000Z', legalForceAt: '2026-04-01T00:00:00.000Z',
    parties: [{ role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla' }, { role: 'plaintiff', voen: '1401234561', name: 'Demo MMC' }], actions: ['recover-debt'],
    operativePart: 'Recover 3000.00 AZN from the defendant.', textSha256: 'a'.repeat(64), document, judgeSignature: Buffer.from('cms'), attestation: Buffer.from('att'),
    userId: 'AZ-FIN-2JD4K7M',
  };
}
const event = (decisionId: string): OutboxEvent => ({
  eventId: '3f0b6c1e-0000-4000-8000-000000000001', decisionId, agencyId: 'enforcement', seq: 1, type: 'decision-in-force', payload: { toEnforce: true },
  createdAt: new Date(), state: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, deliveredAt: null,
});

describe('enforcement transfer over EHİS SOAP', () => {
  let pki: PkiFixture;
  let service: EnforcementService;
  let client: TransferClient;
  const reports: StatusReportOut[] = [];
  let reject = false;

  beforeAll(async () => {
    pki = await getPkiFixture();
    const validator = pki.validator();
    const hubTrust = pinnedAgencyTrust(validator, sha(pki.hub.certPem));
    service = await startEnforcementService({
      verifySoap: async (raw) => { await verifyEnvelope(raw, { trust: (der) => hubTrust(der) }); },
      verifyRest: async () => undefined,
      signer: agencySigner(pki.agency.signer),
      report: async (r) => { if (reject) throw new Error('hub unavailable'); reports.push(r); },
      stepMs: 0,
    });
    const agencyTrust = pinnedAgencyTrust(validator, sha(pki.agency.certPem));
    client = createTransferClient({
      endpoint: service.transferUrl, client: HUB, provider: ENF, sign: wssSign(pki.hub.signer),
      verify: wssVerify({ trust: (der) => agencyTrust(der), requiredRefs: ['Body', 'Timestamp', ...XROAD_HEADERS, 'requestHash'] }),
      load: async (id) => (id.startsWith('DEC-') ? input(id) : null), metricsRegistry: new Registry(),
    });
  });
  afterAll(async () => {
    client?.close();
    await service?.close();
  });

  it('The hub sends a decision in force to the enforcement service, then sends it again (a retry after a lost answer). Result: one proceeding; the first answer "accepted", the second "already-accepted" with the same proceeding number', async () => {
    const first = await client.send(event('DEC-ENF-0001'), new AbortController().signal);
    const second = await client.send(event('DEC-ENF-0001'), new AbortController().signal);
    expect(first).toMatchObject({ decisionId: 'DEC-ENF-0001', status: 'accepted', proceedingNumber: expect.stringMatching(/^ICRA-\d{4}-\d{6}$/) });
    expect(second).toMatchObject({ status: 'already-accepted', proceedingNumber: first.proceedingNumber, acceptedAt: first.acceptedAt });
    expect(service.proceedings.get('DEC-ENF-0001')).toMatchObject({ transfers: 2, caseNumber: '2(101)-1234/2026', actions: ['recover-debt'] });
  });

  it('The enforcement service works the proceeding. Result: it reports opened, in-progress, amount-recovered, completed with growing versions; a report the hub refused is sent again at the next step', async () => {
    await service.step();
    reject = true;
    await service.step();
    reject = false;
    await service.step();
    await service.step();
    await service.step();
    const mine = reports.filter((r) => r.decisionId === 'DEC-ENF-0001');
    expect(mine.map((r) => [r.version, r.status])).toEqual([[1, 'opened'], [2, 'in-progress'], [3, 'amount-recovered'], [4, 'completed']]);
    expect(mine[3]).toMatchObject({ amountRecovered: '3000.00', proceedingNumber: service.proceedings.get('DEC-ENF-0001')!.proceedingNumber });
  });

  it('The answer is signed with a certificate other than the one pinned for the enforcement service. Result: HUB_ERR_UPSTREAM_SIGNATURE_INVALID, nothing counts as delivered', async () => {
    const rogue = await startEnforcementService({ verifySoap: async () => undefined, verifyRest: async () => undefined, signer: agencySigner(pki.hub.signer), stepMs: 0 });
    const agencyTrust = pinnedAgencyTrust(pki.validator(), sha(pki.agency.certPem));
    const c = createTransferClient({
      endpoint: rogue.transferUrl, client: HUB, provider: ENF, sign: wssSign(pki.hub.signer),
      verify: wssVerify({ trust: (der) => agencyTrust(der) }), load: async (id) => input(id), metricsRegistry: new Registry(),
    });
    try {
      await expect(c.send(event('DEC-ENF-0002'), new AbortController().signal)).rejects.toMatchObject({ code: 'HUB_ERR_UPSTREAM_SIGNATURE_INVALID' });
    } finally {
      c.close();
      await rogue.close();
    }
  });

  it('The hub asks to transfer a decision it cannot load (unknown or not in force). Result: refused before anything is sent', async () => {
    const before = service.proceedings.size;
    await expect(client.send(event('UNKNOWN-1'), new AbortController().signal)).rejects.toMatchObject({ code: 'HUB_ERR_VALIDATION_NOT_FOUND' });
    expect(service.proceedings.size).toBe(before);
  });
});
