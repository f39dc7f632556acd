/**
 * Every string a person signs is constrained: by a pattern, a format or an enum. Free text
 * (names, a purpose) has the TEXT patterns, which refuse what PostgreSQL cannot store (NUL) and
 * what UTF-8 cannot carry (unpaired surrogates), so what is stored is exactly what was signed.
 */
import { HubError } from '../../../../contracts/hub';
import { ACCESS_REPORT_REQUEST_SCHEMA, CASE_DOCUMENT_SCHEMA, EVIDENCE_REQUEST_SCHEMA, ROSTER_DOCUMENT_SCHEMA, parseCaseDocument, parseRosterDocument } from '../../../../core/court/requests.schema';
import { DELEGATION_SCHEMA } from '../../../../core/delegations/delegation.types';
import { IDENTITY_REQUEST_SCHEMA, parseIdentityRequest } from '../../../../core/identity/identity-request';
import { ORDER_SCHEMA, parseOrder } from '../../../../core/orders/order.schema';
import { MULTILINE_TEXT, TEXT, checker, quoteName } from '../../../../core/orders/schema-check';

const SCHEMAS = { ORDER_SCHEMA, IDENTITY_REQUEST_SCHEMA, DELEGATION_SCHEMA, CASE_DOCUMENT_SCHEMA, ROSTER_DOCUMENT_SCHEMA, EVIDENCE_REQUEST_SCHEMA, ACCESS_REPORT_REQUEST_SCHEMA };

/** Paths of string schemas that accept any text: no pattern, format, enum or const. */
function unconstrainedStrings(node: unknown, at = ''): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => unconstrainedStrings(n, `${at}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.type === 'string' && !('pattern' in o) && !('format' in o) && !('enum' in o) && !('const' in o) ? [at || '/'] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => unconstrainedStrings(v, `${at}/${k}`))];
}

function violations(fn: () => unknown): string[] {
  try { fn(); } catch (e) { if (HubError.is(e)) return e.details?.violations as string[]; throw e; }
  return [];
}

const WINDOW = { issuedAt: '2026-03-01T10:00:00Z', expiresAt: '2026-03-01T10:10:00Z', nonce: 'n'.repeat(22) };

describe('Text a person signs', () => {
  it.each(Object.entries(SCHEMAS))('%s: every string is constrained by a pattern, a format or an enum', (_, schema) => {
    expect(unconstrainedStrings(schema)).toEqual([]);
  });

  it.each([
    ['NUL', 'Kərimov\u0000'],
    ['an unpaired high surrogate', 'Kərimov\ud83d'],
    ['an unpaired low surrogate', '\ude00Kərimov'],
    ['DEL', 'Kər\u007fimov'],
    ['a C1 control (NEL)', 'Kər\u0085imov'],
    ['a line feed', 'Kərimov\nOrxan'],
    ['ESC', '\u001b[2J'],
  ])('A roster surname with %s. Result: refused, the violation names the field and the rule, not the value', (_, surname) => {
    const v = violations(() => parseRosterDocument({ persons: [{ fin: '6PR2T5Y', surname, givenName: 'Orxan', role: 'staff', courtId: 'BAKU-NASIMI', active: true }], ...WINDOW }));
    expect(v).toEqual(['/persons/0/surname must not contain control characters (such as NUL) or unpaired surrogates']);
  });

  it('Names as people write them (Azerbaijani letters, apostrophes, quotes, an emoji as a surrogate pair). Result: accepted by the case, roster and identity schemas', () => {
    const name = 'Məmmədov-Ağayev Əli Vəli oğlu "Xəzər" O\'Neil 👍';
    expect(() => parseCaseDocument({ case: { number: '2(101)-1234/2026', courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', judgeFin: null, parties: [{ fin: '5ZK8F3R', name, role: 'plaintiff' }] }, ...WINDOW })).not.toThrow();
    expect(() => parseRosterDocument({ persons: [{ fin: '6PR2T5Y', surname: name, givenName: name, patronymic: name, role: 'staff', courtId: 'BAKU-NASIMI', active: true }], ...WINDOW })).not.toThrow();
    expect(() => parseIdentityRequest({ requestId: 'idv-00000001', caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, surname: name, givenName: name, patronymic: name, birthDate: '1985-04-12', documentNumber: 'AA1234567', ...WINDOW })).not.toThrow();
  });

  it('An order\'s purpose may span lines and hold tabs, but no NUL and no unpaired surrogate', () => {
    const order = (purpose: string) => ({ orderId: '6f1c1a52-6d55-4a8e-9d0f-4a3f2f6f5c11', caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose, ...WINDOW });
    expect(() => parseOrder(order('Identify the plaintiff\n\tfor the hearing of 12 March\r\n'))).not.toThrow();
    expect(violations(() => parseOrder(order('Identify\u0000')))).toEqual(['/purpose must not contain control characters (such as NUL) or unpaired surrogates']);
    expect(violations(() => parseOrder(order('Identify \udbff')))).toEqual(['/purpose must not contain control characters (such as NUL) or unpaired surrogates']);
  });

  it('The two text patterns differ only in tab, LF and CR', () => {
    const text = new RegExp(TEXT, 'u');
    const multi = new RegExp(MULTILINE_TEXT, 'u');
    for (let c = 0; c <= 0xa0; c++) {
      const ch = String.fromCharCode(c);
      expect([c, multi.test(ch)]).toEqual([c, text.test(ch) || ['\t', '\n', '\r'].includes(ch)]);
    }
  });
});

describe('Violations of a hostile document', () => {
  const check = checker<unknown>({ type: 'object', additionalProperties: false, properties: { a: { type: 'array', maxItems: 20_000, items: { type: 'object', required: ['x', 'y'], properties: { x: { type: 'integer' }, y: { type: 'integer' } } } } } }, 'test document');

  it('A document breaking 20,000 rules. Result: the first 50 listed with the total; the message names three and how many more', () => {
    let err: HubError | undefined;
    try { check({ a: Array(10_000).fill({}) }); } catch (e) { err = e as HubError; }
    expect(err?.details?.violations).toHaveLength(50);
    expect(err?.details?.violationCount).toBe(20_000);
    expect(err?.message).toMatch(/^The test document does not match the contract: [^;]+; [^;]+; [^;]+ \(and 19997 more\)$/);
  });

  it('A list longer than its schema allows, nested or not. Result: the length refused alone, before any item is checked', () => {
    const nested = checker<unknown>({ type: 'object', properties: { a: { type: 'array', maxItems: 3, items: { type: 'object', properties: { b: { type: 'array', maxItems: 1, items: { type: 'integer' } } } } } } }, 'nested document');
    expect(violations(() => nested({ a: Array(50_000).fill('not an object') }))).toEqual(['/a must NOT have more than 3 items']);
    expect(violations(() => nested({ a: [{ b: [1] }, { b: ['x', 'y', 'z'] }] }))).toEqual(['/a/1/b must NOT have more than 1 items']);
  });

  it('An unknown property whose name is long, has quotes, NUL and a right-to-left override. Result: named shortened and escaped', () => {
    expect(violations(() => check({ ['"\u0000\u202e' + 'z'.repeat(100)]: 1 }))).toEqual([`/ must not have the property "\\u0022\\u0000\\u202e${'z'.repeat(29)}"…`]);
    expect(quoteName('orderId')).toBe('"orderId"');
    expect(quoteName('Əli\\')).toBe('"\\u018fli\\u005c"');
  });
});
