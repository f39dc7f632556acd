/**
 * Clerk identity verification (9.1.2): who may ask (policy as plain data), and what the answer
 * discloses (per-field verdicts and the document status, nothing of the record).
 */
import { DEFAULT_LIMITS } from '../../../../core/authz';
import { authorizeIdentityCheck, matchIdentity, notFoundVerdict, type IdentityPolicyInput, type IdentityRequest } from '../../../../core/identity';

const NOW = new Date('2026-03-10T10:00:00Z');
const CLERK = '6PR2T5Y';
const CASE = '2(101)-1234/2026';

const request = (): IdentityRequest => ({
  requestId: 'idv-0000-0001', caseNumber: CASE, subject: { fin: '5ZK8F3R' }, surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu',
  birthDate: '1985-04-12', documentNumber: 'AA1234567', issuedAt: '2026-03-10T09:59:00Z', expiresAt: '2026-03-10T10:05:00Z', nonce: 'idv-nonce-000000000001',
});

function allowed(): IdentityPolicyInput {
  return {
    signer: { fin: CLERK, certSha256: 'cc'.repeat(32), signingTime: NOW },
    request: request(),
    now: NOW,
    caseRecord: { number: CASE, courtId: 'BAKU-NASIMI', status: 'open', judgeFin: '2JD4K7M', parties: [{ fin: '5ZK8F3R' }, { fin: '1AB2C3D' }] },
    roster: { fin: CLERK, role: 'staff', active: true, courtId: 'BAKU-NASIMI', certSha256: null },
    delegations: [{ id: 'DLG-1', caseNumber: CASE, judgeFin: '2JD4K7M', staffFins: [CLERK], validFrom: new Date('2026-03-01T00:00:00Z'), validUntil: new Date('2026-04-01T00:00:00Z'), revokedAt: null }],
    nonceFresh: true,
    limits: DEFAULT_LIMITS,
  };
}
const outcome = (i: IdentityPolicyInput) => { const d = authorizeIdentityCheck(i); return 'deny' in d ? d.deny : 'ALLOWED'; };

describe('identity-check policy', () => {
  it('A clerk with a delegation in force for the case checks a party. Result: allowed', () => {
    expect(outcome(allowed())).toBe('ALLOWED');
  });

  it.each([
    ['A clerk without any delegation for the case', (i: IdentityPolicyInput) => { i.delegations = []; }, 'HUB_ERR_AUTHZ_NO_DELEGATION'],
    ['A clerk whose delegation names another clerk', (i: IdentityPolicyInput) => { i.delegations = [{ ...i.delegations[0]!, staffFins: ['7QS9V4Z'] }]; }, 'HUB_ERR_AUTHZ_NO_DELEGATION'],
    ['A clerk whose delegation was revoked', (i: IdentityPolicyInput) => { i.delegations = [{ ...i.delegations[0]!, revokedAt: new Date('2026-03-05T00:00:00Z') }]; }, 'HUB_ERR_AUTHZ_NO_DELEGATION'],
    ['A clerk whose delegation came from a judge no longer on the case', (i: IdentityPolicyInput) => { i.caseRecord = { ...i.caseRecord!, judgeFin: '3HN8P2Q' }; }, 'HUB_ERR_AUTHZ_NO_DELEGATION'],
    ['A clerk whose delegation expired yesterday', (i: IdentityPolicyInput) => { i.delegations = [{ ...i.delegations[0]!, validUntil: new Date('2026-03-09T00:00:00Z') }]; }, 'HUB_ERR_AUTHZ_DELEGATION_EXPIRED'],
    ['A judge (not staff) sends a clerk request', (i: IdentityPolicyInput) => { i.roster = { ...i.roster!, role: 'judge' }; }, 'HUB_ERR_AUTHZ_NOT_STAFF'],
    ['A clerk who has left the court (9.2.5)', (i: IdentityPolicyInput) => { i.roster = { ...i.roster!, active: false }; }, 'HUB_ERR_AUTHZ_STAFF_INACTIVE'],
    ['A clerk checks somebody who is not a party', (i: IdentityPolicyInput) => { i.request.subject = { fin: '9XY8Z7W' }; }, 'HUB_ERR_AUTHZ_SUBJECT_NOT_PARTY'],
    ['A clerk checks a party of a closed case', (i: IdentityPolicyInput) => { i.caseRecord = { ...i.caseRecord!, status: 'closed' }; }, 'HUB_ERR_AUTHZ_CASE_CLOSED'],
    ['A clerk replays a request', (i: IdentityPolicyInput) => { i.nonceFresh = false; }, 'HUB_ERR_AUTHZ_NONCE_REPLAYED'],
    ['A clerk sends an expired request', (i: IdentityPolicyInput) => { i.request.expiresAt = '2026-03-10T09:50:00Z'; i.request.issuedAt = '2026-03-10T09:40:00Z'; }, 'HUB_ERR_AUTHZ_ORDER_EXPIRED'],
  ] as const)('%s. Result: %s', (_, change, code) => {
    const i = allowed();
    change(i);
    expect(outcome(i)).toBe(code);
  });
});

describe('identity match', () => {
  const record = {
    fin: '5ZK8F3R', surname: 'MƏMMƏDOV', givenName: 'Əli', patronymic: 'Vəli  oğlu', birthDate: '1985-04-12', gender: 'M', citizenship: 'AZE',
    civilStatus: 'married', address: { city: 'Bakı', district: 'Nəsimi', street: 'Füzuli 1' },
    identityDocument: { type: 'ID_CARD', series: 'AA', number: '1234567', issuedOn: '2020-01-01', validUntil: '2030-01-01', status: 'valid' },
  };

  it('Everything presented matches (case and spacing aside). Result: all "match", document valid, and no field of the record in the answer', () => {
    const v = matchIdentity(request(), record, '2026-03-10');
    expect(v).toEqual({ found: true, fields: { surname: 'match', givenName: 'match', patronymic: 'match', birthDate: 'match', documentNumber: 'match' }, documentStatus: 'valid' });
    const text = JSON.stringify(v);
    for (const leak of ['Bakı', 'Füzuli', 'married', 'AZE', '2030-01-01', 'MƏMMƏDOV']) expect(text).not.toContain(leak);
  });

  it('Wrong birth date and another document number. Result: those two "mismatch", document status not disclosed', () => {
    const v = matchIdentity({ ...request(), birthDate: '1985-04-13', documentNumber: 'AA7654321' }, record, '2026-03-10');
    expect(v.fields.birthDate).toBe('mismatch');
    expect(v.fields.documentNumber).toBe('mismatch');
    expect(v.fields.surname).toBe('match');
    expect(v.documentStatus).toBe('not-matching');
  });

  it('The presented document was reported lost; another one is past its validity. Result: "lost", then "expired"', () => {
    expect(matchIdentity(request(), { ...record, identityDocument: { ...record.identityDocument, status: 'lost' } }, '2026-03-10').documentStatus).toBe('lost');
    expect(matchIdentity(request(), { ...record, identityDocument: { ...record.identityDocument, validUntil: '2026-01-01' } }, '2026-03-10').documentStatus).toBe('expired');
  });

  it('Dotted and dotless i (İ/i, I/ı) as the az locale pairs them. Result: İsmayıl and ISMAYIL differ, ismayıl and İSMAYIL match', () => {
    const surname = (presented: string, registered: string) => matchIdentity({ ...request(), surname: presented }, { ...record, surname: registered }, '2026-03-10').fields.surname;
    expect(surname('ismayıl', 'İSMAYIL')).toBe('match');
    expect(surname('İsmayıl', 'İSMAYIL')).toBe('match');
    expect(surname('ısmayıl', 'İSMAYIL')).toBe('mismatch');
    expect(surname('Ismayıl', 'ISMAYIL')).toBe('match');
    expect(surname('ismayil', 'İSMAYIL')).toBe('mismatch');
  });

  it('Every character of the Basic Multilingual Plane, presented as is against the register\'s upper, lower and az-upper case of it. Result: the same verdict as comparing by String.prototype.toLocaleUpperCase("az")', () => {
    const byLocale = (v: string) => v.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleUpperCase('az');
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const presented = `a${String.fromCharCode(c)}i`;
      for (const registered of [presented.toLocaleUpperCase('az'), presented.toUpperCase(), presented.toLowerCase()]) {
        const got = matchIdentity({ ...request(), surname: presented }, { ...record, surname: registered }, '2026-03-10').fields.surname;
        const expected = byLocale(presented) === byLocale(registered) ? 'match' : 'mismatch';
        if (got !== expected) throw new Error(`U+${c.toString(16)} against ${JSON.stringify(registered)}: ${got}, by locale ${expected}`);
      }
    }
  });

  it('The register has no such person. Result: found false, every field mismatch', () => {
    expect(notFoundVerdict(request())).toEqual({ found: false, fields: { surname: 'mismatch', givenName: 'mismatch', patronymic: 'mismatch', birthDate: 'mismatch', documentNumber: 'mismatch' }, documentStatus: 'not-matching' });
  });
});
