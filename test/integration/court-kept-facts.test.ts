/**
 * One round trip to admit and authorize (store migrations/010): the court node decides on the facts
 * it keeps (roster, case, decision, delegations) and the admission commits with the audit records
 * only while those facts are still current. Here the facts change behind the node's back — straight
 * in the database, as another node or an operator's tool would change them — right after a lookup
 * that made the node keep them. The next request must be decided on the new facts.
 */
import { randomUUID } from 'node:crypto';
import type { LookupOrder } from '../../core/orders';
import { CASE_A, PARTY, startCourt, signed, window, type Court } from './court-harness';

let court: Court;
beforeAll(async () => { court = await startCourt(); }, 60_000);
afterAll(async () => { await court?.stop(); });

const order = (over: Partial<LookupOrder> = {}): LookupOrder => ({
  orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'],
  basis: { kind: 'decision', decisionId: 'D-A-FORCE' }, purpose: 'Enforcement of the judgment', ...window(), ...over,
});
const lookup = async (over: Partial<LookupOrder> = {}) => court.call('court.lookup', await signed(court.s.judge.signer, 'order', order(over)));
const refusal = async (over: Partial<LookupOrder> = {}) => (await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', order(over)))).code;
const sql = (text: string, params: unknown[] = []) => court.ts.store.query(text, params);

describe('facts a court node keeps', () => {
  it('The judge is marked inactive in the database after a lookup. Result: the next order is refused, and every one after it; active again, the judge is served', async () => {
    expect((await lookup()).outcomes[0].status).toBe('ok');
    await sql(`UPDATE persons SET active = false WHERE fin = 'JDG0001'`);
    expect(await refusal()).toMatch(/^HUB_ERR_AUTHZ_/);
    expect(await refusal()).toMatch(/^HUB_ERR_AUTHZ_/);
    await sql(`UPDATE persons SET active = true WHERE fin = 'JDG0001'`);
    expect((await lookup()).outcomes[0].status).toBe('ok');
  });

  it('The case is closed in the database after a lookup. Result: HUB_ERR_AUTHZ_CASE_CLOSED; reopened, served again', async () => {
    expect((await lookup()).outcomes[0].status).toBe('ok');
    await sql(`UPDATE cases SET status = 'closed' WHERE number = $1`, [CASE_A]);
    expect(await refusal()).toBe('HUB_ERR_AUTHZ_CASE_CLOSED');
    await sql(`UPDATE cases SET status = 'open' WHERE number = $1`, [CASE_A]);
    expect((await lookup()).outcomes[0].status).toBe('ok');
  });

  it('The party is removed from the case, then the decision loses its legal force, each after a lookup. Result: HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY, then HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE', async () => {
    expect((await lookup()).outcomes[0].status).toBe('ok');
    const [party] = (await sql(`DELETE FROM parties WHERE case_number = $1 AND fin = $2 RETURNING name, role`, [CASE_A, PARTY])).rows as { name: string; role: string }[];
    expect(await refusal()).toBe('HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY');
    await sql(`INSERT INTO parties (case_number, fin, name, role) VALUES ($1, $2, $3, $4)`, [CASE_A, PARTY, party.name, party.role]);
    expect((await lookup()).outcomes[0].status).toBe('ok');
    await sql(`UPDATE decisions SET legal_force_at = NULL WHERE id = 'D-A-FORCE'`);
    expect(await refusal()).toBe('HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE');
    await sql(`UPDATE decisions SET legal_force_at = '2026-02-10T00:00:00Z' WHERE id = 'D-A-FORCE'`);
    expect((await lookup()).outcomes[0].status).toBe('ok');
  });

  it('A clerk\'s delegation is revoked in the database after an identity check. Result: the next check HUB_ERR_AUTHZ_NO_DELEGATION, no registry asked', async () => {
    const delegationId = `DLG-${randomUUID()}`;
    await court.call('court.delegate', await signed(court.s.judge.signer, 'delegation', {
      delegationId, caseNumber: CASE_A, staffFins: ['STF0001'], validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), ...window(),
    }));
    const request = () => signed(court.pki.staff.signer, 'request', {
      requestId: `idv-${randomUUID()}`, caseNumber: CASE_A, subject: { fin: PARTY }, surname: 'MƏMMƏDOV', givenName: 'Əli', birthDate: '1985-04-13', documentNumber: 'AA1234567', ...window(),
    });
    expect(await court.call('court.verifyIdentity', await request())).toMatchObject({ found: true });
    await sql(`UPDATE delegations SET revoked_at = now() WHERE id = $1`, [delegationId]);
    const before = court.calls.length;
    expect((await court.refusal('court.verifyIdentity', await request())).code).toBe('HUB_ERR_AUTHZ_NO_DELEGATION');
    expect(court.calls.length).toBe(before);
  });

  it('The same signed order is sent twice, and another order reuses its nonce. Result: executed once; the re-send is told it was executed; the reuse HUB_ERR_AUTHZ_NONCE_REPLAYED; one order recorded', async () => {
    const o = order();
    const body = await signed(court.s.judge.signer, 'order', o);
    expect((await court.call('court.lookup', body)).outcomes[0].status).toBe('ok');
    expect(await court.refusal('court.lookup', body)).toMatchObject({ code: 'HUB_ERR_AUTHZ_NONCE_REPLAYED', details: { executed: true } });
    const reuse = await court.refusal('court.lookup', await signed(court.s.judge.signer, 'order', { ...order(), nonce: o.nonce }));
    expect(reuse.code).toBe('HUB_ERR_AUTHZ_NONCE_REPLAYED');
    expect((await sql(`SELECT status, attempt FROM lookup_orders WHERE order_id = $1`, [o.orderId])).rows).toEqual([{ status: 'completed', attempt: 1 }]);
  });
});
