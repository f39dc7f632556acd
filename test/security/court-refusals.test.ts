/**
 * Every refusal of the authorization policy (docs/security-model.md §4), end to end through court.lookup / court.verifyIdentity with
 * real CMS signatures, a real certificate path with CRLs, the PostgreSQL store and the real audit
 * chain. Each scenario asserts the code, that no registry was called, and that the refusal was
 * audited under that code.
 */
import { randomUUID } from 'node:crypto';
import type { HubErrorCode } from '../../contracts/hub';
import type { LookupOrder } from '../../core/orders';
import { CASE_A, CASE_B, CASE_CLOSED, PARTY, PARTY_B, STRANGER, startCourt, signed, window, type Court } from '../integration/court-harness';

let court: Court;
beforeAll(async () => { court = await startCourt(); }, 60_000);
afterAll(async () => { await court?.stop(); });

function order(over: Partial<LookupOrder> = {}): LookupOrder {
  const { issuedAt, expiresAt, nonce } = window();
  return {
    orderId: randomUUID(), caseNumber: CASE_A, subject: { fin: PARTY }, categories: ['11.2.22'], basis: { kind: 'request' },
    purpose: 'Identify the plaintiff', issuedAt, expiresAt, nonce, ...over,
  };
}

async function expectRefused(action: string, body: unknown, code: HubErrorCode, auditType = 'order-refused'): Promise<void> {
  const before = court.calls.length;
  const err = await court.refusal(action, body);
  expect(err.code).toBe(code);
  expect(err.message).not.toMatch(/[0-9A-Z]{7}/); // no FIN in what the caller is told
  expect(court.calls.length).toBe(before); // no registry called
  const last = (await court.events()).at(-1);
  expect(last).toMatchObject({ type: auditType, outcome: code });
}

describe('judge lookup refusals', () => {
  it('Wrong judge: a retired judge (9.2.5) signs an order. Result: HUB_ERR_AUTHZ_JUDGE_INACTIVE, no registry called, refusal audited', async () => {
    await expectRefused('court.lookup', await signed(court.s.retiredJudge.signer, 'order', order()), 'HUB_ERR_AUTHZ_JUDGE_INACTIVE');
  });

  it('Wrong judge: the clerk signs a lookup order herself. Result: HUB_ERR_AUTHZ_CLERK_CATEGORY', async () => {
    await expectRefused('court.lookup', await signed(court.pki.staff.signer, 'order', order()), 'HUB_ERR_AUTHZ_CLERK_CATEGORY');
  });

  it('Judge not assigned to the case asks for bank accounts. Result: HUB_ERR_AUTHZ_NOT_CASE_JUDGE', async () => {
    const o = order({ categories: ['11.2.13'], basis: { kind: 'decision', decisionId: 'D-A-FORCE' } });
    await expectRefused('court.lookup', await signed(court.s.otherJudge.signer, 'order', o), 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE');
  });

  it('The case is closed. Result: HUB_ERR_AUTHZ_CASE_CLOSED', async () => {
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', order({ caseNumber: CASE_CLOSED, subject: { fin: STRANGER } })), 'HUB_ERR_AUTHZ_CASE_CLOSED');
  });

  it('The subject is not a party of the case. Result: HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY', async () => {
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', order({ subject: { fin: STRANGER } })), 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY');
  });

  it('Bank data with only a request. Result: HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED', async () => {
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', order({ categories: ['11.2.22', '11.2.13'] })), 'HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED');
  });

  it('Bank data under a decision not yet in force. Result: HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE', async () => {
    const o = order({ categories: ['11.2.13'], basis: { kind: 'decision', decisionId: 'D-A-PENDING' } });
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', o), 'HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE');
  });

  it('Bank data under a decision of another case. Result: HUB_ERR_AUTHZ_DECISION_OTHER_CASE', async () => {
    const o = order({ categories: ['11.2.13'], basis: { kind: 'decision', decisionId: 'D-B-FORCE' } });
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', o), 'HUB_ERR_AUTHZ_DECISION_OTHER_CASE');
  });

  it('Order signed with an expired certificate. Result: HUB_ERR_AUTHZ_CERT_EXPIRED', async () => {
    await expectRefused('court.lookup', await signed(court.pki.expiredJudge.signer, 'order', order()), 'HUB_ERR_AUTHZ_CERT_EXPIRED');
  });

  it('Order signed with a revoked certificate (on the CRL). Result: HUB_ERR_AUTHZ_CERT_REVOKED', async () => {
    await expectRefused('court.lookup', await signed(court.pki.revokedJudge.signer, 'order', order()), 'HUB_ERR_AUTHZ_CERT_REVOKED');
  });

  it('Order signed with a certificate from an untrusted root. Result: HUB_ERR_AUTHZ_CERT_UNTRUSTED', async () => {
    await expectRefused('court.lookup', await signed(court.pki.untrustedJudge.signer, 'order', order()), 'HUB_ERR_AUTHZ_CERT_UNTRUSTED');
  });

  it('Order signed with a certificate without nonRepudiation. Result: HUB_ERR_AUTHZ_KEY_USAGE', async () => {
    await expectRefused('court.lookup', await signed(court.pki.noNonRepudiationJudge.signer, 'order', order()), 'HUB_ERR_AUTHZ_KEY_USAGE');
  });

  it('Tampered order: the subject is changed after signing. Result: HUB_ERR_AUTHZ_SIGNATURE_INVALID', async () => {
    const body = await signed(court.s.judge.signer, 'order', order());
    (body.order as LookupOrder).subject = { fin: '1AB2C3D' };
    await expectRefused('court.lookup', body, 'HUB_ERR_AUTHZ_SIGNATURE_INVALID');
  });

  it('Tampered order: a category is added after signing. Result: HUB_ERR_AUTHZ_SIGNATURE_INVALID', async () => {
    const body = await signed(court.s.judge.signer, 'order', order());
    (body.order as LookupOrder).categories = ['11.2.22', '11.2.3'];
    await expectRefused('court.lookup', body, 'HUB_ERR_AUTHZ_SIGNATURE_INVALID');
  });

  it('Expired order (expired 10 minutes ago). Result: HUB_ERR_AUTHZ_ORDER_EXPIRED', async () => {
    const now = Date.now();
    const o = order({ issuedAt: new Date(now - 30 * 60_000).toISOString(), expiresAt: new Date(now - 10 * 60_000).toISOString() });
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', o), 'HUB_ERR_AUTHZ_ORDER_EXPIRED');
  });

  it('Replayed nonce: the same signed order twice. Result: the first one answered, the second HUB_ERR_AUTHZ_NONCE_REPLAYED', async () => {
    const body = await signed(court.s.judge.signer, 'order', order());
    await court.call('court.lookup', body);
    await expectRefused('court.lookup', body, 'HUB_ERR_AUTHZ_NONCE_REPLAYED');
  });

  it('Replayed nonce after a restart (new service instance, same store). Result: HUB_ERR_AUTHZ_NONCE_REPLAYED', async () => {
    const body = await signed(court.s.judge.signer, 'order', order());
    await court.call('court.lookup', body);
    await court.restart();
    await expectRefused('court.lookup', body, 'HUB_ERR_AUTHZ_NONCE_REPLAYED');
  });

  it('Same order id, new nonce (a re-signed copy). Result: HUB_ERR_AUTHZ_ORDER_ID_REUSED', async () => {
    const o = order();
    await court.call('court.lookup', await signed(court.s.judge.signer, 'order', o));
    await expectRefused('court.lookup', await signed(court.s.judge.signer, 'order', { ...o, nonce: window().nonce }), 'HUB_ERR_AUTHZ_ORDER_ID_REUSED');
  });

  it('A request that is not even a signed order. Result: HUB_ERR_VALIDATION_BAD_REQUEST, audited', async () => {
    await expectRefused('court.lookup', { order: { caseNumber: CASE_A }, signature: 'MAMCAQE=' }, 'HUB_ERR_VALIDATION_BAD_REQUEST');
  });

  it('Fail closed: the audit chain cannot be written. Result: HUB_ERR_AUDIT_WRITE_FAILED and no registry called', async () => {
    const before = court.calls.length;
    const body = await signed(court.s.judge.signer, 'order', order());
    court.breakAudit(true);
    try {
      const err = await court.refusal('court.lookup', body);
      expect(err.code).toBe('HUB_ERR_AUDIT_WRITE_FAILED');
    } finally {
      court.breakAudit(false);
    }
    expect(court.calls.length).toBe(before);
  });

  it('A judge of the other case orders bank data under its decision in force. Result: answered (the refusals above are not blanket)', async () => {
    const o = order({ caseNumber: CASE_B, subject: { voen: PARTY_B }, categories: ['11.2.13'], basis: { kind: 'decision', decisionId: 'D-B-FORCE' } });
    const r = await court.call('court.lookup', await signed(court.s.otherJudge.signer, 'order', o));
    expect(r.outcomes).toEqual([expect.objectContaining({ section: '11.2.13', status: 'ok' })]);
  });
});

describe('clerk refusals', () => {
  const idRequest = (over: Record<string, unknown> = {}) => ({
    requestId: `idv-${randomUUID()}`, caseNumber: CASE_A, subject: { fin: PARTY }, surname: 'Məmmədov', givenName: 'Əli',
    birthDate: '1985-04-12', documentNumber: 'AA1234567', ...window(), ...over,
  });
  const delegation = (over: Record<string, unknown> = {}) => ({
    delegationId: `DLG-${randomUUID()}`, caseNumber: CASE_A, staffFins: ['STF0001'],
    validFrom: new Date(Date.now() - 60_000).toISOString(), validUntil: new Date(Date.now() + 86_400_000).toISOString(), ...window(), ...over,
  });

  it('Clerk without a delegation checks a party. Result: HUB_ERR_AUTHZ_NO_DELEGATION, no registry called, refusal audited', async () => {
    await expectRefused('court.verifyIdentity', await signed(court.pki.staff.signer, 'request', idRequest()), 'HUB_ERR_AUTHZ_NO_DELEGATION', 'identity-verified');
  });

  it('Clerk asks for another category (phone numbers) in a lookup order. Result: HUB_ERR_AUTHZ_CLERK_CATEGORY', async () => {
    await expectRefused('court.lookup', await signed(court.pki.staff.signer, 'order', order({ categories: ['11.2.3'] })), 'HUB_ERR_AUTHZ_CLERK_CATEGORY');
  });

  it('Clerk slips a category into an identity request. Result: HUB_ERR_VALIDATION_BAD_REQUEST (the request has no categories)', async () => {
    await expectRefused('court.verifyIdentity', await signed(court.pki.staff.signer, 'request', idRequest({ categories: ['11.2.13'] })), 'HUB_ERR_VALIDATION_BAD_REQUEST', 'identity-verified');
  });

  it('Delegation expired: the judge delegated for an hour that ended. Result: HUB_ERR_AUTHZ_DELEGATION_EXPIRED', async () => {
    // Registered while in force, then time passes: the service is asked at a later "now".
    const d = delegation({ caseNumber: CASE_A, validFrom: new Date(Date.now() - 2 * 3_600_000).toISOString(), validUntil: new Date(Date.now() + 5 * 60_000).toISOString() });
    await court.call('court.delegate', await signed(court.s.judge.signer, 'delegation', d));
    // …and a second one that has already ended cannot even be registered.
    const ended = delegation({ validFrom: new Date(Date.now() - 2 * 3_600_000).toISOString(), validUntil: new Date(Date.now() - 3_600_000).toISOString() });
    await expectRefused('court.delegate', await signed(court.s.judge.signer, 'delegation', ended), 'HUB_ERR_AUTHZ_DELEGATION_EXPIRED', 'delegation-registered');
    await court.ts.store.query('UPDATE delegations SET valid_until = now() - interval \'1 minute\' WHERE id = $1', [d.delegationId]);
    await expectRefused('court.verifyIdentity', await signed(court.pki.staff.signer, 'request', idRequest()), 'HUB_ERR_AUTHZ_DELEGATION_EXPIRED', 'identity-verified');
  });

  it('A judge not assigned to the case delegates to the clerk. Result: HUB_ERR_AUTHZ_NOT_CASE_JUDGE', async () => {
    await expectRefused('court.delegate', await signed(court.s.otherJudge.signer, 'delegation', delegation()), 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE', 'delegation-registered');
  });
});
