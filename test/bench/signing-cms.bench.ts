/**
 * CMS sign / verify cost beside the floor (raw node:crypto sign and verify with the same key)
 * and beside a naive pkijs SignedData.verify. Target: cached verify ≤ 5× raw verify.
 * Run: npx tsc -p tsconfig.build.json && node dist/test/bench/signing-cms.bench.js
 */
import { X509Certificate, createPrivateKey, KeyObject, sign as nodeSign, verify as nodeVerify, webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { signDetached, verifyDetached } from '../../signing/cms';
import { PathValidator } from '../../signing/pki';
import { KeyType, createCrl, createRootCa, issueEndEntity, issueIntermediateCa } from '../../signing/test-ca';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

async function medianUs(iterations: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(); // warm-up (JIT, caches)
  const t: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - s) / 1000);
  }
  t.sort((a, b) => a - b);
  return Math.round(t[Math.floor(t.length / 2)]! * 10) / 10;
}

async function benchKeyType(kt: KeyType, n: number): Promise<BenchResult[]> {
  const root = await createRootCa({ subject: { commonName: `BENCH Root ${kt}` }, keyType: kt });
  const ca = await issueIntermediateCa(root, { subject: { commonName: `BENCH CA ${kt}` } });
  const ee = await issueEndEntity(ca, { subject: { commonName: 'BENCH Judge' }, fin: 'BENCH01', keyUsage: ['nonRepudiation'] });
  const crls = [(await createCrl(root, [])).pem, (await createCrl(ca, [])).pem];
  const validator = new PathValidator({ anchors: [root.certPem], intermediates: [ca.certPem], crls });
  const key: KeyObject = createPrivateKey(ee.keyPem);
  const pub = new X509Certificate(ee.certPem).publicKey;
  const content = Buffer.from(JSON.stringify({ case: '2-1(101)-1/2026', categories: ['11.2.13', '11.2.22'], nonce: 'bench' }));
  const sig = await signDetached(content, { certPem: ee.certPem, key });
  await verifyDetached(content, sig, validator, { requireKeyUsage: ['nonRepudiation'] }); // fills the caches

  const opt = kt === 'ec' ? { key, dsaEncoding: 'der' as const } : key;
  const vopt = kt === 'ec' ? { key: pub, dsaEncoding: 'der' as const } : pub;
  const rawSig = nodeSign('sha256', content, opt);

  const rawSign = await medianUs(n, () => nodeSign('sha256', content, opt));
  const rawVerify = await medianUs(n, () => nodeVerify('sha256', content, vopt, rawSig));
  const cmsSign = await medianUs(n, () => signDetached(content, { certPem: ee.certPem, key }));
  const cmsVerify = await medianUs(n, () => verifyDetached(content, sig, validator, { requireKeyUsage: ['nonRepudiation'] }));

  // Naive: pkijs parses everything and verifies signature + chain (without revocation data it
  // would pass silently: docs/conventions.md, pkijs; measured here only for cost).
  pkijs.setEngine('bench', new pkijs.CryptoEngine({ name: 'bench', crypto: webcrypto as never }));
  const trusted = [pkijs.Certificate.fromBER(new Uint8Array(root.cert.rawData)), pkijs.Certificate.fromBER(new Uint8Array(ca.cert.rawData))];
  const data = new Uint8Array(content).buffer;
  const naive = await medianUs(Math.max(20, Math.floor(n / 5)), async () => {
    const ci = pkijs.ContentInfo.fromBER(new Uint8Array(sig).buffer);
    const sd = new pkijs.SignedData({ schema: ci.content });
    const ok = await sd.verify({ signer: 0, data, checkChain: true, trustedCerts: trusted });
    if (!ok) throw new Error('naive verify failed');
  });

  return [
    { name: `cms.sign.${kt}`, value: cmsSign, unit: 'us' },
    { name: `raw.sign.${kt}`, value: rawSign, unit: 'us' },
    { name: `cms.verify.cached.${kt}`, value: cmsVerify, unit: 'us' },
    { name: `raw.verify.${kt}`, value: rawVerify, unit: 'us' },
    { name: `pkijs.verify.naive.${kt}`, value: naive, unit: 'us' },
    { name: `cms.verify.cached.${kt}.x-raw`, value: Math.round((cmsVerify / rawVerify) * 100) / 100, unit: 'ratio' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  return [...(await benchKeyType('ec', 1000)), ...(await benchKeyType('rsa', 500))];
}

if (require.main === module) {
  run().then(
    (rs) => rs.forEach((r) => console.log(`${r.name} ${r.value} ${r.unit}`)),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
