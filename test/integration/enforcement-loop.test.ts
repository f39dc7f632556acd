/**
 * The whole loop of statute 6.1.19 on the embedded hub with its mock agencies, as the README
 * walk-through runs it: the judge registers a decision to be enforced, addressed to the bank
 * (arrest accounts) and the migration service (travel ban), and enters it into force; the hub
 * transfers it to the enforcement service over SOAP and pushes signed callbacks; the bank's mock
 * records its arrest order; the enforcement mock reports its progress back through the agency
 * service; the judge reads the status history, and the addressed agencies are told of each change.
 */
import { createHash } from 'node:crypto';
import { startEmbeddedHub, type EmbeddedHub } from '../support/embedded-hub';

jest.setTimeout(120_000);
const CASE = '2(101)-1234/2026';
const JUDGE = '2JD4K7M';
let h: EmbeddedHub;

beforeAll(async () => {
  process.env.MOCK_ENFORCEMENT_STEP_MS = '700';
  h = await startEmbeddedHub({ MOCK_DECISION_CONSUMERS: '1' });
}, 90_000);
afterAll(async () => { delete process.env.MOCK_ENFORCEMENT_STEP_MS; await h?.stop(); });

async function until<T>(f: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('A judge enters a decision to be enforced into force. Result: the enforcement service gets it once over SOAP and reports opened → completed; the bank records its arrest order; the bank and migration hear of its transfer and every status change, in order; the judge sees the history', async () => {
  const consumers = h.hub.mocks!.consumers!;
  const post = async (p: string, b: unknown) => {
    const r = await fetch(`${h.url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
    return { status: r.status, body: (await r.json()) as any };
  };
  const doc = {
    decisionId: 'DEC-LOOP-0001', caseNumber: CASE, courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: new Date(Date.now() - 86_400_000).toISOString(), judgeFin: JUDGE,
    parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu' }, { role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı' }],
    operativePart: 'Recover 3000 AZN from the defendant.', textSha256: 'ab'.repeat(32), toEnforce: true,
    addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }, { agencyId: 'migration', actions: ['travel-ban'], subjects: ['1AB2C3D'] }],
    ...h.window(),
  };
  const signed = await h.signAs(JUDGE, 'decision', doc);
  expect((await post('/api/v1/decisions', signed)).status).toBe(201);
  const act = { decisionId: doc.decisionId, caseNumber: CASE, legalForceAt: new Date(Date.now() - 1000).toISOString(), decisionSignatureSha256: createHash('sha256').update(Buffer.from(signed.signature as string, 'base64')).digest('hex'), ...h.window() };
  expect((await post(`/api/v1/decisions/${doc.decisionId}/legal-force`, await h.signAs(JUDGE, 'inForce', act))).status).toBe(200);

  const bank = consumers.agencies['demo-bank'];
  const order = await until(() => bank.ledger.find((l) => l.decisionId === doc.decisionId));
  expect(order).toMatchObject({ action: 'arrest-accounts', caseNumber: CASE, eventType: 'decision-in-force', seq: 1 });
  // The bank read the decision back (signed getDecision): whom to arrest, minimized to role and FIN.
  const parties = await until(() => order.parties);
  expect(parties).toContainEqual({ role: 'defendant', fin: '1AB2C3D' });
  expect(JSON.stringify(parties)).not.toContain('Həsənova');
  expect(consumers.agencies.migration.ledger.find((l) => l.decisionId === doc.decisionId)).toMatchObject({ action: 'travel-ban' });

  const proceeding = await until(() => consumers.enforcement.proceedings.get(doc.decisionId));
  await until(() => (proceeding.next >= 4 ? true : undefined));
  expect(proceeding.transfers).toBe(1);
  // The bank hears, in order: the decision, its transfer to enforcement, the four status changes.
  const heard = await until(() => { const e = bank.events.filter((x) => x.decisionId === doc.decisionId); return e.length >= 6 ? e : undefined; });
  expect(heard.map((e) => [e.seq, e.type])).toEqual([[1, 'decision-in-force'], [2, 'sent-to-enforcement'], [3, 'enforcement-status-changed'], [4, 'enforcement-status-changed'], [5, 'enforcement-status-changed'], [6, 'enforcement-status-changed']]);
  expect(heard[1].payload).toMatchObject({ proceedingNumber: proceeding.proceedingNumber });

  const req = await h.signAs(JUDGE, 'request', { decisionId: doc.decisionId, ...h.window() });
  const r = await fetch(`${h.url}/api/v1/decisions/${doc.decisionId}/enforcement-status`, { headers: { 'X-Signed-Request': Buffer.from(JSON.stringify(req)).toString('base64') } });
  const status = (await r.json()) as any;
  expect(r.status).toBe(200);
  expect(status.history.map((x: { version: number; status: string }) => [x.version, x.status])).toEqual([[1, 'opened'], [2, 'in-progress'], [3, 'amount-recovered'], [4, 'completed']]);
  expect(status.current).toMatchObject({ status: 'completed', amountRecovered: '3000.00' });
  expect((await h.sql(`SELECT count(*)::int AS n FROM agency_outbox WHERE decision_id = $1 AND state <> 'delivered'`, [doc.decisionId]))[0]).toEqual({ n: 0 });
});
