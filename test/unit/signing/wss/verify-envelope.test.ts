/** The hub verifies provider answers (docs/security-model.md §5) and hands out only signed content. */
import { WSSecurityCert } from 'soap';
import { MemoryReplayCache, verifyEnvelope } from '../../../../signing/wss';
import { textContent, childElements } from '../../../../signing/xml/light-dom';
import { outcome, signedEnvelope, testEnvelope, testSigner, trustOnly, type TestSigner } from '../../../support/wss-fixture';

describe('verifyEnvelope', () => {
  let rsa: TestSigner;
  beforeAll(async () => { rsa = await testSigner('rsa'); });

  test('Population register answers with a valid signature. Result: headers, payload and signer certificate', async () => {
    const v = await verifyEnvelope(Buffer.from(signedEnvelope(rsa, { id: '0b7c8a6e-1d1b-4d0e-9d6c-2b2f3c4d5e6f' })), { trust: trustOnly(rsa) });
    expect(v.headers).toEqual({
      client: { objectType: 'SUBSYSTEM', xRoadInstance: 'AZ', memberClass: 'GOV', memberCode: '1400000001', subsystemCode: 'court-hub' },
      service: { objectType: 'SERVICE', xRoadInstance: 'AZ', memberClass: 'GOV', memberCode: '1700000022', subsystemCode: 'population', serviceCode: 'getPerson', serviceVersion: 'v1' },
      id: '0b7c8a6e-1d1b-4d0e-9d6c-2b2f3c4d5e6f', userId: 'AZ-FIN-5ZK8F3R', issue: '2(101)-1234/2026', protocolVersion: '4.0',
    });
    expect(textContent(childElements(v.body)[0])).toBe('5ZK8F3R');
    expect(v.signerCertDer.equals(rsa.certDer)).toBe(true);
    expect(v.canonicalBody.startsWith('<SOAP-ENV:Body xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsu=')).toBe(true);
  });

  test('The payload handed out has no way back up into the unsigned document', async () => {
    const v = await verifyEnvelope(signedEnvelope(rsa), { trust: trustOnly(rsa) });
    expect(Object.keys(v.body)).not.toContain('parent');
  });

  test('Agency built on node-soap signs with WSSecurityCert (idMode wssecurity, X-Road headers as additionalReferences). Result: ok', async () => {
    const ws = new WSSecurityCert(rsa.keyPem, rsa.certPem, '', {
      signerOptions: { idMode: 'wssecurity' },
      additionalReferences: ['xrd:client', 'xrd:service', 'xrd:id', 'xrd:userId', 'xrd:issue', 'xrd:protocolVersion'],
    });
    const msg = ws.postProcess(testEnvelope({ userId: 'AZ-FIN-1AB2C3D' }), 'SOAP-ENV');
    const v = await verifyEnvelope(msg, { trust: trustOnly(rsa), replayCache: new MemoryReplayCache() });
    expect(v.headers.userId).toBe('AZ-FIN-1AB2C3D');
  });

  test('node-soap WSSecurityCert without the X-Road headers in additionalReferences. Result: missing-element', async () => {
    const ws = new WSSecurityCert(rsa.keyPem, rsa.certPem, '', { signerOptions: { idMode: 'wssecurity' } });
    const msg = ws.postProcess(testEnvelope(), 'SOAP-ENV');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(rsa) }))).resolves.toBe('missing-element');
  });

  test('Answer with the Body holding two payload elements. Result: malformed', async () => {
    const msg = signedEnvelope(rsa, { payload: '<a:x xmlns:a="urn:a"/><a:y xmlns:a="urn:a"/>' });
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(rsa) }))).resolves.toBe('malformed');
  });

  test('Answer signed without a Security header at all. Result: missing-element', async () => {
    await expect(outcome(verifyEnvelope(testEnvelope(), { trust: trustOnly(rsa) }))).resolves.toBe('missing-element');
  });
});

describe('MemoryReplayCache', () => {
  test('An id is refused until its TTL runs out, then accepted again', () => {
    const c = new MemoryReplayCache();
    expect(c.checkAndRemember('a', 1000, 0)).toBe(true);
    expect(c.checkAndRemember('a', 1000, 999)).toBe(false);
    expect(c.checkAndRemember('a', 1000, 1000)).toBe(true);
  });

  test('A full cache purges expired ids, and fails closed when none has expired', () => {
    const c = new MemoryReplayCache(2);
    expect(c.checkAndRemember('a', 10, 0)).toBe(true);
    expect(c.checkAndRemember('b', 100, 0)).toBe(true);
    expect(c.checkAndRemember('c', 100, 50)).toBe(true); // 'a' purged
    expect(c.size).toBe(2);
    expect(c.checkAndRemember('d', 100, 60)).toBe(false);
  });

  test('Half an hour of answers, 100 a second, with a 7-minute window. Result: ids leave as their time ends, never more than one window of them kept', () => {
    const c = new MemoryReplayCache();
    const windowMs = 420_000;
    let most = 0;
    let refused = 0;
    for (let t = 0; t < 1_800_000; t += 10) {
      if (c.remember(`id-${t}`, windowMs, t) !== 'first') refused++;
      most = Math.max(most, c.size);
    }
    expect(refused).toBe(0);
    // One window of ids, not the 180,000 seen.
    expect(most).toBe(windowMs / 10);
    expect(c.remember('id-1799990', windowMs, 1_800_000)).toBe('seen');
    expect(c.remember('id-0', windowMs, 1_800_000)).toBe('first');
  });

  test('An id taken again after its time, behind a longer-lived one. Result: refused while its second time runs, whatever the order it came in', () => {
    const c = new MemoryReplayCache();
    expect(c.remember('long', 100, 0)).toBe('first');
    expect(c.remember('short', 10, 0)).toBe('first');
    expect(c.remember('short', 200, 50)).toBe('first');
    expect(c.remember('short', 200, 150)).toBe('seen');
    expect(c.remember('long', 100, 150)).toBe('first');
  });

  test('Full of live ids. Result: "full" (not "seen"), and room again once the earliest expires', () => {
    const c = new MemoryReplayCache(2);
    expect(c.remember('a', 100, 0)).toBe('first');
    expect(c.remember('b', 50, 10)).toBe('first');
    expect(c.remember('c', 100, 20)).toBe('full');
    expect(c.remember('c', 100, 59)).toBe('full');
    expect(c.remember('c', 100, 60)).toBe('first');
    expect(c.remember('a', 100, 61)).toBe('seen');
  });
});
