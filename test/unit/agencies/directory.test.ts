/** The agencies directory: the shipped file is valid; a broken one is refused with every violation; pins resolve or the agency is left out. */
import { X509Certificate } from 'node:crypto';
import { HubError } from '../../../contracts/hub';
import { loadDirectory, parseDirectory, resolveDirectory } from '../../../agencies';

const ENTRY = {
  id: 'demo-bank', title: { az: 'Bank', en: 'Bank' }, xroad: { instance: 'AZ', memberClass: 'COM', memberCode: '1', subsystemCode: 'x' },
  certificate: 'sha256:' + 'ab'.repeat(32), rules: { decisionKinds: ['judgment'], actions: ['arrest-accounts'], enforcement: false, partyFields: ['role'], operativePart: false, methods: ['getDecision'] },
};

describe('agencies directory', () => {
  it('The directory shipped with the hub. Result: valid; the enforcement service, a bank, the migration service and the property register', () => {
    const entries = loadDirectory();
    expect(entries.map((e) => e.id)).toEqual(['enforcement', 'demo-bank', 'migration', 'property']);
    expect(entries.filter((e) => e.rules.enforcement).map((e) => e.id)).toEqual(['enforcement']);
    expect(entries.filter((e) => e.rules.methods.includes('reportEnforcementStatus')).map((e) => e.id)).toEqual(['enforcement']);
  });

  it('The owner writes an unknown method, a bad pin and an unknown member. Result: HUB_ERR_CONFIG_INVALID naming all three', () => {
    const bad = { agencies: [{ ...ENTRY, certificate: 'from-the-message', extra: 1, rules: { ...ENTRY.rules, methods: ['deleteDecision'] } }] };
    let err: unknown;
    try { parseDirectory(bad); } catch (e) { err = e; }
    expect(HubError.is(err, 'HUB_ERR_CONFIG_INVALID')).toBe(true);
    expect((err as HubError).details?.violations).toHaveLength(3);
  });

  it('Two entries with the same id or X-Road member. Result: refused', () => {
    expect(() => parseDirectory({ agencies: [ENTRY, { ...ENTRY, id: 'other-bank' }] })).toThrow(/listed twice/);
    expect(() => parseDirectory({ agencies: [ENTRY, { ...ENTRY, xroad: { ...ENTRY.xroad, memberCode: '2' } }] })).toThrow(/listed twice/);
  });

  it('A pki: pin the PKI does not have. Result: that agency is left out, the others resolved; a callback from env or from the caller', () => {
    const entries = parseDirectory({ agencies: [ENTRY, { ...ENTRY, id: 'ghost', xroad: { ...ENTRY.xroad, memberCode: '9' }, certificate: 'pki:nobody', callbackEnv: 'GHOST_URL' }] });
    const r = resolveDirectory(entries, { pkiCert: () => undefined, env: {}, callbacks: { 'demo-bank': 'http://127.0.0.1:1/cb' } });
    expect(r.skipped).toEqual(['ghost']);
    expect(r.agencies).toEqual([expect.objectContaining({ id: 'demo-bank', memberId: 'AZ/COM/1/x', certSha256: 'ab'.repeat(32), callbackUrl: 'http://127.0.0.1:1/cb' })]);
    expect(X509Certificate).toBeDefined();
  });
});
