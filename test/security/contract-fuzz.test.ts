/**
 * Schema-driven fuzzing of contracts/hub/openapi.yaml's POST routes against the embedded hub,
 * with a fixed seed so a failure replays: each route gets a valid document of its kind, then
 * mutated documents — a field removed, replaced by a hostile value of another type or shape,
 * an unknown field added — each one correctly SIGNED by the person who may send it, so the
 * hub's checks past the signature (policy, store, registries) are reached as well. Every answer
 * must be a 2xx or a 4xx HubError with a requestId; never a 5xx.
 */
import { randomUUID } from 'node:crypto';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';
import { send } from '../support/raw-http';

/** FUZZ_SEED / FUZZ_MUTATIONS explore further (e.g. FUZZ_MUTATIONS=1000); the suite runs the fixed default. */
const SEED = Number(process.env.FUZZ_SEED ?? 0x7c0b2e);
const MUTATIONS_PER_ROUTE = Number(process.env.FUZZ_MUTATIONS ?? 60);

/** mulberry32: small, seeded, good enough to pick mutations. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, '', ' ', 'x'.repeat(5000), '\u0000', 'a\u0000b', '\ud800', '\udfff\ud800',
  'Ə'.repeat(300), '👍', '\u202eevil', '\u001b[2J', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '${jndi:ldap://x}', '%00', '\\',
  '2026-02-30T25:61:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '11.2.99', '11.2.0', 'NaN', 'null', '[]', '{}', [], {}, [null], [1, 2, 3],
  { a: { b: { c: 1 } } }, Array(300).fill('11.2.22'), { __proto__: { polluted: true } }, { constructor: { prototype: { polluted: true } } },
  randomUUID(), 'not-a-uuid', '1401234561', '0000000000', '2(101)-1234/2026', '1(1)-1/0000',
];

type Doc = Record<string, unknown>;

function mutate(doc: Doc, rnd: () => number): Doc {
  const copy = JSON.parse(JSON.stringify(doc)) as Doc;
  // Pick a container and a key inside it, descending at random into objects and arrays.
  let node: any = copy;
  for (;;) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[Math.floor(rnd() * keys.length)]!;
    const child = node[k];
    if (child !== null && typeof child === 'object' && rnd() < 0.5) { node = child; continue; }
    const op = rnd();
    if (op < 0.2 && !Array.isArray(node)) delete node[k];
    else if (op < 0.3 && !Array.isArray(node)) node[`x-${Math.floor(rnd() * 1e6)}`] = HOSTILE[Math.floor(rnd() * HOSTILE.length)];
    else node[k] = HOSTILE[Math.floor(rnd() * HOSTILE.length)];
    break;
  }
  return copy;
}

let h: EmbeddedHub;
beforeAll(async () => { h = await startEmbeddedHub(); }, 120_000);
afterAll(async () => { await h?.stop(); });

const FUZZ_CASE = '2(101)-9999/2026';
const routes: { path: string; key: string; signer: string; base: () => Doc }[] = [
  { path: '/api/v1/cases', key: 'case', signer: '8RW7X3A', base: () => ({ case: { number: FUZZ_CASE, courtId: 'BAKU-NASIMI', kind: 'civil', status: 'open', judgeFin: '2JD4K7M', parties: [{ fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu', role: 'plaintiff' }, { voen: '1401234561', name: '"Xəzər Tikinti" MMC', role: 'defendant' }] }, ...h.window() }) },
  { path: '/api/v1/roster', key: 'roster', signer: '8RW7X3A', base: () => ({ persons: [{ fin: 'FZ00001', surname: 'Fuzzov', givenName: 'Test', patronymic: 'Test oğlu', role: 'staff', courtId: 'BAKU-NASIMI', active: true }], ...h.window() }) },
  { path: '/api/v1/lookups', key: 'order', signer: '2JD4K7M', base: () => ({ orderId: randomUUID(), caseNumber: FUZZ_CASE, subject: { fin: '5ZK8F3R' }, categories: ['11.2.22', '11.2.3'], basis: { kind: 'request' }, purpose: 'Identify the plaintiff', ...h.window() }) },
  { path: '/api/v1/delegations', key: 'delegation', signer: '2JD4K7M', base: () => ({ delegationId: `dlg-${randomUUID()}`, caseNumber: FUZZ_CASE, staffFins: ['6PR2T5Y'], validFrom: new Date().toISOString(), validUntil: new Date(Date.now() + 3_600_000).toISOString(), ...h.window() }) },
  { path: '/api/v1/identity-verifications', key: 'request', signer: '6PR2T5Y', base: () => ({ requestId: `idv-${randomUUID()}`, caseNumber: FUZZ_CASE, subject: { fin: '5ZK8F3R' }, surname: 'Məmmədov', givenName: 'Əli', patronymic: 'Vəli oğlu', birthDate: '1985-04-12', documentNumber: 'AA1234567', ...h.window() }) },
  { path: '/api/v1/access-reports', key: 'request', signer: '5ZK8F3R', base: () => ({ subject: { fin: '5ZK8F3R' }, ...h.window() }) },
  { path: '/api/v1/decisions', key: 'decision', signer: '2JD4K7M', base: () => ({ decisionId: `DEC-${randomUUID()}`, caseNumber: FUZZ_CASE, courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: new Date(Date.now() - 3_600_000).toISOString(), judgeFin: '2JD4K7M', parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu' }, { role: 'defendant', voen: '1401234561', name: '"Xəzər Tikinti" MMC' }], operativePart: 'Recover 100 AZN.', textSha256: 'ab'.repeat(32), toEnforce: true, addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1401234561'] }], ...h.window() }) },
];

describe('Seeded mutations of signed documents on every POST route', () => {
  it('The unmutated documents, in order (case, roster, lookup, delegation, identity check, access report, decision). Result: each accepted', async () => {
    for (const r of routes) {
      const a = await send(h.url, 'POST', r.path, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await h.signAs(r.signer, r.key, r.base())) });
      expect({ path: r.path, status: a.status, code: a.json?.error?.code }).toEqual({ path: r.path, status: ['/api/v1/delegations', '/api/v1/decisions'].includes(r.path) ? 201 : 200, code: undefined });
    }
  });

  it.each(routes.map((r) => [r.path, r] as const))(`${MUTATIONS_PER_ROUTE} signed mutations on %s. Result: every answer a 2xx or a 4xx HubError with a requestId`, async (path, r) => {
    const rnd = prng(SEED ^ path.length ^ path.charCodeAt(8));
    const statuses = new Map<number, number>();
    for (let i = 0; i < MUTATIONS_PER_ROUTE; i++) {
      const doc = mutate(r.base(), rnd);
      const a = await send(h.url, 'POST', path, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await h.signAs(r.signer, r.key, doc)) });
      statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      const ok = a.status < 300 || (a.status < 500 && /^HUB_ERR_[A-Z_]+$/.test(a.json?.error?.code ?? '') && typeof a.json.error.requestId === 'string');
      if (!ok) throw new Error(`mutation #${i} on ${path} answered ${a.status}: ${a.text.slice(0, 300)}\ndocument: ${JSON.stringify(doc).slice(0, 600)}`);
    }
    // Most mutations break the schema; some must get past it (the fuzzing reached policy and store).
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    if (process.env.FUZZ_MUTATIONS) process.stdout.write(`${path}: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
  }, 120_000 + MUTATIONS_PER_ROUTE * 500);

  it('After the fuzzing. Result: /health is up and a judge\'s valid lookup answers 200', async () => {
    expect((await send(h.url, 'GET', '/health')).status).toBe(200);
    const order = { orderId: randomUUID(), caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'], basis: { kind: 'request' }, purpose: 'Identify the plaintiff', ...h.window() };
    const a = await send(h.url, 'POST', '/api/v1/lookups', { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(await h.signAs('2JD4K7M', 'order', order)) });
    expect(a.status).toBe(200);
  });
});
