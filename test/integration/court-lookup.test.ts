/**
 * The court's happy paths end to end (one process, PostgreSQL, real PKI and audit chain): a judge's
 * lookup yields a signed evidence packet that verifies with the hub verifier and with
 * `openssl cms -verify`; a clerk under delegation gets match verdicts only; a person gets their
 * access report; an operator updates a case; the order's judge fetches the evidence again.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAuditChain } from '../../core/audit';
import { verifyEvidence, verifyProviderAnswers } from '../../core/evidence';
import { pinnedTrust } from '../../signing/pki';
import { cmsVerifier, type LookupOrder } from '../../core/orders';
import { CASE_A, PARTY, PERSON, startCourt, signed, window, type Court } from './court-harness';

let court: Court;
beforeAll(async () => { court = await startCourt(); }, 60_000);
afterAll(async () => { await court?.stop(); });

const order = (over: Partial<LookupOrder> = {}): LookupOrder => ({
  orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22', '11.2.3', '11.2.13'],
  basis: { kind: 'decision', decisionId: 'D-A-FORCE' }, purpose: 'Enforcement of the judgment', ...window(), ...over,
});

function hasOpenssl(): boolean {
  try { execFileSync('openssl', ['version']); return true; } catch { return false; }
}

describe('judge lookup', () => {
  it('The assigned judge orders population, phone and bank data under a decision in force. Result: three ok outcomes, evidence verifies, audit chain intact', async () => {
    const o = order();
    const before = court.calls.length;
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', o));
    expect(r.orderId).toBe(o.orderId);
    expect(r.outcomes.map((x: { section: string; status: string }) => `${x.section}:${x.status}`)).toEqual(['11.2.22:ok', '11.2.3:ok', '11.2.13:ok']);
    expect(court.calls.length - before).toBe(3);
    // X-Road headers: the case as `issue`, the judge as `userId`.
    expect(court.calls.at(-1)).toMatchObject({ caseNumber: CASE_A, userId: 'AZ-FIN-JDG0001' });

    const der = Buffer.from(r.evidence, 'base64');
    const { packet, signer } = await verifyEvidence(der, cmsVerifier(court.pki.validator()));
    expect(signer.subjectDn).toContain('court-hub');
    expect(packet.order).toEqual(o);
    expect(packet.judge.fin).toBe('JDG0001');
    expect(packet.outcomes[0]).toMatchObject({ section: '11.2.22', provider: 'population', requestHash: expect.stringMatching(/^[0-9a-f]{64}$/), data: PERSON });
    // Each registry's own signature is in the packet, checkable against its pinned certificate.
    const checks = await verifyProviderAnswers(packet, () => pinnedTrust(court.pki.validator(), court.pki.agency.certPem));
    expect(checks.map((c) => `${c.section}:${c.protocol}`)).toEqual(['11.2.22:soap', '11.2.3:rest', '11.2.13:rest']);

    const types = (await court.events()).slice(-9).map((e) => `${e.type}:${e.outcome}`);
    expect(types).toEqual([
      'order-received:received', 'order-authorized:authorized',
      'provider-call-started:started', 'provider-call-started:started', 'provider-call-started:started',
      'provider-call-ended:ok', 'provider-call-ended:ok', 'provider-call-ended:ok', 'evidence-issued:issued',
    ]);
    const chain = await verifyAuditChain(court.ts.store, { verifyCheckpoint: async () => true });
    expect(chain.ok).toBe(true);
  });

  (hasOpenssl() ? it : it.skip)('The evidence packet verifies offline: openssl cms -verify -inform DER -in packet.p7s -CAfile root.pem', async () => {
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', order({ categories: ['11.2.22'], basis: { kind: 'request' } })));
    const dir = mkdtempSync(join(tmpdir(), 'court-lookup-'));
    writeFileSync(join(dir, 'packet.p7s'), Buffer.from(r.evidence, 'base64'));
    writeFileSync(join(dir, 'root.pem'), court.pki.root.certPem);
    const out = execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', join(dir, 'packet.p7s'), '-CAfile', join(dir, 'root.pem')], { stdio: ['ignore', 'pipe', 'pipe'] });
    expect(JSON.parse(out.toString('utf8'))).toMatchObject({ type: 'court-hub/evidence-packet', orderId: r.orderId });
  });

  it('The judge orders population data and a category no adapter serves (11.2.7). Result: 11.2.7 answers HUB_ERR_REGISTRY_NO_ADAPTER; no provider call starts or ends for it, none is made', async () => {
    const o = order({ categories: ['11.2.22', '11.2.7'], basis: { kind: 'request' } });
    const before = court.calls.length;
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', o));
    expect(r.outcomes.map((x: { section: string; status: string; error?: { code: string } }) => `${x.section}:${x.status}:${x.error?.code ?? ''}`))
      .toEqual(['11.2.22:ok:', '11.2.7:error:HUB_ERR_REGISTRY_NO_ADAPTER']);
    expect(court.calls.length - before).toBe(1);
    const calls = (await court.events()).slice(-6).filter((e) => e.type.startsWith('provider-call-'));
    expect(calls.map((e) => `${e.type}:${e.categories.join(',')}`)).toEqual(['provider-call-started:11.2.22', 'provider-call-ended:11.2.22']);
  });

  it('The judge fetches the evidence again with a signed request. Result: the same packet; another judge is refused', async () => {
    const r = await court.call('court.lookup', await signed(court.s.judge.signer, 'order', order({ categories: ['11.2.22'], basis: { kind: 'request' } })));
    const again = await court.call('court.evidence', await signed(court.s.judge.signer, 'request', { orderId: r.orderId, ...window() }));
    expect(again.evidence).toBe(r.evidence);
    const err = await court.refusal('court.evidence', await signed(court.s.otherJudge.signer, 'request', { orderId: r.orderId, ...window() }));
    expect(err.code).toBe('HUB_ERR_AUTHZ_NOT_ORDER_JUDGE');
  });
});

describe('clerk identity verification', () => {
  it('The judge delegates; the clerk checks what the party presented. Result: per-field verdicts and document status only', async () => {
    const d = { delegationId: `DLG-${randomUUID()}`, caseNumber: CASE_A, staffFins: ['STF0001'], validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), ...window() };
    await court.call('court.delegate', await signed(court.s.judge.signer, 'delegation', d));
    const before = court.calls.length;
    const req = { requestId: `idv-${randomUUID()}`, caseNumber: CASE_A, subject: { fin: PARTY }, surname: 'MƏMMƏDOV', givenName: 'Əli', birthDate: '1985-04-13', documentNumber: 'AA1234567', ...window() };
    const r = await court.call('court.verifyIdentity', await signed(court.pki.staff.signer, 'request', req));
    expect(r).toMatchObject({ found: true, fields: { surname: 'match', givenName: 'match', birthDate: 'mismatch', documentNumber: 'match' }, documentStatus: 'valid' });
    expect(court.calls.length - before).toBe(1);
    expect(court.calls.at(-1)).toMatchObject({ section: '11.2.22', userId: 'AZ-FIN-STF0001' });
    const text = JSON.stringify(r);
    for (const leak of ['Bakı', 'Füzuli', 'married', '1985-04-12', 'Vəli']) expect(text).not.toContain(leak);
    const types = (await court.events()).slice(-4).map((e) => `${e.type}:${e.outcome}`);
    expect(types).toEqual(['delegation-used:used', 'provider-call-started:started', 'provider-call-ended:ok', 'identity-verified:mismatch']);
  });
});

describe('access report (13.3) and operator changes', () => {
  it('The party asks, with their own signature, who looked them up. Result: the judge lookups and the clerk check, with court and case', async () => {
    const r = await court.call('court.accessReport', await signed(court.s.citizen.signer, 'request', { subject: { fin: PARTY }, ...window() }));
    expect(r.accesses.length).toBeGreaterThanOrEqual(3);
    expect(r.accesses).toEqual(expect.arrayContaining([
      expect.objectContaining({ caseNumber: CASE_A, kind: 'lookup', outcome: 'authorized' }),
      expect.objectContaining({ caseNumber: CASE_A, kind: 'identity-verification' }),
    ]));
  });

  it('A judge asks for the party\'s access report. Result: HUB_ERR_AUTHZ_NOT_SUBJECT', async () => {
    const err = await court.refusal('court.accessReport', await signed(court.s.judge.signer, 'request', { subject: { fin: PARTY }, ...window() }));
    expect(err.code).toBe('HUB_ERR_AUTHZ_NOT_SUBJECT');
  });

  it('The operator closes a case; the judge then orders a lookup on it. Result: case updated, lookup HUB_ERR_AUTHZ_CASE_CLOSED', async () => {
    const c = { number: '2(101)-3001/2026', courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', judgeFin: 'JDG0001', parties: [{ fin: PARTY, name: 'Məmmədov Əli Vəli oğlu', role: 'plaintiff' }] };
    await court.call('court.upsertCase', await signed(court.s.operator.signer, 'case', { case: c, ...window() }));
    await court.call('court.upsertCase', await signed(court.s.operator.signer, 'case', { case: { ...c, status: 'closed' }, ...window() }));
    const err = await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', order({ caseNumber: c.number, categories: ['11.2.22'], basis: { kind: 'request' } })));
    expect(err.code).toBe('HUB_ERR_AUTHZ_CASE_CLOSED');
  });

  it('A judge tries to change the roster. Result: HUB_ERR_AUTHZ_NOT_OPERATOR; an unknown court in a case document is a 4xx', async () => {
    const err = await court.refusal('court.upsertRoster', await signed(court.s.judge.signer, 'roster', { persons: [{ fin: 'JDG0003', surname: 'X', givenName: 'Y', role: 'judge', courtId: 'BAKU-NASIMI', active: true }], ...window() }));
    expect(err.code).toBe('HUB_ERR_AUTHZ_NOT_OPERATOR');
    const bad = await court.refusal('court.upsertCase', await signed(court.s.operator.signer, 'case', { case: { number: '2(101)-3002/2026', courtId: 'NO-SUCH-COURT', kind: 'civil', status: 'open', judgeFin: null, parties: [] }, ...window() }));
    expect(bad.code).toBe('HUB_ERR_VALIDATION_BAD_REQUEST');
  });
});
