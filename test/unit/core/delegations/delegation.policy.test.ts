/** Who may delegate identity checks for a case (9.1.2), as plain data. */
import { DEFAULT_LIMITS } from '../../../../core/authz';
import { authorizeDelegation, type DelegationPolicyInput } from '../../../../core/delegations';

const NOW = new Date('2026-03-10T10:00:00Z');
const JUDGE = '2JD4K7M';
const CASE = '2(101)-1234/2026';

function allowed(): DelegationPolicyInput {
  return {
    signer: { fin: JUDGE, certSha256: 'aa'.repeat(32), signingTime: NOW },
    delegation: {
      delegationId: 'DLG-2026-0001', caseNumber: CASE, staffFins: ['6PR2T5Y'], validFrom: '2026-03-10T00:00:00Z', validUntil: '2026-04-10T00:00:00Z',
      issuedAt: '2026-03-10T09:59:00Z', expiresAt: '2026-03-10T10:10:00Z', nonce: 'dlg-nonce-00000000001',
    },
    now: NOW,
    caseRecord: { number: CASE, courtId: 'BAKU-NASIMI', status: 'open', judgeFin: JUDGE, parties: [] },
    roster: { fin: JUDGE, role: 'judge', active: true, courtId: 'BAKU-NASIMI', certSha256: null },
    staff: [{ fin: '6PR2T5Y', role: 'staff', active: true, courtId: 'BAKU-NASIMI', certSha256: null }],
    nonceFresh: true,
    limits: DEFAULT_LIMITS,
  };
}
const outcome = (i: DelegationPolicyInput) => { const d = authorizeDelegation(i); return 'deny' in d ? d.deny : 'ALLOWED'; };

describe('delegation policy', () => {
  it('The judge of an open case delegates to a clerk of the same court for a month. Result: allowed', () => {
    expect(outcome(allowed())).toBe('ALLOWED');
  });

  it.each([
    ['A judge not assigned to the case delegates', (i: DelegationPolicyInput) => { i.caseRecord = { ...i.caseRecord!, judgeFin: '3HN8P2Q' }; }, 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'],
    ['A clerk delegates to another clerk', (i: DelegationPolicyInput) => { i.roster = { ...i.roster!, role: 'staff' }; }, 'HUB_ERR_AUTHZ_NOT_A_JUDGE'],
    ['The delegate is a judge, not staff', (i: DelegationPolicyInput) => { i.staff = [{ ...i.staff[0]!, role: 'judge' }]; }, 'HUB_ERR_AUTHZ_NOT_STAFF'],
    ['The delegate works at another court', (i: DelegationPolicyInput) => { i.staff = [{ ...i.staff[0]!, courtId: 'BAKU-APPEAL' }]; }, 'HUB_ERR_AUTHZ_NOT_STAFF'],
    ['The delegate is not on the roster', (i: DelegationPolicyInput) => { i.staff = []; }, 'HUB_ERR_AUTHZ_NOT_STAFF'],
    ['The delegate has left the court', (i: DelegationPolicyInput) => { i.staff = [{ ...i.staff[0]!, active: false }]; }, 'HUB_ERR_AUTHZ_STAFF_INACTIVE'],
    ['The delegation already ended', (i: DelegationPolicyInput) => { i.delegation.validFrom = '2026-02-01T00:00:00Z'; i.delegation.validUntil = '2026-03-01T00:00:00Z'; }, 'HUB_ERR_AUTHZ_DELEGATION_EXPIRED'],
    ['The delegation runs for a year', (i: DelegationPolicyInput) => { i.delegation.validUntil = '2027-03-10T00:00:00Z'; }, 'HUB_ERR_AUTHZ_ORDER_LIFETIME'],
    ['The case is closed', (i: DelegationPolicyInput) => { i.caseRecord = { ...i.caseRecord!, status: 'closed' }; }, 'HUB_ERR_AUTHZ_CASE_CLOSED'],
    ['The signed delegation is replayed', (i: DelegationPolicyInput) => { i.nonceFresh = false; }, 'HUB_ERR_AUTHZ_NONCE_REPLAYED'],
  ] as const)('%s. Result: %s', (_, change, code) => {
    const i = allowed();
    change(i);
    expect(outcome(i)).toBe(code);
  });
});
