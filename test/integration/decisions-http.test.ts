/**
 * Decisions over HTTP and the CLI, on the embedded hub with the demo world: a judge creates,
 * signs and submits a decision with addressees, enters it into legal force; only the case's judge
 * may; refusals are audited; the outbox holds the events of the entry into force.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { runDecisionCli } from '../../bus/api/cli/decision.cmd';
import { canonicalBytes } from '../../core/orders';
import { verifyDetached } from '../../signing/cms';
import type { PkiSummary } from '../../signing/test-ca';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';
import { memIo } from '../support/mem-io';

// Async: a synchronous child process would freeze the hub running in this same process.
const execFileP = promisify(execFile);

const CASE = '2(101)-1234/2026';
const JUDGE = '2JD4K7M';
const OTHER_JUDGE = '3HN8P2Q';
let h: EmbeddedHub;
let summary: PkiSummary;

beforeAll(async () => {
  process.env.AGENCY_DEMO_BANK_CALLBACK_URL = 'http://127.0.0.1:9/bank-callback';
  h = await startEmbeddedHub();
  summary = JSON.parse(fs.readFileSync(path.join(process.env.TEST_PKI_DIR as string, 'pki.json'), 'utf8'));
}, 90_000);
afterAll(async () => { delete process.env.AGENCY_DEMO_BANK_CALLBACK_URL; await h?.stop(); });

const person = (fin: string) => summary.people.find((p) => p.fin === fin)!;
const post = async (p: string, body: unknown) => {
  const r = await fetch(`${h.url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() as any };
};

function decision(id: string, over: Record<string, unknown> = {}) {
  return {
    decisionId: id, caseNumber: CASE, courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: new Date(Date.now() - 86_400_000).toISOString(), judgeFin: JUDGE,
    parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu' }, { role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı' }],
    operativePart: 'Recover 1500 AZN from the defendant.', textSha256: 'ab'.repeat(32), toEnforce: true,
    addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }, { agencyId: 'migration', actions: ['travel-ban'], subjects: ['1AB2C3D'] }],
    ...h.window(), ...over,
  };
}

const audited = (type: string, outcome: string) => h.sql('SELECT 1 FROM audit_events WHERE type = $1 AND outcome = $2', [type, outcome]);

describe('decisions', () => {
  it('The judge of the case signs a decision with addressees and submits it. Result: 201, registered and audited; the same id again is refused', async () => {
    const r = await post('/api/v1/decisions', await h.signAs(JUDGE, 'decision', decision('DEC-HTTP-0001')));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ decisionId: 'DEC-HTTP-0001', addressees: ['demo-bank', 'migration'], toEnforce: true });
    expect(await audited('decision-registered', 'registered')).toHaveLength(1);
    const again = await post('/api/v1/decisions', await h.signAs(JUDGE, 'decision', decision('DEC-HTTP-0001')));
    expect(again.body.error.code).toBe('HUB_ERR_DECISION_ID_REUSED');
  });

  it('Another judge signs a decision for a case not theirs. Result: 403 HUB_ERR_AUTHZ_NOT_CASE_JUDGE, audited, nothing stored', async () => {
    const r = await post('/api/v1/decisions', await h.signAs(OTHER_JUDGE, 'decision', decision('DEC-HTTP-0002', { judgeFin: OTHER_JUDGE })));
    expect([r.status, r.body.error.code]).toEqual([403, 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE']);
    expect(await audited('decision-registered', 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE')).toHaveLength(1);
    expect(await h.sql('SELECT 1 FROM decisions WHERE id = $1', ['DEC-HTTP-0002'])).toHaveLength(0);
  });

  it('The decision asks the bank for a travel ban, names a non-party, or an agency not in the directory. Result: each refused with its code', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ addressees: [{ agencyId: 'demo-bank', actions: ['travel-ban'], subjects: ['1AB2C3D'] }] }, 'HUB_ERR_AGENCY_NOT_ALLOWED'],
      [{ addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['9XY8Z7W'] }] }, 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'],
      [{ addressees: [{ agencyId: 'no-such-agency', actions: ['arrest-accounts'], subjects: [] }] }, 'HUB_ERR_AGENCY_UNKNOWN'],
      [{ courtId: 'BAKU-APPEAL' }, 'HUB_ERR_DECISION_MISMATCH'],
    ];
    for (const [over, code] of cases) {
      const r = await post('/api/v1/decisions', await h.signAs(JUDGE, 'decision', decision('DEC-HTTP-0003', over)));
      expect(r.body.error?.code).toBe(code);
    }
  });

  it('Another judge enters the decision into force; then the judge of the case does. Result: refused then 200 with the hub\'s attestation; outbox: the subscribed bank and the enforcement service (toEnforce), not the migration service without a callback', async () => {
    const sig = (await h.sql<{ signature: Buffer }>('SELECT signature FROM decisions WHERE id = $1', ['DEC-HTTP-0001']))[0].signature;
    const act = () => ({ decisionId: 'DEC-HTTP-0001', caseNumber: CASE, legalForceAt: new Date(Date.now() - 60_000).toISOString(), decisionSignatureSha256: createHash('sha256').update(sig).digest('hex'), ...h.window() });
    const refused = await post('/api/v1/decisions/DEC-HTTP-0001/legal-force', await h.signAs(OTHER_JUDGE, 'inForce', act()));
    expect(refused.body.error.code).toBe('HUB_ERR_AUTHZ_NOT_CASE_JUDGE');
    expect(await audited('decision-in-force', 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE')).toHaveLength(1);
    const wrongSig = await post('/api/v1/decisions/DEC-HTTP-0001/legal-force', await h.signAs(JUDGE, 'inForce', { ...act(), decisionSignatureSha256: '00'.repeat(32) }));
    expect(wrongSig.body.error.code).toBe('HUB_ERR_DECISION_SIGNATURE_MISMATCH');
    const otherUrl = await post('/api/v1/decisions/DEC-HTTP-0009/legal-force', await h.signAs(JUDGE, 'inForce', act()));
    expect(otherUrl.status).toBe(400);

    const ok = await post('/api/v1/decisions/DEC-HTTP-0001/legal-force', await h.signAs(JUDGE, 'inForce', act()));
    expect(ok.status).toBe(200);
    expect(ok.body.events).toBe(2);
    const att = Buffer.from(ok.body.attestation, 'base64');
    const d = (await h.sql<any>('SELECT id, case_number, court_id, kind, signature_sha256, in_force_signature FROM decisions WHERE id = $1', ['DEC-HTTP-0001']))[0];
    const content = canonicalBytes({
      attestation: 'legal-force', decisionId: d.id, caseNumber: d.case_number, courtId: d.court_id, kind: d.kind, decisionSignatureSha256: d.signature_sha256,
      inForceSignatureSha256: createHash('sha256').update(d.in_force_signature).digest('hex'), legalForceAt: ok.body.legalForceAt,
    });
    const v = await verifyDetached(content, att, h.hub.pki.validator);
    expect(v.signer.subject).toMatch(/court-hub/i);
    const rows = await h.sql<{ agency_id: string; seq: string; type: string; payload: any }>('SELECT agency_id, seq, type, payload FROM agency_outbox WHERE decision_id = $1 ORDER BY agency_id', ['DEC-HTTP-0001']);
    expect(rows.map((r) => [r.agency_id, Number(r.seq), r.type, r.payload.toEnforce])).toEqual([['demo-bank', 1, 'decision-in-force', false], ['enforcement', 1, 'decision-in-force', true]]);
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toMatch(/1AB2C3D|Həsənova/);
    const twice = await post('/api/v1/decisions/DEC-HTTP-0001/legal-force', await h.signAs(JUDGE, 'inForce', act()));
    expect(twice.body.error.code).toBe('HUB_ERR_DECISION_ALREADY_IN_FORCE');
  });

  it('CLI: decision create → sign → submit → in-force → status. Result: exit 0 each; the status of a decision with no report yet is empty', async () => {
    const j = person(JUDGE);
    const m = memIo({ 'judge.crt': fs.readFileSync(j.cert), 'judge.key': fs.readFileSync(j.key), 'text.txt': 'The full text of the decision.' }, { COURT_HUB_URL: h.url });
    expect(await runDecisionCli(['create', '--case', CASE, '--court', 'BAKU-NASIMI', '--judge', JUDGE, '--kind', 'ruling', '--party', 'defendant:1AB2C3D:Həsənova Leyla',
      '--operative', 'Arrest the accounts of the defendant.', '--text-file', 'text.txt', '--enforce', '--addressee', 'demo-bank:arrest-accounts:1AB2C3D', '--adopted-at', new Date(Date.now() - 3_600_000).toISOString()], m.io)).toBe(0);
    m.fs.set('decision.json', Buffer.from(m.out.pop()!));
    expect(await runDecisionCli(['sign', '--in', 'decision.json', '--cert', 'judge.crt', '--key', 'judge.key', '--out', 'decision.signed.json'], m.io)).toBe(0);
    expect(await runDecisionCli(['submit', '--in', 'decision.signed.json'], m.io)).toBe(0);
    const id = JSON.parse(m.out.pop()!).decisionId;
    expect(await runDecisionCli(['in-force', '--in', 'decision.signed.json', '--cert', 'judge.crt', '--key', 'judge.key', '--out', 'attestation.p7s'], m.io)).toBe(0);
    expect(m.fs.get('attestation.p7s')?.[0]).toBe(0x30);
    // The file carries the attested JSON: OpenSSL verifies it with the root certificate alone.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'attestation-'));
    try {
      fs.writeFileSync(path.join(tmp, 'attestation.p7s'), m.fs.get('attestation.p7s')!);
      const summary = JSON.parse(fs.readFileSync(path.join(process.env.TEST_PKI_DIR as string, 'pki.json'), 'utf8')) as PkiSummary;
      const { stdout } = await execFileP('openssl', ['cms', '-verify', '-inform', 'DER', '-in', path.join(tmp, 'attestation.p7s'), '-CAfile', summary.rootCa.cert, '-purpose', 'any']);
      expect(JSON.parse(stdout)).toMatchObject({ attestation: 'legal-force', decisionId: id });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    expect(JSON.parse(m.out.pop()!)).toMatchObject({ decisionId: id, events: 2, attestationSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await runDecisionCli(['status', '--decision', id, '--cert', 'judge.crt', '--key', 'judge.key'], m.io)).toBe(0);
    expect(JSON.parse(m.out.pop()!)).toMatchObject({ decisionId: id, current: null, history: [], toEnforce: true });
    const o = person(OTHER_JUDGE);
    m.fs.set('other.crt', fs.readFileSync(o.cert)); m.fs.set('other.key', fs.readFileSync(o.key));
    expect(await runDecisionCli(['status', '--decision', id, '--cert', 'other.crt', '--key', 'other.key'], m.io)).toBe(1);
    expect(m.err.pop()).toMatch(/HUB_ERR_AUTHZ_NOT_CASE_JUDGE/);
  });
});
