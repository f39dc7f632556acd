/** The chain's hash input: the canonical JSON of a record's fields, written out member by member. */
import { canonicalJson } from '../../../../signing/canonical-json';
import { chainedCanonical, eventCanonical, eventTemplate, type ChainedEvent } from '../../../../core/audit/event-hash';

const generic = (e: ChainedEvent) => canonicalJson({
  v: 1, seq: e.seq, at: e.at, type: e.type, requestId: e.requestId, actor: e.actor, subject: e.subject,
  caseNumber: e.caseNumber, categories: e.categories, outcome: e.outcome, details: e.details, prevHash: e.prevHash,
});

const event: ChainedEvent = {
  seq: 42, at: '2026-11-26T06:32:30.499Z', type: 'provider-call-ended', requestId: 'req-1', actor: 'a'.repeat(64), subject: 'b'.repeat(64),
  caseNumber: '2(101)-1234/2026', categories: ['11.2.22', '11.2.3'], outcome: 'ok',
  details: { orderId: 'o-1', status: 'ok', nested: { z: 1, a: [true, null, 'é\u2028"'] }, Upper: 'x' }, prevHash: 'c'.repeat(64),
};

describe('Audit record hash input', () => {
  it('A record with every field, nested details with keys in no order, quotes and non-ASCII. Result: the same bytes as canonicalJson of its fields', () => {
    expect(eventCanonical(event)).toBe(generic(event));
  });

  it('A record without actor, subject or case (nulls) and with no categories or details. Result: the same bytes as canonicalJson of its fields', () => {
    const e = { ...event, actor: null, subject: null, caseNumber: null, categories: [], details: {} };
    expect(eventCanonical(e)).toBe(generic(e));
  });

  it('A record whose field is missing (undefined). Result: left out, as canonicalJson leaves it out, never written as "undefined"', () => {
    const e = { ...event, caseNumber: undefined } as unknown as ChainedEvent;
    expect(eventCanonical(e)).toBe(generic(e));
    expect(eventCanonical(e)).not.toContain('caseNumber');
  });

  it('One template made when the event is queued, chained at two places in the chain. Result: each the same bytes as canonicalJson of the fields with that seq and prevHash', () => {
    const t = eventTemplate(event);
    for (const [seq, prevHash] of [[1, '0'.repeat(64)], [987654321, 'f'.repeat(64)]] as const) {
      expect(chainedCanonical(t, seq, prevHash)).toBe(generic({ ...event, seq, prevHash }));
    }
  });
});
