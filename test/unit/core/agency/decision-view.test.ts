/** What each agency may see of a decision (data minimization per the directory) and may call. */
import type { Agency } from '../../../../agencies/directory.types';
import { checkDecisionAccess, checkMethod } from '../../../../core/agency/agency.policy';
import { viewFor } from '../../../../core/agency/decision-view';
import { inForceEvents, statusChangedEvents } from '../../../../core/decisions/outbox-events';
import type { SignedDecision } from '../../../../core/store/repositories/signed-decisions';

const rules = (over: Partial<Agency['rules']> = {}): Agency['rules'] => ({ decisionKinds: ['judgment'], actions: ['arrest-accounts'], enforcement: false, partyFields: ['role', 'fin'], operativePart: false, methods: ['listDecisions', 'getDecision', 'getEnforcementStatus'], ...over });
const BANK: Agency = { id: 'demo-bank', memberId: 'm1', certSha256: 'a', callbackUrl: 'http://127.0.0.1:1/cb', active: true, rules: rules() };
const MIGRATION: Agency = { ...BANK, id: 'migration', memberId: 'm2', callbackUrl: null };
const ENF: Agency = { ...BANK, id: 'enforcement', memberId: 'm3', callbackUrl: null, rules: rules({ enforcement: true, partyFields: ['role', 'fin', 'voen', 'name'], operativePart: true, methods: ['listDecisions', 'getDecision', 'getEnforcementStatus', 'reportEnforcementStatus'] }) };

const D: SignedDecision = {
  id: 'DEC-00000001', caseNumber: '2(101)-1/2026', courtId: 'C1', kind: 'judgment', adoptedAt: new Date('2026-05-01T00:00:00Z'), legalForceAt: new Date('2026-06-01T00:00:00Z'),
  signedBy: '2JD4K7M', signatureSha256: 'ef'.repeat(32), toEnforce: true, registeredAt: new Date(), feedSeq: 7,
  document: {
    decisionId: 'DEC-00000001', caseNumber: '2(101)-1/2026', courtId: 'C1', kind: 'judgment', adoptedAt: '2026-05-01T00:00:00Z', judgeFin: '2JD4K7M',
    parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'P' }, { role: 'defendant', fin: '1AB2C3D', name: 'D' }], operativePart: 'O', textSha256: 'cd'.repeat(32), toEnforce: true,
    addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }, { agencyId: 'migration', actions: ['travel-ban'], subjects: ['1AB2C3D'] }],
    issuedAt: '2026-05-01T00:00:00Z', expiresAt: '2026-05-01T00:10:00Z', nonce: 'n'.repeat(24),
  },
  signature: Buffer.from('judge'), inForceDocument: null, inForceSignature: Buffer.from('act'), inForceBy: '2JD4K7M', attestation: Buffer.from('hub'),
  addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'] }, { agencyId: 'migration', actions: ['travel-ban'] }],
};

describe('decision views and access', () => {
  it('The bank reads the decision. Result: the defendant only, role and FIN; no name, no operative part, no document', () => {
    const v = viewFor(D, BANK);
    expect(v.parties).toEqual([{ role: 'defendant', fin: '1AB2C3D' }]);
    expect(v).not.toHaveProperty('operativePart');
    expect(v).not.toHaveProperty('signedDocument');
    expect(v.actions).toEqual(['arrest-accounts']);
  });
  it('The enforcement service reads a decision to be enforced. Result: every party in full, the operative part, the signed document, action enforce', () => {
    const v = viewFor(D, ENF);
    expect(v.parties).toHaveLength(2);
    expect(v.operativePart).toBe('O');
    expect(JSON.parse(Buffer.from(v.signedDocument!, 'base64').toString('utf8')).decisionId).toBe(D.id);
    expect(v.actions).toEqual(['enforce']);
  });
  it.each([
    ['not addressed', { ...BANK, id: 'property' }, D, 'HUB_ERR_AGENCY_NOT_ADDRESSED'],
    ['not in force yet', BANK, { ...D, legalForceAt: null }, 'HUB_ERR_AGENCY_NOT_ADDRESSED'],
    ['unknown', BANK, null, 'HUB_ERR_AGENCY_NOT_ADDRESSED'],
    ['enforcement, to be enforced but not addressed', ENF, D, undefined],
    ['enforcement, not to be enforced and not addressed', ENF, { ...D, toEnforce: false }, 'HUB_ERR_AGENCY_NOT_ADDRESSED'],
  ] as [string, Agency, SignedDecision | null, string | undefined][])('Access: %s. Result: %s', (_n, a, d, code) => {
    expect(checkDecisionAccess(a, d)).toBe(code);
  });
  it('Methods: the bank reports a status, an inactive agency lists. Result: HUB_ERR_AGENCY_NOT_ENFORCEMENT, HUB_ERR_AGENCY_UNKNOWN', () => {
    expect(checkMethod(BANK, 'reportEnforcementStatus')).toBe('HUB_ERR_AGENCY_NOT_ENFORCEMENT');
    expect(checkMethod({ ...BANK, active: false }, 'listDecisions')).toBe('HUB_ERR_AGENCY_UNKNOWN');
    expect(checkMethod(ENF, 'reportEnforcementStatus')).toBeUndefined();
  });
  it('Events at entry into force and at a status change. Result: the subscribed bank and the enforcement service (toEnforce); not the migration service without a callback; no party data', () => {
    const ev = inForceEvents(D, [BANK, MIGRATION, ENF]);
    expect(ev.map((e) => [e.agencyId, e.payload.toEnforce])).toEqual([['demo-bank', false], ['enforcement', true]]);
    expect(JSON.stringify(ev)).not.toMatch(/1AB2C3D|5ZK8F3R/);
    const changed = statusChangedEvents(D, { decisionId: D.id, agencyId: 'enforcement', version: 2, status: 'in-progress', amountRecovered: null, note: null, reportedAt: new Date(), reportSha256: 'x' }, [BANK, MIGRATION, ENF]);
    expect(changed.map((e) => e.agencyId)).toEqual(['demo-bank']);
  });
});
