/**
 * Migration 004 and its store functions: signed decisions with addressees, entry into legal force
 * with its outbox events in one transaction, the agencies' feed, enforcement status reports.
 */
import { createHash } from 'node:crypto';
import type { DecisionDocument, InForceDocument } from '../../../../core/decisions/decision.types';
import {
  addresses, appendOutbox, currentStatus, decisionsForAgency, enterLegalForce, getAgency, getSignedDecision, insertSignedDecision,
  outboxOf, recordStatusReport, statusHistory, syncAgencies, type StatusReport,
} from '../../../../core/store';
import { seedDemo } from '../../../../core/store/seed';
import { freshStore, type TestStore } from '../../../support/db';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const RULES = { decisionKinds: ['judgment'], actions: ['arrest-accounts'], enforcement: false, partyFields: ['role', 'fin'] as ('role' | 'fin')[], operativePart: false, methods: ['listDecisions' as const, 'getDecision' as const] };

function decision(id: string, addressees: DecisionDocument['addressees'], toEnforce = true): DecisionDocument {
  return {
    decisionId: id, caseNumber: '2(101)-1234/2026', courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: '2026-03-01T10:00:00Z',
    judgeFin: '2JD4K7M', parties: [{ role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla' }], operativePart: 'Recover 1000 AZN.',
    textSha256: sha('text'), toEnforce, addressees, issuedAt: '2026-03-01T10:00:00Z', expiresAt: '2026-03-01T10:10:00Z', nonce: 'n'.repeat(24),
  };
}
const inForce = (id: string): InForceDocument => ({ decisionId: id, caseNumber: '2(101)-1234/2026', legalForceAt: '2026-04-01T00:00:00Z', decisionSignatureSha256: sha('sig'), issuedAt: '2026-04-01T00:00:00Z', expiresAt: '2026-04-01T00:10:00Z', nonce: 'm'.repeat(24) });

describe('agency decisions store (004)', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await freshStore();
    await seedDemo(t.store);
    await syncAgencies(t.store, [
      { id: 'bank-demo', memberId: 'AZ/COM/1400000001/court', certSha256: sha('bank'), callbackUrl: 'http://127.0.0.1:1/cb', rules: RULES },
      { id: 'enforcement', memberId: 'AZ/GOV/1700000023/enforcement', certSha256: sha('enf'), callbackUrl: null, rules: { ...RULES, enforcement: true } },
      { id: 'gone', memberId: 'AZ/GOV/1/gone', certSha256: sha('gone'), callbackUrl: null, rules: RULES },
    ]);
  });
  afterAll(async () => { await t?.drop(); });

  it('The directory drops an agency. Result: its row stays (the history names it) but it is inactive', async () => {
    await syncAgencies(t.store, [
      { id: 'bank-demo', memberId: 'AZ/COM/1400000001/court', certSha256: sha('bank'), callbackUrl: 'http://127.0.0.1:1/cb', rules: RULES },
      { id: 'enforcement', memberId: 'AZ/GOV/1700000023/enforcement', certSha256: sha('enf'), callbackUrl: null, rules: { ...RULES, enforcement: true } },
    ]);
    expect(await getAgency(t.store, 'gone')).toMatchObject({ active: false });
    expect(await getAgency(t.store, 'bank-demo')).toMatchObject({ active: true, rules: RULES });
  });

  it('A judge registers a decision, then it enters legal force. Result: one outbox event per subscribed addressee and one for enforcement, same seq, in the same transaction; a second entry changes nothing', async () => {
    const doc = decision('DEC-STORE-0001', [{ agencyId: 'bank-demo', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }]);
    expect(await insertSignedDecision(t.store, { document: doc, signature: Buffer.from('sig'), signatureSha256: sha('sig'), signedBy: '2JD4K7M' })).toBe(true);
    expect(await insertSignedDecision(t.store, { document: doc, signature: Buffer.from('sig'), signatureSha256: sha('sig'), signedBy: '2JD4K7M' })).toBe(false);
    const before = await getSignedDecision(t.store, 'DEC-STORE-0001');
    expect(before).toMatchObject({ legalForceAt: null, feedSeq: null, toEnforce: true, addressees: [{ agencyId: 'bank-demo', actions: ['arrest-accounts'] }] });
    expect(await decisionsForAgency(t.store, 'bank-demo', { after: 0, limit: 10, enforcement: false })).toEqual([]);

    const f = { decisionId: 'DEC-STORE-0001', legalForceAt: new Date('2026-04-01T00:00:00Z'), document: inForce('DEC-STORE-0001'), signature: Buffer.from('if'), by: '2JD4K7M', attestation: Buffer.from('att') };
    const events = () => [
      { decisionId: 'DEC-STORE-0001', agencyId: 'bank-demo', type: 'decision-in-force' as const, payload: { decisionId: 'DEC-STORE-0001' } },
      { decisionId: 'DEC-STORE-0001', agencyId: 'enforcement', type: 'decision-in-force' as const, payload: { decisionId: 'DEC-STORE-0001', toEnforce: true } },
    ];
    const r = await enterLegalForce(t.store, f, events);
    expect(r.outcome).toBe('entered');
    expect(r.decision?.feedSeq).toBeGreaterThan(0);
    const rows = await outboxOf(t.store, 'DEC-STORE-0001');
    expect(rows.map((x) => [x.agencyId, x.seq, x.state, x.type])).toEqual([['bank-demo', 1, 'pending', 'decision-in-force'], ['enforcement', 1, 'pending', 'decision-in-force']]);
    expect(rows[1].payload).toMatchObject({ toEnforce: true, eventId: rows[1].eventId, seq: 1 });
    expect((await enterLegalForce(t.store, f, events)).outcome).toBe('already');
    expect(await outboxOf(t.store, 'DEC-STORE-0001')).toHaveLength(2);
    expect((await enterLegalForce(t.store, { ...f, decisionId: 'NO-SUCH-DECISION' }, events)).outcome).toBe('missing');

    const feed = await decisionsForAgency(t.store, 'bank-demo', { after: 0, limit: 10, enforcement: false });
    expect(feed.map((d) => d.id)).toEqual(['DEC-STORE-0001']);
    expect(await decisionsForAgency(t.store, 'bank-demo', { after: feed[0].feedSeq as number, limit: 10, enforcement: false })).toEqual([]);
    expect((await decisionsForAgency(t.store, 'enforcement', { after: 0, limit: 10, enforcement: true })).map((d) => d.id)).toEqual(['DEC-STORE-0001']);
    expect(await decisionsForAgency(t.store, 'migration', { after: 0, limit: 10, enforcement: false })).toEqual([]);
    expect(addresses(feed[0], 'bank-demo', false)).toBe(true);
    expect(addresses(feed[0], 'property', false)).toBe(false);
  });

  it('A later change of the same decision (sent to enforcement). Result: the next seq for every row of that change', async () => {
    await t.store.transaction((tx) => appendOutbox(tx, [{ decisionId: 'DEC-STORE-0001', agencyId: 'bank-demo', type: 'sent-to-enforcement', payload: {} }]));
    expect((await outboxOf(t.store, 'DEC-STORE-0001')).map((x) => x.seq)).toEqual([1, 1, 2]);
  });

  it('The enforcement service reports versions 2, 1, 2 again, then 2 with other content, then 3. Result: history 1,2,3; current 3; duplicate and conflict change nothing; events only for moves', async () => {
    const report = (version: number, status: StatusReport['status'], extra = ''): StatusReport => ({
      decisionId: 'DEC-STORE-0001', agencyId: 'enforcement', version, status, amountRecovered: version === 3 ? '1000.00' : null, note: null,
      reportedAt: new Date(`2026-04-0${version + 1}T00:00:00Z`), reportSha256: sha(`${version}${status}${extra}`),
    });
    const ev = () => [{ decisionId: 'DEC-STORE-0001', agencyId: 'bank-demo', type: 'enforcement-status-changed' as const, payload: {} }];
    expect((await recordStatusReport(t.store, report(2, 'in-progress'), ev)).outcome).toBe('applied');
    const stale = await recordStatusReport(t.store, report(1, 'opened'), ev);
    expect(stale).toMatchObject({ outcome: 'stale', current: { version: 2, status: 'in-progress' } });
    expect((await recordStatusReport(t.store, report(2, 'in-progress'), ev)).outcome).toBe('duplicate');
    expect((await recordStatusReport(t.store, report(2, 'in-progress', 'x'), ev)).outcome).toBe('conflict');
    expect((await recordStatusReport(t.store, report(3, 'completed'), ev))).toMatchObject({ outcome: 'applied', current: { version: 3, status: 'completed', amountRecovered: '1000.00' } });
    expect((await statusHistory(t.store, 'DEC-STORE-0001')).map((h) => [h.version, h.status])).toEqual([[1, 'opened'], [2, 'in-progress'], [3, 'completed']]);
    expect(await currentStatus(t.store, 'DEC-STORE-0001')).toMatchObject({ version: 3, status: 'completed' });
    expect((await outboxOf(t.store, 'DEC-STORE-0001')).filter((x) => x.type === 'enforcement-status-changed').map((x) => x.seq)).toEqual([3, 4]);
  });
});
