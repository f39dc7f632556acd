/** Revocation by OCSP (RFC 6960) against the mock responder in mocks/ocsp, CRL fallback, fail closed. */
import { startOcspResponder, OcspResponderHandle } from '../../../../mocks/ocsp';
import { issueEndEntity } from '../../../../signing/test-ca';
import { PkiFixture, getPkiFixture } from '../../../support/pki-fixture';
import { reasonOf } from '../../../support/signing-reason';

let pki: PkiFixture;
let ocsp: OcspResponderHandle;
const NR = { requireKeyUsage: ['nonRepudiation' as const] };

beforeAll(async () => {
  pki = await getPkiFixture();
  ocsp = await startOcspResponder({ issuers: pki.ocspIssuers, revoked: pki.revokedSerials, validityMs: 60_000 });
});
afterAll(() => ocsp.close());
afterEach(() => ocsp.setFault(undefined));


describe('OCSP revocation checking', () => {
  test('Judge certificate checked by OCSP (delegated responder). Result: valid; a second check is served from the cache until nextUpdate', async () => {
    const v = pki.validator({}, { ocspUrl: ocsp.url, crls: [] });
    const before = ocsp.requests;
    await v.validate(pki.judge.certPem, NR);
    const afterFirst = ocsp.requests;
    expect(afterFirst - before).toBe(2); // the judge and the qualified CA (answered for the root)
    await v.validate(pki.judge.certPem, NR);
    expect(ocsp.requests).toBe(afterFirst);
  });

  test('Cached OCSP answer reaches its nextUpdate. Result: the responder is asked again', async () => {
    let clock = Date.now();
    const v = pki.validator({ now: () => new Date(clock) }, { ocspUrl: ocsp.url, crls: [] });
    await v.validate(pki.staff.certPem, NR);
    const n = ocsp.requests;
    clock += 2 * 60_000; // past nextUpdate (validityMs 60 s), within the 5 min skew for the new answer
    await v.validate(pki.staff.certPem, NR);
    expect(ocsp.requests).toBeGreaterThan(n);
  });

  test('Responder says the judge certificate is revoked. Result: cert-revoked', async () => {
    const v = pki.validator({}, { ocspUrl: ocsp.url, crls: [] });
    expect(await reasonOf(v.validate(pki.revokedJudge.certPem, NR))).toBe('cert-revoked');
  });

  test('A certificate is revoked at the responder after issuance. Result: the next (uncached) check says cert-revoked', async () => {
    const it = await issueEndEntity(pki.qualifiedCa, { subject: { commonName: 'TEST Person LATE001' }, fin: 'LATE001', keyUsage: ['nonRepudiation'] });
    const v1 = pki.validator({}, { ocspUrl: ocsp.url, crls: [] });
    expect(await reasonOf(v1.validate(it.certPem, NR))).toBe('valid');
    ocsp.revoke(it.serialHex);
    const v2 = pki.validator({}, { ocspUrl: ocsp.url, crls: [] });
    expect(await reasonOf(v2.validate(it.certPem, NR))).toBe('cert-revoked');
  });

  test('Responder answers tryLater and no CRL is configured. Result: revocation-unknown', async () => {
    ocsp.setFault('tryLater');
    const v = pki.validator({}, { ocspUrl: ocsp.url, crls: [] });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('revocation-unknown');
  });

  test('Responder fails with HTTP 500 but current CRLs are configured. Result: valid from the CRL fallback', async () => {
    ocsp.setFault('http-500');
    const v = pki.validator({}, { ocspUrl: ocsp.url });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('valid');
    expect(await reasonOf(v.validate(pki.revokedJudge.certPem, NR))).toBe('cert-revoked');
  });

  test('Responder answer carries a broken signature. Result: revocation-unknown, never "good"', async () => {
    ocsp.setFault('bad-signature');
    const v = pki.validator({}, { ocspUrl: ocsp.url, crls: [] });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('revocation-unknown');
  });

  test('Answers signed by a certificate without id-kp-OCSPSigning (the hub\'s). Result: revocation-unknown', async () => {
    const rogue = await startOcspResponder({
      issuers: [
        { caCertPem: pki.qualifiedCa.certPem, responderCertPem: pki.hub.certPem, responderKeyPem: pki.hub.keyPem },
        { caCertPem: pki.root.certPem, responderCertPem: pki.ocspResponders.root.certPem, responderKeyPem: pki.ocspResponders.root.keyPem },
      ],
    });
    try {
      const v = pki.validator({}, { ocspUrl: rogue.url, crls: [] });
      expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('revocation-unknown');
    } finally {
      await rogue.close();
    }
  });

  test('Responder unreachable (closed port) and no CRL. Result: revocation-unknown', async () => {
    const gone = await startOcspResponder({ issuers: pki.ocspIssuers });
    await gone.close();
    const v = pki.validator({ ocspTimeoutMs: 2000 }, { ocspUrl: gone.url, crls: [] });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('revocation-unknown');
  });

  test('The CA itself answers (no delegated responder). Result: valid', async () => {
    const caSigned = await startOcspResponder({
      issuers: [
        { caCertPem: pki.qualifiedCa.certPem, caKeyPem: pki.qualifiedCa.keyPem },
        { caCertPem: pki.root.certPem, caKeyPem: pki.root.keyPem },
      ],
    });
    try {
      const v = pki.validator({}, { ocspUrl: caSigned.url, crls: [] });
      expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('valid');
    } finally {
      await caSigned.close();
    }
  });
});
