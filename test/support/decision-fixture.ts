/** Decisions of the demo case registered and entered into legal force through the hub's HTTP API, signed by its judge. */
import { createHash, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import type { PkiSummary } from '../../signing/test-ca';
import type { EmbeddedHub } from './embedded-hub';
import type { TestAgency } from './agency-client';

export const DEMO_CASE = '2(101)-1234/2026';
export const DEMO_JUDGE = '2JD4K7M';

export async function registerInForce(h: EmbeddedHub, id: string, over: Record<string, unknown>): Promise<{ signature: string }> {
  const doc = {
    decisionId: id, caseNumber: DEMO_CASE, courtId: 'BAKU-NASIMI', kind: 'judgment', adoptedAt: new Date(Date.now() - 86_400_000).toISOString(), judgeFin: DEMO_JUDGE,
    parties: [{ role: 'plaintiff', fin: '5ZK8F3R', name: 'Məmmədov Əli Vəli oğlu' }, { role: 'defendant', fin: '1AB2C3D', name: 'Həsənova Leyla Həsən qızı' }],
    operativePart: 'Recover 1500 AZN from the defendant.', textSha256: 'cd'.repeat(32), toEnforce: true, addressees: [], ...h.window(), ...over,
  };
  const signed = await h.signAs(DEMO_JUDGE, 'decision', doc);
  const post = (p: string, b: unknown) => fetch(`${h.url}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
  const r1 = await post('/api/v1/decisions', signed);
  if (r1.status !== 201) throw new Error(`decision ${id} not registered: ${await r1.text()}`);
  const act = { decisionId: id, caseNumber: DEMO_CASE, legalForceAt: new Date(Date.now() - 60_000).toISOString(), decisionSignatureSha256: createHash('sha256').update(Buffer.from(signed.signature as string, 'base64')).digest('hex'), ...h.window() };
  const r2 = await post(`/api/v1/decisions/${id}/legal-force`, await h.signAs(DEMO_JUDGE, 'inForce', act));
  if (r2.status !== 200) throw new Error(`decision ${id} not in force: ${await r2.text()}`);
  return { signature: signed.signature as string };
}

/** An agency of the directory signing with the demo PKI's certificate of `certName`. */
export function demoAgency(summary: PkiSummary, certName: string, memberClass: string, memberCode: string, subsystemCode: string): TestAgency & { certFile: string; keyFile: string } {
  const p = summary.providers.find((x) => x.id === certName)!;
  return { xroad: { instance: 'AZ', memberClass, memberCode, subsystemCode }, signer: { certPem: fs.readFileSync(p.cert, 'utf8'), key: createPrivateKey(fs.readFileSync(p.key)) }, certFile: p.cert, keyFile: p.key };
}
