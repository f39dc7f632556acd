/**
 * The lookup policy as plain data: deny by default, one refusal code per broken rule
 * (docs/security-model.md §4). Each scenario changes one fact of an order that is otherwise allowed.
 */
import { loadCatalog } from '../../../../registry';
import { authorizeLookup, DEFAULT_LIMITS, signatureRefusal, type LookupPolicyInput } from '../../../../core/authz';
import { SigningError } from '../../../../signing/errors';

const catalog = loadCatalog({ env: {} });
const NOW = new Date('2026-03-10T10:00:00Z');
const JUDGE = '4KT6R9W';
const CASE = '2-1(103)-455/2026';

function allowed(): LookupPolicyInput {
  return {
    signer: { fin: JUDGE, certSha256: 'aa'.repeat(32), signingTime: NOW },
    order: {
      orderId: '6f1c2d4e-0000-4000-8000-000000000001', caseNumber: CASE, subject: { voen: '1401234561' },
      categories: ['11.2.1', '11.2.13'], basis: { kind: 'decision', decisionId: 'DEMO-455-D1' }, purpose: 'Enforcement of the judgment',
      issuedAt: '2026-03-10T09:58:00Z', expiresAt: '2026-03-10T10:13:00Z', nonce: 'n0nce-0000000000000001',
    },
    now: NOW,
    caseRecord: { number: CASE, courtId: 'BAKU-ECONOMIC', status: 'open', judgeFin: JUDGE, parties: [{ voen: '1401234561' }, { fin: '3CD4E5F' }] },
    roster: { fin: JUDGE, role: 'judge', active: true, courtId: 'BAKU-ECONOMIC', certSha256: 'aa'.repeat(32) },
    decision: { id: 'DEMO-455-D1', caseNumber: CASE, legalForceAt: new Date('2026-02-16T00:00:00Z'), signedBy: JUDGE },
    catalog,
    nonceFresh: true,
    orderIdFresh: true,
    limits: DEFAULT_LIMITS,
  };
}

const denied = (i: LookupPolicyInput) => ('deny' in authorizeLookup(i) ? (authorizeLookup(i) as { deny: string }).deny : 'ALLOWED');

describe('lookup policy', () => {
  it('The assigned active judge of an open case orders bank data about a party under a decision in force. Result: allowed', () => {
    expect(authorizeLookup(allowed())).toEqual({ allow: true });
  });

  const scenarios: [string, (i: LookupPolicyInput) => void, string][] = [
    ['A clerk signs a lookup order', (i) => { i.roster = { ...i.roster!, role: 'staff' }; }, 'HUB_ERR_AUTHZ_CLERK_CATEGORY'],
    ['An operator (not a judge) signs the order', (i) => { i.roster = { ...i.roster!, role: 'operator' }; }, 'HUB_ERR_AUTHZ_NOT_A_JUDGE'],
    ['Somebody not on the roster signs the order', (i) => { i.roster = null; }, 'HUB_ERR_AUTHZ_NOT_A_JUDGE'],
    ['A certificate without a FIN signs the order', (i) => { i.signer = { ...i.signer, fin: undefined }; }, 'HUB_ERR_AUTHZ_CERT_NO_FIN'],
    ['The judge signs with a certificate other than the one bound to them', (i) => { i.signer = { ...i.signer, certSha256: 'bb'.repeat(32) }; }, 'HUB_ERR_AUTHZ_CERT_NOT_BOUND'],
    ['A retired judge (9.2.5) signs the order', (i) => { i.roster = { ...i.roster!, active: false }; }, 'HUB_ERR_AUTHZ_JUDGE_INACTIVE'],
    ['The order names a case the hub does not know', (i) => { i.caseRecord = null; }, 'HUB_ERR_AUTHZ_CASE_UNKNOWN'],
    ['A judge not assigned to the case asks for bank accounts', (i) => { i.caseRecord = { ...i.caseRecord!, judgeFin: '2JD4K7M' }; }, 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'],
    ['The case is closed', (i) => { i.caseRecord = { ...i.caseRecord!, status: 'closed' }; }, 'HUB_ERR_AUTHZ_CASE_CLOSED'],
    ['The subject is not a party of the case', (i) => { i.order.subject = { fin: '5ZK8F3R' }; }, 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'],
    ['Bank data (11.2.13) with only a request as basis', (i) => { i.order.basis = { kind: 'request' }; i.decision = null; }, 'HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED'],
    ['Tax audits (11.2.2) with only a request as basis', (i) => { i.order.categories = ['11.2.2']; i.order.basis = { kind: 'request' }; }, 'HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED'],
    ['The cited decision is unknown', (i) => { i.decision = null; }, 'HUB_ERR_AUTHZ_DECISION_UNKNOWN'],
    ['The cited decision has not entered legal force', (i) => { i.decision = { ...i.decision!, legalForceAt: null }; }, 'HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE'],
    ['The cited decision enters legal force tomorrow', (i) => { i.decision = { ...i.decision!, legalForceAt: new Date('2026-03-11T00:00:00Z') }; }, 'HUB_ERR_AUTHZ_DECISION_NOT_IN_FORCE'],
    ['The cited decision belongs to another case', (i) => { i.decision = { ...i.decision!, caseNumber: '2(101)-1234/2026' }; }, 'HUB_ERR_AUTHZ_DECISION_OTHER_CASE'],
    ['The cited decision was signed by a judge who is not of this case', (i) => { i.decision = { ...i.decision!, signedBy: '2JD4K7M' }; }, 'HUB_ERR_AUTHZ_DECISION_SIGNER'],
    ['A category outside §11.2', (i) => { i.order.categories = ['11.2.99']; }, 'HUB_ERR_VALIDATION_UNKNOWN_CATEGORY'],
    ['Phone numbers (FIN only) asked for a company', (i) => { i.order.categories = ['11.2.3']; }, 'HUB_ERR_VALIDATION_SUBJECT_KIND'],
    ['The order expired 3 minutes ago (skew is 2)', (i) => { i.order.expiresAt = '2026-03-10T09:57:00Z'; i.order.issuedAt = '2026-03-10T09:40:00Z'; }, 'HUB_ERR_AUTHZ_ORDER_EXPIRED'],
    ['The order is dated 5 minutes in the future', (i) => { i.order.issuedAt = '2026-03-10T10:05:00Z'; }, 'HUB_ERR_AUTHZ_ORDER_NOT_YET_VALID'],
    ['The order claims a two-day validity', (i) => { i.order.expiresAt = '2026-03-12T09:58:00Z'; }, 'HUB_ERR_AUTHZ_ORDER_LIFETIME'],
    ['The order expires before it is issued', (i) => { i.order.expiresAt = '2026-03-10T09:00:00Z'; }, 'HUB_ERR_AUTHZ_ORDER_LIFETIME'],
    ['The nonce was seen before (replay)', (i) => { i.nonceFresh = false; }, 'HUB_ERR_AUTHZ_NONCE_REPLAYED'],
    ['The orderId was taken by another order', (i) => { i.orderIdFresh = false; }, 'HUB_ERR_AUTHZ_ORDER_ID_REUSED'],
  ];

  it.each(scenarios.map(([name, change, code]) => [name, code, change] as const))('%s. Result: %s', (_, code, change) => {
    const i = allowed();
    change(i);
    expect(denied(i)).toBe(code);
  });

  it('An order expired 1 minute ago is still inside the bounded clock skew. Result: allowed', () => {
    const i = allowed();
    i.order.expiresAt = '2026-03-10T09:59:00Z';
    expect(authorizeLookup(i)).toEqual({ allow: true });
  });

  it('Request-basis data (population register) needs no decision. Result: allowed', () => {
    const i = allowed();
    i.order.subject = { fin: '3CD4E5F' };
    i.order.categories = ['11.2.22'];
    i.order.basis = { kind: 'request' };
    i.decision = null;
    expect(authorizeLookup(i)).toEqual({ allow: true });
  });

  it('The owner changes 11.2.22 to basis "decision" in the catalog (data, no code). Result: a request no longer suffices', () => {
    const i = allowed();
    i.order.subject = { fin: '3CD4E5F' };
    i.order.categories = ['11.2.22'];
    i.order.basis = { kind: 'request' };
    i.catalog = { bySection: (s) => (s === '11.2.22' ? { section: s, basis: 'decision', subjects: ['fin'] } : catalog.bySection(s)) };
    expect(denied(i)).toBe('HUB_ERR_AUTHZ_BASIS_DECISION_REQUIRED');
  });
});

describe('signature refusals', () => {
  it.each([
    ['cert-expired', 'HUB_ERR_AUTHZ_CERT_EXPIRED'], ['cert-not-yet-valid', 'HUB_ERR_AUTHZ_CERT_EXPIRED'],
    ['cert-revoked', 'HUB_ERR_AUTHZ_CERT_REVOKED'], ['cert-untrusted', 'HUB_ERR_AUTHZ_CERT_UNTRUSTED'],
    ['key-usage', 'HUB_ERR_AUTHZ_KEY_USAGE'], ['digest-mismatch', 'HUB_ERR_AUTHZ_SIGNATURE_INVALID'],
    ['bad-signature', 'HUB_ERR_AUTHZ_SIGNATURE_INVALID'], ['revocation-unknown', 'HUB_ERR_AUTHZ_REVOCATION_UNKNOWN'],
  ] as const)('SigningError %s. Result: %s', (reason, code) => {
    expect(signatureRefusal(new SigningError(reason))).toBe(code);
  });

  it('Anything else thrown while verifying. Result: refused as an invalid signature, never a pass', () => {
    expect(signatureRefusal(new TypeError('boom'))).toBe('HUB_ERR_AUTHZ_SIGNATURE_INVALID');
  });
});
