/** The lookup order: its schema lists every violation at once without echoing values; its canonical bytes are RFC 8785. */
import { HubError } from '../../../../contracts/hub';
import { canonicalBytes, createOrder, parseOrder, parseSignedEnvelope } from '../../../../core/orders';
import { parseCaseDocument, parseRosterDocument } from '../../../../core/court/requests.schema';
import { parseDelegation } from '../../../../core/delegations';
import { parseIdentityRequest } from '../../../../core/identity';

const order = () => createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22', '11.2.3'], now: new Date('2026-03-01T10:00:00Z') });

describe('lookup order', () => {
  it('A fresh order passes its own schema and has a request basis, a UUID and a 15-minute window', () => {
    const o = order();
    expect(parseOrder(o)).toBe(o);
    expect(o.basis).toEqual({ kind: 'request' });
    expect(Date.parse(o.expiresAt) - Date.parse(o.issuedAt)).toBe(15 * 60_000);
  });

  it('Canonical bytes do not depend on key order (RFC 8785 §3.2.3)', () => {
    const o = order();
    const shuffled = Object.fromEntries(Object.entries(o).reverse());
    expect(canonicalBytes(shuffled).equals(canonicalBytes(o))).toBe(true);
    expect(canonicalBytes(o).toString()).toMatch(/^\{"basis":\{"kind":"request"\},"caseNumber":/);
  });

  it('An order with three faults. Result: one HUB_ERR_VALIDATION_BAD_REQUEST listing all three, no value echoed', () => {
    const bad = { ...order(), subject: { fin: 'ZZ-SECRET-1' }, categories: ['11.2.22', '11.2.22'], extra: 1 } as Record<string, unknown>;
    delete bad.nonce;
    const err = (() => { try { parseOrder(bad); } catch (e) { return e; } })() as HubError;
    expect(HubError.is(err, 'HUB_ERR_VALIDATION_BAD_REQUEST')).toBe(true);
    const v = (err.details?.violations as string[]).join('\n');
    expect(v).toMatch(/nonce/);
    expect(v).toMatch(/\/categories/);
    expect(v).toMatch(/extra/);
    expect(v).toMatch(/\/subject/);
    expect(JSON.stringify(err.toJSON())).not.toContain('ZZ-SECRET-1');
  });

  it('The wire form accepts only {order, signature} with base64 DER', () => {
    expect(() => parseSignedEnvelope({ order: {}, signature: 'not base64!' }, 'order')).toThrow(HubError);
    expect(() => parseSignedEnvelope({ order: {}, signature: 'MAMCAQE=', x: 1 }, 'order')).toThrow(/must not have the member "x"/);
    expect(() => parseSignedEnvelope([], 'order')).toThrow(HubError);
    expect(parseSignedEnvelope({ order: { a: 1 }, signature: Buffer.alloc(20, 0x30).toString('base64') }, 'order').document).toEqual({ a: 1 });
  });

  it('The other signed documents compile and refuse an empty object with their required fields named', () => {
    for (const parse of [parseDelegation, parseIdentityRequest, parseCaseDocument, parseRosterDocument]) {
      expect(() => parse({})).toThrow(/must have required property/);
    }
  });
});
