/**
 * The agencies' side (statute 6.1.19, 7.2.5), on the embedded hub as `npm start` runs it (its own
 * PostgreSQL, in-process delivery loop, mock agencies):
 * - agency.events.delivered.rps: decisions entering legal force, each addressed to 20 subscribed
 *   agencies (20 outbox rows written in the in-force transaction), delivered as signed callbacks
 *   to 20 real HTTP endpoints that verify the hub's signature and acknowledge with their own;
 *   BENCH_TOTAL events in one burst, from the first commit to the last acknowledgement.
 * - agency.events.latency.{p50,p99}: the same at a steady 200 events/s (10 decisions/s × 20
 *   agencies) for 5 s: commit of the in-force transaction → the agency's acknowledgement received.
 * - agency.soap.listDecisions.rps: the bank's signed SOAP listDecisions (WS-Security verified
 *   against its pinned certificate, the access rules applied, the answer signed by the hub), 16 in flight.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { canonicalBytes, newNonce } from '../../core/orders';
import { appendOutbox, listAgencies, syncAgencies } from '../../core/store';
import { signDetached } from '../../signing/cms';
import type { PkiSummary } from '../../signing/test-ca';
import { soapPost, soapRequest, type TestAgency } from '../support/agency-client';
import { startAgencyReceiver, type AgencyReceiver } from '../support/agency-receiver';
import { freePort } from '../support/ports';
import { load, percentile, round, type Figure } from './figures';

const AGENCIES = 20;
const JUDGE = '2JD4K7M';
const CASE = '2(101)-1234/2026';

async function until(pred: () => boolean, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('agency bench: events not delivered in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function run(): Promise<Figure[]> {
  const total = Number(process.env.BENCH_TOTAL ?? 3000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-agency-bench-'));
  const port = await freePort();
  const hub: RunningHub = await startHub(loadConfig({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'fatal', MOCK_ENFORCEMENT_STEP_MS: '0' }));
  const url = `http://127.0.0.1:${port}`;
  const receivers: AgencyReceiver[] = [];
  try {
    const summary = JSON.parse(fs.readFileSync(path.join(dataDir, 'pki', 'pki.json'), 'utf8')) as PkiSummary;
    const provider = (id: string) => summary.providers.find((p) => p.id === id)!;
    const key = (id: string) => ({ certPem: fs.readFileSync(provider(id).cert, 'utf8'), key: createPrivateKey(fs.readFileSync(provider(id).key)) });
    const store = hub.core!.store;

    // 20 subscribed agencies, each a real callback endpoint with its pinned certificate.
    const bankKey = key('banks');
    for (let i = 0; i < AGENCIES; i++) receivers.push(await startAgencyReceiver({ hubCertPem: hub.pki.hub.certPem, signer: bankKey }));
    const pin = createHash('sha256').update(new X509Certificate(bankKey.certPem).raw).digest('hex');
    const existing = (await listAgencies(store)).filter((a) => a.active).map(({ active: _a, ...a }) => a);
    const bench = receivers.map((r, i) => ({
      id: `bench-agency-${String(i + 1).padStart(2, '0')}`, memberId: `AZ/GOV/99000000${String(i + 10)}/court-events`, certSha256: pin, callbackUrl: r.url,
      rules: existing[0].rules,
    }));
    await syncAgencies(store, [...existing, ...bench]);
    await new Promise((r) => setTimeout(r, 5500)); // the delivery's directory cache re-reads every 5 s

    let decisionNo = 0;
    const commitAt = new Map<string, number>();
    const inForce = async () => {
      const decisionId = `DEC-BENCH-${++decisionNo}`;
      const written = await store.transaction((tx) => appendOutbox(tx, bench.map((a) => ({ decisionId, agencyId: a.id, type: 'decision-in-force' as const, payload: { decisionId, caseNumber: CASE, kind: 'judgment', actions: ['arrest-accounts'] } }))));
      const t = Date.now();
      for (const w of written) commitAt.set(w.eventId, t);
    };
    const received = () => receivers.reduce((n, r) => n + r.received.length, 0);

    // Burst: throughput.
    const decisions = Math.max(1, Math.round(total / AGENCIES));
    const t0 = Date.now();
    for (let i = 0; i < decisions; i++) await inForce();
    await until(() => received() >= decisions * AGENCIES, 300_000);
    const burstSecs = (Date.now() - t0) / 1000;
    const figures: Figure[] = [{ name: 'agency.events.delivered.rps', value: round((decisions * AGENCIES) / burstSecs, 1), unit: 'events/s' }];

    // Steady 200 events/s: latency from the in-force commit to the agency's acknowledgement.
    for (const r of receivers) r.received.length = 0;
    commitAt.clear();
    const steady = 50;
    const ts = Date.now();
    for (let i = 0; i < steady; i++) {
      await inForce();
      const wait = ts + (i + 1) * 100 - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await until(() => received() >= steady * AGENCIES, 120_000);
    const lat = receivers.flatMap((r) => r.received.map((e) => e.at - (commitAt.get(e.eventId) ?? e.at))).sort((a, b) => a - b);
    figures.push({ name: 'agency.events.latency.p50', value: round(percentile(lat, 50), 1), unit: 'ms' });
    figures.push({ name: 'agency.events.latency.p99', value: round(percentile(lat, 99), 1), unit: 'ms' });

    // SOAP listDecisions as the bank, over 20 decisions in force addressed to it.
    const judge = summary.people.find((p) => p.fin === JUDGE)!;
    const judgeKey = { certPem: fs.readFileSync(judge.cert, 'utf8'), key: createPrivateKey(fs.readFileSync(judge.key)) };
    const window = () => ({ issuedAt: new Date(Date.now() - 30_000).toISOString(), expiresAt: new Date(Date.now() + 600_000).toISOString(), nonce: newNonce() });
    const signed = async (k: string, doc: object) => ({ [k]: doc, signature: (await signDetached(canonicalBytes(doc), judgeKey)).toString('base64') });
    const post = (p: string, b: unknown) => fetch(`${url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) }).then(async (r) => { await r.arrayBuffer(); return r.status; });
    for (let i = 1; i <= 20; i++) {
      const id = `DEC-BENCH-SOAP-${i}`;
      const doc = {
        decisionId: id, caseNumber: CASE, courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: new Date(Date.now() - 86_400_000).toISOString(), judgeFin: JUDGE,
        parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu' }, { role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı' }],
        operativePart: 'Arrest the accounts of the defendant up to 1500 AZN.', textSha256: 'cd'.repeat(32), toEnforce: false,
        addressees: [{ agencyId: 'demo-bank', actions: ['arrest-accounts'], subjects: ['1AB2C3D'] }], ...window(),
      };
      const s = await signed('decision', doc);
      if ((await post('/api/v1/decisions', s)) !== 201) throw new Error('agency bench: decision not registered');
      const act = { decisionId: id, caseNumber: CASE, legalForceAt: new Date(Date.now() - 60_000).toISOString(), decisionSignatureSha256: createHash('sha256').update(Buffer.from(s.signature as string, 'base64')).digest('hex'), ...window() };
      if ((await post(`/api/v1/decisions/${id}/legal-force`, await signed('inForce', act))) !== 200) throw new Error('agency bench: decision not in force');
    }
    const bank: TestAgency = { xroad: { instance: 'AZ', memberClass: 'COM', memberCode: '1300000001', subsystemCode: 'court-orders' }, signer: bankKey };
    figures.push(...(await load('agency.soap.listDecisions', async () => {
      const r = await soapPost(url, soapRequest(bank, 'listDecisions', '<p:after>0</p:after>'));
      if (r.status !== 200) throw new Error(`listDecisions ${r.status}`);
    }, { total: Math.min(total, 2000), concurrency: 16, warmup: 50 })).filter((f) => f.name.endsWith('.rps') || f.name.endsWith('.errors')));
    return figures;
  } finally {
    for (const r of receivers) await r.close();
    await hub.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
