/**
 * 13.3: a person sees who looked up their data, when, and for which case — and nobody else's.
 */
import { accessReport } from '../../../../core/audit/access-report';
import { createAuditTrail } from '../../../../core/audit/audit-trail';
import { seedDemo } from '../../../../core/store/seed';
import { freshStore, type TestStore } from '../../../support/db';
import { signCheckpoint, TEST_HMAC_KEY } from './audit-fixtures';

describe('access report', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await freshStore();
    await seedDemo(t.store);
    const trail = createAuditTrail({ db: t.store, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0 });
    const civil = { caseNumber: '2(101)-1234/2026', requestId: 'r1' };
    await trail.appendAll([
      // Judge Əliyev looks up the defendant of the civil case: received, authorized, provider calls.
      { ...civil, type: 'order-received', actor: '2JD4K7M', subject: { fin: '1AB2C3D' }, categories: ['11.2.22', '11.2.5'], outcome: 'received' },
      { ...civil, type: 'order-authorized', actor: '2JD4K7M', subject: { fin: '1AB2C3D' }, categories: ['11.2.22', '11.2.5'], outcome: 'authorized' },
      { ...civil, type: 'provider-call-ended', actor: '2JD4K7M', subject: { fin: '1AB2C3D' }, categories: ['11.2.22'], outcome: 'ok', details: { provider: 'population' } },
      // The same judge looks up the plaintiff.
      { ...civil, requestId: 'r2', type: 'order-authorized', actor: '2JD4K7M', subject: { fin: '5ZK8F3R' }, categories: ['11.2.8'], outcome: 'authorized' },
      // The retired judge tries; refused (9.2.5).
      { ...civil, requestId: 'r3', type: 'order-refused', actor: '5LM3S8X', subject: { fin: '1AB2C3D' }, categories: ['11.2.13'], outcome: 'HUB_ERR_AUTHZ_DENIED' },
      // Judge Quliyev looks up the company in the commercial case, under a decision in force.
      { requestId: 'r4', caseNumber: '2-1(103)-455/2026', type: 'order-authorized', actor: '4KT6R9W', subject: { voen: '1401234561' }, categories: ['11.2.13'], outcome: 'authorized' },
      // A clerk checks the defendant's identity under a delegation.
      { ...civil, requestId: 'r5', type: 'identity-verified', actor: '6PR2T5Y', subject: { fin: '1AB2C3D' }, categories: ['11.2.22'], outcome: 'match' },
      // Someone not on the roster (an old certificate) was refused.
      { ...civil, requestId: 'r6', type: 'order-refused', actor: '0ZZ0ZZ0', subject: { fin: '1AB2C3D' }, categories: ['11.2.3'], outcome: 'HUB_ERR_AUTHZ_DENIED' },
    ]);
    await trail.close();
  });
  afterAll(async () => { await t?.drop(); });

  it('The defendant asks who looked at her data. Result: her four lines only, with court, judge and case; not the plaintiff\'s lookup', async () => {
    const lines = await accessReport(t.store, TEST_HMAC_KEY, { fin: '1AB2C3D' });
    expect(lines.map((l) => [l.judgeName, l.outcome, l.categories, l.kind])).toEqual([
      ['Əliyev Rəşad Kamal oğlu', 'authorized', ['11.2.22', '11.2.5'], 'lookup'],
      ['Məmmədova Nərmin Aydın qızı', 'HUB_ERR_AUTHZ_DENIED', ['11.2.13'], 'lookup'],
      ['Kərimov Orxan Namiq oğlu', 'match', ['11.2.22'], 'identity-verification'],
      ['unknown', 'HUB_ERR_AUTHZ_DENIED', ['11.2.3'], 'lookup'],
    ]);
    expect(lines[0]).toMatchObject({ court: 'Bakı şəhəri Nəsimi rayon məhkəməsi', courtId: 'BAKU-NASIMI', judgeFin: '2JD4K7M', actorRole: 'judge', caseNumber: '2(101)-1234/2026' });
    expect(lines[0].at).toBeInstanceOf(Date);
    expect(lines[3].judgeFin).toBeUndefined();
  });

  it('The company asks by VÖEN. Result: the commercial court\'s lookup under its case', async () => {
    const lines = await accessReport(t.store, TEST_HMAC_KEY, { voen: '1401234561' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ court: 'Bakı şəhəri 1 saylı İnzibati-İqtisadi Məhkəmə', judgeFin: '4KT6R9W', caseNumber: '2-1(103)-455/2026', categories: ['11.2.13'] });
  });

  it('Someone nobody looked up asks. Result: an empty report', async () => {
    expect(await accessReport(t.store, TEST_HMAC_KEY, { fin: '9XY8Z7W' })).toEqual([]);
  });

  it('The report is asked with another HMAC key than the trail was written with. Result: nothing matches', async () => {
    expect(await accessReport(t.store, Buffer.from('a-different-key-0123456789'), { fin: '1AB2C3D' })).toEqual([]);
  });
});
