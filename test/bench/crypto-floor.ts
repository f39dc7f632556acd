import { createHash, createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadHubPki } from '../../bus/hub-pki';
import { attachContent } from '../../core/evidence/cms-attach';
import { canonicalBytes, cmsSigner, cmsVerifier, createOrder } from '../../core/orders';
import { signDetached } from '../../signing/cms';
import type { PkiSummary } from '../../signing/test-ca';
import { MemoryReplayCache, signEnvelope, verifyEnvelope } from '../../signing/wss';
import { HUB_REF_IDS, testEnvelope } from '../support/wss-fixture';
import { round, type Figure } from './figures';

const WARMUP = 30;

/** Median µs of `fn` over n runs after a warm-up; `fn` gets a run number unique across both. */
async function medianUs(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const t: number[] = [];
  for (let i = WARMUP; i < WARMUP + n; i++) {
    const s = process.hrtime.bigint();
    await fn(i);
    t.push(Number(process.hrtime.bigint() - s) / 1000);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}

/**
 * The floor of a signed lookup: what it cannot avoid, each with the hub's own code and the hub's
 * own keys (the demo PKI of `pkiDir`): one CMS verify of the judge's order with a cached path, one
 * evidence CMS signature (attached), the registry message's WS-Security sign (the request) and
 * verify (the agency's signed answer), and the SHA-256 hashes of request, answer and evidence.
 * The court layer's CPU per lookup, less lookups.run's, is compared with this.
 */
export async function cryptoFloor(pkiDir: string, judgeFile: string): Promise<Figure[]> {
  const summary = JSON.parse(fs.readFileSync(path.join(pkiDir, 'pki.json'), 'utf8')) as PkiSummary;
  const pki = loadHubPki(summary);
  const judge = {
    certPem: fs.readFileSync(path.join(pkiDir, `people/${judgeFile}.crt.pem`), 'utf8'),
    key: createPrivateKey(fs.readFileSync(path.join(pkiDir, `people/${judgeFile}.key.pem`))),
  };
  const order = createOrder({ caseNumber: '2(101)-1234/2026', subject: { fin: '5ZK8F3R' }, categories: ['11.2.22'] });
  const orderBytes = canonicalBytes(order);
  const orderSig = await signDetached(orderBytes, judge);
  const verifier = cmsVerifier(pki.validator);
  const hubSigner = cmsSigner(pki.hubCms, [fs.readFileSync(summary.agencyCa.cert, 'utf8'), fs.readFileSync(summary.qualifiedCa.cert, 'utf8')]);
  // The content of a one-category packet (11.2.22): the order, its signature and the signed answer, about 12.9 kB.
  const packet = Buffer.alloc(12_900, 'x');
  const agency = pki.providerSigner('population')!;
  const trust = pki.providerTrust('population');
  const request = testEnvelope();
  const answers = Array.from({ length: 600 }, () => signEnvelope(testEnvelope({ records: 1 }), agency, { refIds: HUB_REF_IDS }));
  const cache = new MemoryReplayCache();

  const verify = await medianUs(500, () => verifier.verify(orderBytes, orderSig, { requireKeyUsage: ['nonRepudiation'] }));
  const evidence = await medianUs(500, async () => attachContent(await hubSigner.sign(packet), packet));
  const wssSign = await medianUs(500, () => signEnvelope(request, pki.hub, { refIds: HUB_REF_IDS }));
  const wssVerify = await medianUs(answers.length - WARMUP, (i) => verifyEnvelope(answers[i], { trust, replayCache: cache }));
  const hashing = await medianUs(500, () => {
    for (const b of [request, answers[0], packet, orderBytes]) createHash('sha256').update(b).digest();
  });
  const total = verify + evidence + wssSign + wssVerify + hashing;
  return [
    { name: 'floor.cms-verify.cached', value: round(verify, 1), unit: 'us' },
    { name: 'floor.evidence-sign', value: round(evidence, 1), unit: 'us' },
    { name: 'floor.wss-sign', value: round(wssSign, 1), unit: 'us' },
    { name: 'floor.wss-verify', value: round(wssVerify, 1), unit: 'us' },
    { name: 'floor.hashing', value: round(hashing, 1), unit: 'us' },
    { name: 'court.crypto-floor-per-lookup', value: Math.round(total), unit: 'us' },
  ];
}
