/**
 * The repositories the authorization policy reads, over the seeded demo court world, on both
 * stores.
 */
import { HubError } from '../../../../contracts/hub';
import { DEMO_CASES, DEMO_JUDGES, DEMO_STAFF } from '../../../../core/demo/roster';
import {
  bindCertificate, findDelegationsFor, findParty, findPersonByCertificate, getCase, getDecision, getEvidence, getOrder,
  getPerson, insertDelegation, isInLegalForce, isUniqueViolation, listCourts, listDecisions, listPersons, recordOrder,
  revokeDelegation, saveEvidence, setCaseStatus, setPersonActive, transitionOrder, upsertCase,
} from '../../../../core/store';
import { DEMO_DECISIONS, seedDemo } from '../../../../core/store/seed';
import { freshStore, type TestStore } from '../../../support/db';

const FP = 'AB:CD:'.repeat(15) + 'AB:CD'; // 32 bytes, colon form
const FP_HEX = 'abcd'.repeat(16);

describe('repositories', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await freshStore();
    await seedDemo(t.store);
  });
  afterAll(async () => { await t?.drop(); });

  describe('seed', () => {
    it('The demo seed runs again after the PKI bound a certificate. Result: nothing is duplicated and the binding stays', async () => {
      expect(await bindCertificate(t.store, '2JD4K7M', FP)).toBe(true);
      await seedDemo(t.store);
      const counts = await t.store.query<{ c: number; p: number; k: number; d: number; pa: number }>(
        `SELECT (SELECT count(*) FROM courts) AS c, (SELECT count(*) FROM persons) AS p, (SELECT count(*) FROM cases) AS k,
                (SELECT count(*) FROM decisions) AS d, (SELECT count(*) FROM parties) AS pa`);
      expect(counts.rows[0]).toEqual({ c: 3, p: 7, k: 4, d: DEMO_DECISIONS.length, pa: DEMO_CASES.reduce((n, c) => n + c.parties.length, 0) });
      expect((await getPerson(t.store, '2JD4K7M'))?.certSha256).toBe(FP_HEX);
      expect(await listCourts(t.store)).toHaveLength(3);
    });
  });

  describe('roster', () => {
    it('The roster lists every demo judge with their court; the retired judge is inactive (9.2.5)', async () => {
      const judges = await listPersons(t.store, { role: 'judge' });
      expect(judges.map((j) => j.fin).sort()).toEqual(DEMO_JUDGES.map((j) => j.fin).sort());
      const retired = await getPerson(t.store, '5LM3S8X');
      expect(retired).toMatchObject({ active: false, role: 'judge', courtId: 'BAKU-NASIMI' });
      expect(retired?.deactivatedAt).toBeInstanceOf(Date);
    });

    it('A clerk leaves the court. Result: inactive from then on, with the date of leaving (9.2.5)', async () => {
      const clerk = DEMO_STAFF[1].fin;
      expect(await setPersonActive(t.store, clerk, false)).toBe(true);
      expect(await getPerson(t.store, clerk)).toMatchObject({ active: false });
      expect(await setPersonActive(t.store, clerk, true)).toBe(true);
      expect(await getPerson(t.store, clerk)).toMatchObject({ active: true, deactivatedAt: null });
    });

    it('A signature arrives from a bound certificate. Result: the signer is found by fingerprint or by issuer and serial', async () => {
      expect(await bindCertificate(t.store, '4KT6R9W', 'ef'.repeat(32), { issuer: 'CN=Demo Qualified CA', serial: '0A1B' })).toBe(true);
      expect((await findPersonByCertificate(t.store, { sha256: 'EF'.repeat(32) }))?.fin).toBe('4KT6R9W');
      expect((await findPersonByCertificate(t.store, { issuer: 'CN=Demo Qualified CA', serial: '0a1b' }))?.fin).toBe('4KT6R9W');
      expect(await findPersonByCertificate(t.store, { sha256: '00'.repeat(32) })).toBeNull();
    });

    it('The PKI tries to bind one certificate to two people. Result: refused, and the error names no person', async () => {
      const err = await bindCertificate(t.store, '3HN8P2Q', FP).catch((e: unknown) => e);
      expect(HubError.is(err, 'HUB_ERR_STORE_FAILED')).toBe(true);
      expect(isUniqueViolation(err)).toBe(true);
      expect(JSON.stringify((err as HubError).toJSON())).not.toMatch(/3HN8P2Q|2JD4K7M|abcd/i);
    });

    it('A certificate is bound to someone not on the roster. Result: false, nothing written', async () => {
      expect(await bindCertificate(t.store, '0000000', 'aa'.repeat(32))).toBe(false);
    });
  });

  describe('cases and parties', () => {
    it('The policy reads a case. Result: court, kind, status, assigned judge and parties as the demo roster has them', async () => {
      const c = await getCase(t.store, '2(101)-1234/2026');
      expect(c).toEqual({
        number: '2(101)-1234/2026', courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', judgeFin: '2JD4K7M',
        parties: [
          { fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu', role: 'plaintiff' },
          { fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı', role: 'defendant' },
        ],
      });
      expect(await getCase(t.store, '2(101)-9999/2026')).toBeNull();
    });

    it('A subject is checked against the parties. Result: found by FIN or VÖEN in its own case only', async () => {
      expect(await findParty(t.store, '2-1(103)-455/2026', { voen: '1401234561' })).toMatchObject({ role: 'defendant' });
      expect(await findParty(t.store, '2(101)-1234/2026', { fin: '1AB2C3D' })).toMatchObject({ role: 'defendant' });
      expect(await findParty(t.store, '2(101)-1234/2026', { fin: '3CD4E5F' })).toBeNull();
      expect(await findParty(t.store, '2(101)-1234/2026', { voen: '1401234561' })).toBeNull();
    });

    it('The case-management system closes a case and resends it with one party less. Result: both changes stored', async () => {
      expect(await setCaseStatus(t.store, '1(101)-77/2026', 'closed')).toBe(true);
      await upsertCase(t.store, { number: '1(101)-77/2026', courtId: 'BAKU-NASIMI', kind: 'criminal', status: 'closed', judgeFin: '3HN8P2Q', parties: [] });
      expect(await getCase(t.store, '1(101)-77/2026')).toMatchObject({ status: 'closed', parties: [] });
    });

    it('A case arrives with a malformed number. Result: HUB_ERR_VALIDATION_BAD_REQUEST, nothing stored', async () => {
      const err = await upsertCase(t.store, { number: 'case 1', courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', parties: [] }).catch((e: unknown) => e);
      expect(HubError.is(err, 'HUB_ERR_VALIDATION_BAD_REQUEST')).toBe(true);
    });
  });

  describe('decisions', () => {
    it('The commercial case has one decision in legal force and one not yet in force', async () => {
      const ds = await listDecisions(t.store, '2-1(103)-455/2026');
      expect(ds.map((d) => [d.id, isInLegalForce(d, new Date())])).toEqual([['DEMO-455-D1', true], ['DEMO-455-D2', false]]);
      expect(await getDecision(t.store, 'DEMO-455-D1')).toMatchObject({ signedBy: '4KT6R9W', caseNumber: '2-1(103)-455/2026' });
      expect(isInLegalForce({ legalForceAt: new Date('2030-01-01') }, new Date('2029-12-31'))).toBe(false);
    });
  });

  describe('orders', () => {
    it('The same orderId arrives twice. Result: the second is not recorded', async () => {
      const o = { orderId: 'ord-1', caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22', '11.2.5'] };
      expect(await recordOrder(t.store, o)).toBe(true);
      expect(await recordOrder(t.store, o)).toBe(false);
      expect(await getOrder(t.store, 'ord-1')).toMatchObject({ status: 'received', categories: ['11.2.22', '11.2.5'] });
    });

    it('Twenty requests race to authorize one order. Result: exactly one wins', async () => {
      await recordOrder(t.store, { orderId: 'ord-race', caseNumber: '2(101)-1234/2026', requesterFin: '2JD4K7M', categories: ['11.2.22'] });
      const wins = await Promise.all(Array.from({ length: 20 }, () => transitionOrder(t.store, 'ord-race', ['received'], 'authorized')));
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await transitionOrder(t.store, 'ord-race', ['received'], 'refused', { refusalCode: 'HUB_ERR_AUTHZ_DENIED' })).toBe(false);
    });

    it('The evidence packet is saved for an order. Result: the same bytes come back', async () => {
      const packet = Buffer.from([0x30, 0x82, 0x00, 0xff, 0x00, 0x01]);
      expect(await saveEvidence(t.store, 'ord-1', packet)).toBe(true);
      expect((await getEvidence(t.store, 'ord-1'))?.equals(packet)).toBe(true);
      expect(await getEvidence(t.store, 'no-such-order')).toBeNull();
    });
  });

  describe('delegations (9.1.2)', () => {
    const base = {
      caseNumber: '2(101)-1234/2026', judgeFin: '2JD4K7M', staffFins: ['6PR2T5Y'],
      validFrom: new Date('2026-05-01T08:00:00Z'), validUntil: new Date('2026-05-01T18:00:00Z'), signature: Buffer.from('sig'),
    };

    it('A judge delegates identity checks to a clerk for a day. Result: it covers that clerk, that case, that day only', async () => {
      expect(await insertDelegation(t.store, { ...base, id: 'del-1' })).toBe(true);
      expect(await insertDelegation(t.store, { ...base, id: 'del-1' })).toBe(false);
      const noon = new Date('2026-05-01T12:00:00Z');
      expect((await findDelegationsFor(t.store, base.caseNumber, '6PR2T5Y', noon)).map((d) => d.id)).toEqual(['del-1']);
      expect(await findDelegationsFor(t.store, base.caseNumber, '7QS9V4Z', noon)).toEqual([]);
      expect(await findDelegationsFor(t.store, '2(101)-2001/2026', '6PR2T5Y', noon)).toEqual([]);
      expect(await findDelegationsFor(t.store, base.caseNumber, '6PR2T5Y', new Date('2026-05-01T18:00:00Z'))).toEqual([]);
    });

    it('The judge revokes the delegation. Result: it covers nobody any more', async () => {
      expect(await revokeDelegation(t.store, 'del-1')).toBe(true);
      expect(await findDelegationsFor(t.store, base.caseNumber, '6PR2T5Y', new Date('2026-05-01T12:00:00Z'))).toEqual([]);
    });
  });
});
