/**
 * CPU the gateway spends on the event loop refusing hostile bodies (bus/http-input.ts, the
 * signed-document schemas): while it runs, /health and every other request wait. The worst body
 * within the budget (10,000 values, each breaking a rule) is the figure to watch.
 */
import { parseCaseDocument, parseRosterDocument } from '../../core/court/requests.schema';
import { parseSignedEnvelope } from '../../core/orders';
import { BODY_LIMITS, jsonShape } from '../../bus/http-input';
import { median, type Figure } from './figures';

const SIG = Buffer.alloc(64, 0x30).toString('base64');
const WINDOW = { issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-01T00:10:00Z', nonce: 'n'.repeat(22) };

/** What the gateway and the court action do with a body, up to the refusal. */
function refuse(body: Buffer, key = 'roster'): void {
  if (jsonShape(body, BODY_LIMITS)) return;
  try {
    const doc = parseSignedEnvelope(JSON.parse(body.toString('utf8')), key).document;
    if (key === 'roster') parseRosterDocument(doc); else parseCaseDocument(doc);
  } catch { /* refused */ }
}
const wire = (key: string, doc: object) => Buffer.from(JSON.stringify({ [key]: doc, signature: SIG }));
const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));

export async function run(): Promise<Figure[]> {
  const deep = Buffer.from(`{"roster":${'['.repeat(500_000)}${']'.repeat(500_000)}}`);
  const items = Buffer.from(`{"roster":{"persons":[${Array(250_000).fill('1').join(',')}]},"signature":"MAMCAQE="}`);
  // Bodies within the budget whose every value breaks a rule: unknown members, unknown members
  // inside list items (a oneOf), wrong types in every field of the longest list allowed.
  const within = [
    wire('roster', { ...keys(BODY_LIMITS.maxValues - 20), ...WINDOW }),
    wire('case', { case: { parties: Array(200).fill(keys(45)) }, ...WINDOW }),
    wire('roster', { persons: Array(500).fill({ fin: 1, surname: 2, givenName: 3, patronymic: 4, role: 5, courtId: 6, active: 7 }), ...WINDOW }),
  ];
  const perShape: number[] = [];
  for (const b of within) perShape.push(await median(() => refuse(b, b.subarray(2, 6).toString() === 'case' ? 'case' : 'roster'), 30));
  return [
    { name: 'gateway.refuse.nested-1mib', value: await median(() => refuse(deep), 50), unit: 'ms' },
    { name: 'gateway.refuse.250k-items', value: await median(() => refuse(items), 50), unit: 'ms' },
    { name: 'gateway.refuse.worst-within-budget', value: Math.max(...perShape), unit: 'ms' },
  ];
}
