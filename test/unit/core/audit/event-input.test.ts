/**
 * What the trail stores for an event, without a database: keyed hashes instead of identifiers,
 * a hash that moves with every field, and no personal data let through in the details.
 */
import { HubError } from '../../../../contracts/hub';
import { hashEvent, type ChainedEvent } from '../../../../core/audit/event-hash';
import { prepareEvent } from '../../../../core/audit/event-input';
import { checkHmacKey, identifierHmac } from '../../../../core/audit/identifiers';
import { sampleEvent, TEST_HMAC_KEY } from './audit-fixtures';

const AT = new Date('2026-04-01T09:30:00.123Z');

describe('audit event input', () => {
  it('A judge looks up a party. Result: the stored event holds keyed hashes, never the FINs', () => {
    const p = prepareEvent(sampleEvent(1), TEST_HMAC_KEY, AT);
    expect(p.actor).toBe(identifierHmac(TEST_HMAC_KEY, { fin: '2JD4K7M' }));
    expect(p.subject).toBe(identifierHmac(TEST_HMAC_KEY, { fin: '1AB2C3D' }));
    expect(JSON.stringify(p)).not.toMatch(/2JD4K7M|1AB2C3D/);
    expect(p.at).toBe('2026-04-01T09:30:00.123Z');
  });

  it('The same FIN is written in lower case or with spaces. Result: the same keyed hash; a VÖEN never collides with a FIN', () => {
    expect(identifierHmac(TEST_HMAC_KEY, { fin: ' 1ab2c3d ' })).toBe(identifierHmac(TEST_HMAC_KEY, { fin: '1AB2C3D' }));
    expect(identifierHmac(TEST_HMAC_KEY, { voen: '1401234561' })).not.toBe(identifierHmac(TEST_HMAC_KEY, { fin: '1401234561' }));
    expect(identifierHmac(Buffer.from('another-key-of-sixteen-bytes'), { fin: '1AB2C3D' })).not.toBe(identifierHmac(TEST_HMAC_KEY, { fin: '1AB2C3D' }));
  });

  it('The HMAC key in config is too short to resist guessing all FINs. Result: HUB_ERR_CONFIG_INVALID', () => {
    expect(() => checkHmacKey('short')).toThrow(HubError);
  });

  it.each([
    ['a personal-data key', { details: { name: 'Həsənova Leyla' } }],
    ['a nested personal-data key', { details: { answer: { birthDate: '1990-01-01' } } }],
    ['the subject FIN inside a value', { details: { note: 'looked up 1AB2C3D' } }],
    ['the actor FIN inside a value', { details: { by: ['2jd4k7m'] } }],
    ['an unknown event type', { type: 'lookup-done' as never }],
    ['a missing request id', { requestId: '' }],
    ['a category that is not a section number', { categories: ['bank accounts'] }],
  ])('An event carries %s. Result: HUB_ERR_AUDIT_INVALID_EVENT', (_what, over) => {
    const err = (() => { try { prepareEvent(sampleEvent(1, over), TEST_HMAC_KEY, AT); } catch (e) { return e; } })();
    expect(HubError.is(err, 'HUB_ERR_AUDIT_INVALID_EVENT')).toBe(true);
    expect(JSON.stringify((err as HubError).toJSON())).not.toMatch(/1AB2C3D|2JD4K7M|Həsənova/i);
  });

  describe('event hash', () => {
    const base: ChainedEvent = {
      seq: 17, at: AT.toISOString(), type: 'order-authorized', requestId: 'r', actor: 'a', subject: 's',
      caseNumber: '2(101)-1234/2026', categories: ['11.2.22'], outcome: 'authorized', details: { k: 1 }, prevHash: 'p',
    };
    it.each([
      ['seq', { seq: 18 }], ['at', { at: '2026-04-01T09:30:00.124Z' }], ['type', { type: 'order-refused' as const }],
      ['requestId', { requestId: 'r2' }], ['actor', { actor: 'b' }], ['subject', { subject: null }],
      ['caseNumber', { caseNumber: '2(101)-1235/2026' }], ['categories', { categories: ['11.2.13'] }],
      ['outcome', { outcome: 'refused' }], ['details', { details: { k: 2 } }], ['prevHash', { prevHash: 'q' }],
    ])('Someone changes the %s of a record. Result: its hash changes', (_f, over) => {
      expect(hashEvent({ ...base, ...over })).not.toBe(hashEvent(base));
    });

    it('The details come back from the database with their keys in another order. Result: the same hash', () => {
      expect(hashEvent({ ...base, details: { a: 1, b: [1, 2] } })).toBe(hashEvent({ ...base, details: { b: [1, 2], a: 1 } }));
    });
  });
});
