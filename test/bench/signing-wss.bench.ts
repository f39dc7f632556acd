/**
 * WS-Security sign / verify of a ~7 KB EHİS SOAP message, beside the naive library
 * calls (node-soap WSSecurityCert, xml-crypto + xmldom) and the floor: node:crypto sign / verify
 * with the same key over a SignedInfo-sized input. Medians in milliseconds.
 */
import { DOMParser } from '@xmldom/xmldom';
import { sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { WSSecurityCert } from 'soap';
import { SignedXml } from 'xml-crypto';
import { MemoryReplayCache, signEnvelope, verifyEnvelope } from '../../signing/wss';
import { HUB_REF_IDS, testEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

export interface BenchResult { name: string; value: number; unit: string }

const XROAD_HEADER_NAMES = ['xrd:client', 'xrd:service', 'xrd:id', 'xrd:userId', 'xrd:issue', 'xrd:protocolVersion'];

async function median(iterations: number, fn: (i: number) => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(i); // warm-up (JIT, caches)
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function naiveVerify(xml: string, s: TestSigner): boolean {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const sig = doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature')[0];
  const sx = new SignedXml({ publicCert: s.certPem, getCertFromKeyInfo: () => null, idMode: 'wssecurity' });
  sx.loadSignature(sig as never);
  return sx.checkSignature(xml);
}

export async function run(): Promise<BenchResult[]> {
  const [rsa, ec] = await Promise.all([testSigner('rsa', 'Bench agency'), testSigner('ec', 'Bench agency')]);
  const xml = testEnvelope({ records: 35 });
  const out: BenchResult[] = [];
  const ms = (name: string, value: number) => out.push({ name, value: Math.round(value * 1000) / 1000, unit: 'ms' });
  out.push({ name: 'wss.message.size', value: Buffer.byteLength(xml), unit: 'bytes' });

  for (const [label, s] of [['rsa2048', rsa], ['ecdsa-p256', ec]] as const) {
    const signed = signEnvelope(xml, s, { refIds: HUB_REF_IDS });
    const trust = trustOnly(s);
    // Fresh message ids per iteration so the replay cache is exercised, not tripped.
    const messages = Array.from({ length: 400 }, () => signEnvelope(testEnvelope({ records: 35 }), s, { refIds: HUB_REF_IDS }));
    const cache = new MemoryReplayCache();
    let next = 0; // warm-up + measured runs each take a fresh message (400 = 20 + 380)
    const si = Buffer.from(/<ds:SignedInfo[\s\S]*<\/ds:SignedInfo>/.exec(signed)![0]);
    const opts = label === 'rsa2048' ? s.key : { key: s.key, dsaEncoding: 'ieee-p1363' as const };
    const pub = label === 'rsa2048' ? s.publicKey : { key: s.publicKey, dsaEncoding: 'ieee-p1363' as const };
    const sigValue = cryptoSign('sha256', si, opts);

    ms(`wss.sign.ours.${label}`, await median(300, () => signEnvelope(xml, s, { refIds: HUB_REF_IDS })));
    ms(`wss.sign.floor-node-crypto.${label}`, await median(300, () => cryptoSign('sha256', si, opts)));
    ms(`wss.verify.ours.${label}`, await median(380, () => verifyEnvelope(messages[next++], { trust, replayCache: cache })));
    ms(`wss.verify.floor-node-crypto.${label}`, await median(500, () => cryptoVerify('sha256', si, pub, sigValue)));
  }

  ms('wss.sign.naive-node-soap-WSSecurityCert.rsa2048', await median(100, () =>
    new WSSecurityCert(rsa.keyPem, rsa.certPem, '', { signerOptions: { idMode: 'wssecurity' }, additionalReferences: XROAD_HEADER_NAMES })
      .postProcess(xml, 'SOAP-ENV')));
  const signed = signEnvelope(xml, rsa, { refIds: HUB_REF_IDS });
  if (!naiveVerify(signed, rsa)) throw new Error('naive verify failed');
  ms('wss.verify.naive-xml-crypto-xmldom.rsa2048', await median(60, () => naiveVerify(signed, rsa)));
  return out;
}

if (require.main === module) {
  process.removeAllListeners('warning'); // node-soap's deprecation notice would interleave with figures
  run().then((rs) => { for (const r of rs) console.log(`${r.name} ${r.value} ${r.unit}`); }, (e) => { console.error(e); process.exit(1); });
}
