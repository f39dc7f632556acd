/** Who may register a decision and enter it into legal force: pure rules, deny by default (statute 6.1.22, 12.6). */
import type { Agency } from '../../../../agencies/directory.types';
import { DEFAULT_LIMITS } from '../../../../core/authz/authz.types';
import { authorizeDecision, authorizeInForce, authorizeStatusRead } from '../../../../core/decisions/decision.policy';
import type { DecisionDocument } from '../../../../core/decisions/decision.types';
import type { SignedDecision } from '../../../../core/store/repositories/signed-decisions';

const NOW = new Date('2026-06-01T12:00:00Z');
const JUDGE = { fin: '2JD4K7M', certSha256: 'aa', signingTime: NOW };
const ROSTER = { fin: '2JD4K7M', role: 'judge' as const, active: true, courtId: 'C1', certSha256: 'aa' };
const CASE = { number: '2(101)-1/2026', courtId: 'C1', status: 'open' as const, judgeFin: '2JD4K7M', parties: [{ fin: '1AB2C3D' }, { voen: '1401234561' }] };
const BANK: Agency = { id: 'demo-bank', memberId: 'AZ/COM/1/x', certSha256: 'bb', callbackUrl: null, active: true, rules: { decisionKinds: ['judgment'], actions: ['arrest-accounts'], enforcement: false, partyFields: ['role'], operativePart: false, methods: ['getDecision'] } };
const window = { issuedAt: '2026-06-01T11:59:00Z', expiresAt: '2026-06-01T12:09:00Z', nonce: 'n'.repeat(24) };
const DOC: DecisionDocument = {
  decisionId: 'DEC-00000001', caseNumber: CASE.number, courtId: 'C1', kind: 'judgment', adoptedAt: '2026-05-30T10:00:00Z', judgeFin: '2JD4K7M',
  parties: [{ role: 'defendant', fin: '1AB2C3D', name: 'X' }], operativePart: 'Y', textSha256: 'cd'.repeat(32), toEnforce: true,
  addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }], ...window,
};
const base = { signer: JUDGE, roster: ROSTER, caseRecord: CASE, now: NOW, nonceFresh: true, limits: DEFAULT_LIMITS };
const decide = (over: Partial<DecisionDocument> = {}, more: Record<string, unknown> = {}) => authorizeDecision({ ...base, decision: { ...DOC, ...over }, agencies: [BANK], ...more });

describe('authorizeDecision', () => {
  it('The judge of the open case, own court, case parties, an allowed addressee. Result: allowed', () => {
    expect(decide()).toEqual({ allow: true });
  });
  it.each([
    ['another judge signs', {}, { signer: { ...JUDGE, fin: '3HN8P2Q' }, roster: { ...ROSTER, fin: '3HN8P2Q' } }, 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'],
    ['a clerk signs', {}, { roster: { ...ROSTER, role: 'staff' } }, 'HUB_ERR_AUTHZ_NOT_A_JUDGE'],
    ['the case is closed', {}, { caseRecord: { ...CASE, status: 'closed' } }, 'HUB_ERR_AUTHZ_CASE_CLOSED'],
    ['the document names another judge', { judgeFin: '3HN8P2Q' }, {}, 'HUB_ERR_DECISION_MISMATCH'],
    ['the document names another court', { courtId: 'C2' }, {}, 'HUB_ERR_DECISION_MISMATCH'],
    ['a party not of the case', { parties: [{ role: 'defendant' as const, fin: '9XY8Z7W', name: 'Z' }] }, {}, 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'],
    ['an addressee concerning a non-party of the decision', { addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1401234561'] }] }, {}, 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'],
    ['an agency not in the directory', { addressees: [{ agencyId: 'nobody', actions: ['arrest-accounts'], subjects: [] }] }, {}, 'HUB_ERR_AGENCY_UNKNOWN'],
    ['an inactive agency', {}, { agencies: [{ ...BANK, active: false }] }, 'HUB_ERR_AGENCY_UNKNOWN'],
    ['an action the bank may not take', { addressees: [{ agencyId: 'demo-bank', actions: ['travel-ban'], subjects: [] }] }, {}, 'HUB_ERR_AGENCY_NOT_ALLOWED'],
    ['a kind the bank may not receive', { kind: 'sentence' as const }, {}, 'HUB_ERR_AGENCY_NOT_ALLOWED'],
    ['adopted tomorrow', { adoptedAt: '2026-06-02T10:00:00Z' }, {}, 'HUB_ERR_DECISION_FORCE_DATE'],
    ['a replayed nonce', {}, { nonceFresh: false }, 'HUB_ERR_AUTHZ_NONCE_REPLAYED'],
  ] as [string, Partial<DecisionDocument>, Record<string, unknown>, string][])('%s. Result: %s', (_n, over, more, code) => {
    expect(decide(over, more)).toEqual({ deny: code });
  });
});

describe('authorizeInForce and authorizeStatusRead', () => {
  const D = { id: 'DEC-00000001', caseNumber: CASE.number, adoptedAt: new Date('2026-05-30T10:00:00Z'), legalForceAt: null, signature: Buffer.from('s'), signatureSha256: 'ef'.repeat(32) } as SignedDecision;
  const act = { decisionId: D.id, caseNumber: CASE.number, legalForceAt: '2026-06-01T00:00:00Z', decisionSignatureSha256: 'ef'.repeat(32), ...window };
  const inForce = (a = {}, more: Record<string, unknown> = {}) => authorizeInForce({ ...base, act: { ...act, ...a }, decision: D, ...more });
  it.each([
    ['the judge of the case, bound to the signature held', {}, {}, undefined],
    ['no such decision', {}, { decision: null }, 'HUB_ERR_DECISION_NOT_FOUND'],
    ['another signature digest', { decisionSignatureSha256: '00'.repeat(32) }, {}, 'HUB_ERR_DECISION_SIGNATURE_MISMATCH'],
    ['a decision without its signed document (seeded)', {}, { decision: { ...D, signature: null } }, 'HUB_ERR_DECISION_SIGNATURE_MISMATCH'],
    ['already in force', {}, { decision: { ...D, legalForceAt: NOW } }, 'HUB_ERR_DECISION_ALREADY_IN_FORCE'],
    ['in force before adoption', { legalForceAt: '2026-05-01T00:00:00Z' }, {}, 'HUB_ERR_DECISION_FORCE_DATE'],
    ['in force next week', { legalForceAt: '2026-06-08T00:00:00Z' }, {}, 'HUB_ERR_DECISION_FORCE_DATE'],
    ['another case named', { caseNumber: '2(101)-2/2026' }, {}, 'HUB_ERR_DECISION_MISMATCH'],
    ['another judge', {}, { signer: { ...JUDGE, fin: '3HN8P2Q' }, roster: { ...ROSTER, fin: '3HN8P2Q' } }, 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE'],
  ] as [string, object, Record<string, unknown>, string | undefined][])('In force: %s. Result: %s', (_n, a, more, code) => {
    expect(inForce(a, more)).toEqual(code ? { deny: code } : { allow: true });
  });
  it('The judge of the case reads the status history; another judge. Result: allowed; HUB_ERR_AUTHZ_NOT_CASE_JUDGE', () => {
    expect(authorizeStatusRead({ ...base, request: window, decision: D })).toEqual({ allow: true });
    expect(authorizeStatusRead({ ...base, signer: { ...JUDGE, fin: '3HN8P2Q' }, roster: { ...ROSTER, fin: '3HN8P2Q' }, request: window, decision: D })).toEqual({ deny: 'HUB_ERR_AUTHZ_NOT_CASE_JUDGE' });
  });
});
