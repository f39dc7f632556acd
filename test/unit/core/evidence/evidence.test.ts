/**
 * The evidence packet is an attached CMS signed by the hub; it verifies with the hub's own
 * verifier and offline with `openssl cms -verify`, and any altered byte is caught.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubError } from '../../../../contracts/hub';
import { buildPacket, detachContent, signEvidence, verifyEvidence } from '../../../../core/evidence';
import { cmsSigner, cmsVerifier, createOrder } from '../../../../core/orders';
import { getPkiFixture, type PkiFixture } from '../../../support/pki-fixture';

let pki: PkiFixture;
beforeAll(async () => { pki = await getPkiFixture(); });

function packet() {
  const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
  return buildPacket({
    order, orderSignature: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]), requestId: 'req-1', issuedAt: new Date(),
    signer: { fin: 'JDG0001', certSha256: 'ab'.repeat(32), signingTime: new Date() },
    outcomes: [{ section: '11.2.22', status: 'ok', provider: 'population', messageId: 'req-1-11.2.22', requestHash: 'aa', responseHash: 'bb', signedAnswer: 'PHg+', data: { surname: 'Məmmədov' }, durationMs: 12 }],
  });
}

function hasOpenssl(): boolean {
  try { execFileSync('openssl', ['version']); return true; } catch { return false; }
}

describe('evidence packet', () => {
  it('Hub signs a packet. Result: the hub verifier returns the same packet and names the hub certificate', async () => {
    const p = packet();
    const der = await signEvidence(p, cmsSigner(pki.hub.signer, [pki.agencyCa.certPem]));
    const { packet: back, signer } = await verifyEvidence(der, cmsVerifier(pki.validator()));
    expect(back).toEqual(p);
    expect(signer.subjectDn).toContain('court-hub');
  });

  it('One byte of the data is changed. Result: HUB_ERR_EVIDENCE_INVALID (digest-mismatch)', async () => {
    const der = await signEvidence(packet(), cmsSigner(pki.hub.signer, [pki.agencyCa.certPem]));
    const at = der.indexOf(Buffer.from('M\u0259mm', 'utf8'));
    expect(at).toBeGreaterThan(0);
    const bad = Buffer.from(der);
    bad[at] = 'N'.charCodeAt(0);
    const err = await verifyEvidence(bad, cmsVerifier(pki.validator())).catch((e) => e);
    expect(HubError.is(err, 'HUB_ERR_EVIDENCE_INVALID')).toBe(true);
    expect(err.details.reason).toBe('digest-mismatch');
  });

  it('A packet signed by a certificate from an untrusted root. Result: HUB_ERR_EVIDENCE_INVALID (cert-untrusted)', async () => {
    const der = await signEvidence(packet(), cmsSigner(pki.untrustedJudge.signer));
    const err = await verifyEvidence(der, cmsVerifier(pki.validator())).catch((e) => e);
    expect(HubError.is(err, 'HUB_ERR_EVIDENCE_INVALID')).toBe(true);
    expect(err.details.reason).toBe('cert-untrusted');
  });

  (hasOpenssl() ? it : it.skip)('openssl cms -verify checks the packet offline with only the root certificate and prints the canonical JSON', async () => {
    const der = await signEvidence(packet(), cmsSigner(pki.hub.signer, [pki.agencyCa.certPem]));
    const dir = mkdtempSync(join(tmpdir(), 'court-evidence-'));
    writeFileSync(join(dir, 'packet.p7s'), der);
    writeFileSync(join(dir, 'root.pem'), pki.root.certPem);
    const out = execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', join(dir, 'packet.p7s'), '-CAfile', join(dir, 'root.pem')], { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out.equals(detachContent(der).content)).toBe(true);
  });
});
