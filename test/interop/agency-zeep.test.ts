/**
 * An independent SOAP client uses the court's agency service with the WSDL unchanged: Python zeep
 * (Debian python3-zeep) loads GET /ehis/court?wsdl, lists and reads decisions as the bank; each
 * request's WS-Security signature is made and checked with xmlsec1, and checked by our own
 * verifier; each answer of the hub is checked with xmlsec1 against the hub certificate. Skipped
 * only on a developer machine without python3-zeep or xmlsec1; in CI a missing tool fails the suite
 * (scripts/check-test-tools.sh installs them).
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyDetached } from '../../signing/cms';
import { pinnedTrust } from '../../signing/pki';
import type { PkiSummary } from '../../signing/test-ca';
import { verifyEnvelope } from '../../signing/wss';
import { memberId } from '../support/agency-client';
import { demoAgency, registerInForce } from '../support/decision-fixture';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';

/** Debian's python3 (python3-zeep lives in its dist-packages), else whatever python3 has zeep. */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import zeep, lxml'], { encoding: 'utf8' }).status === 0);
const HAVE = PYTHON !== undefined && spawnSync('xmlsec1', ['--version']).status === 0;
const suite = HAVE || process.env.CI ? describe : describe.skip;

suite('zeep as an agency', () => {
  let h: EmbeddedHub;
  let work: string;
  let summary: PkiSummary;
  beforeAll(async () => {
    if (!HAVE) throw new Error('python3-zeep and xmlsec1 are required in CI: apt-get install -y python3-zeep xmlsec1');
    h = await startEmbeddedHub();
    summary = JSON.parse(fs.readFileSync(path.join(process.env.TEST_PKI_DIR as string, 'pki.json'), 'utf8'));
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'agency-zeep-'));
    await registerInForce(h, 'DEC-ZEEP-00001', { addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }] });
    await registerInForce(h, 'DEC-ZEEP-00002', { toEnforce: false, addressees: [{ agencyId: 'migration', actions: ['travel-ban'], subjects: ['1AB2C3D'] }] });
  }, 90_000);
  afterAll(async () => {
    await h?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('The bank, with zeep and xmlsec1, lists its decisions and reads one; asks for one not addressed to it. Result: its decision only, minimized; the judge\'s and the hub\'s signatures verify; Client.AccessDenied HUB_ERR_AGENCY_NOT_ADDRESSED; every request signed and checked by xmlsec1 and accepted by our verifier', async () => {
    const bank = demoAgency(summary, 'banks', 'COM', '1300000001', 'court-orders');
    // Asynchronously: the hub answering zeep runs in this very process.
    const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      execFile(PYTHON as string, [path.join(__dirname, 'agency_zeep.py'), h.url, bank.certFile, bank.keyFile, summary.hub.cert, memberId(bank), 'DEC-ZEEP-00001', 'DEC-ZEEP-00002', work],
        { encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => resolve({ status: err ? 1 : 0, stdout, stderr }));
    });
    if (run.status !== 0) throw new Error(`agency_zeep.py failed: ${run.stderr.slice(-2000)}`);
    const r = JSON.parse(run.stdout.trim().split('\n').pop() as string);
    expect(r.listed).toEqual(['DEC-ZEEP-00001']);
    expect(r.decision).toMatchObject({ decisionId: 'DEC-ZEEP-00001', kind: 'judgment', actions: ['arrest-accounts'], parties: [{ role: 'defendant', fin: '1AB2C3D' }] });
    expect(r.otherFault.code).toMatch(/Client\.AccessDenied$/);
    expect(r.otherFault.detail).toEqual(['HUB_ERR_AGENCY_NOT_ADDRESSED']);
    // Three requests: each signed by xmlsec1 and checked by it; three answers checked by xmlsec1 with the hub certificate.
    expect([r.requestSignedByXmlsec1, r.requestCheckedByXmlsec1, r.answersCheckedByXmlsec1]).toEqual([3, 3, 3]);
    // The hub attests legal force over the digest of the judge's signature it hands out.
    const att = await verifyDetached(Buffer.from(r.decision.attestedContent, 'base64'), Buffer.from(r.decision.attestation, 'base64'), h.hub.pki.validator);
    expect(att.signer.subject).toMatch(/court-hub/i);
    // Our verifier accepts the xmlsec1-signed request with the bank's pinned certificate, and refuses it altered.
    const signed = fs.readFileSync(path.join(work, 'request-signed.xml'), 'utf8');
    const v = await verifyEnvelope(signed, { trust: pinnedTrust(h.hub.pki.validator, bank.signer.certPem), maxAgeMs: 600_000 });
    expect(v.body.local).toBe('getDecision');
    await expect(verifyEnvelope(signed.replace('DEC-ZEEP-00002', 'DEC-ZEEP-00001'), { trust: pinnedTrust(h.hub.pki.validator, bank.signer.certPem) })).rejects.toThrow();
  }, 150_000);
});
