/** Certificate path validation (RFC 5280 §6) with CRLs (§5): chain, times, usage, revocation. */
import { X509Certificate } from 'node:crypto';
import { SigningError } from '../../../../signing/errors';
import { PathValidator } from '../../../../signing/pki';
import { OID } from '../../../../signing/pki/oids';
import { createCrl, issueEndEntity, issueIntermediateCa } from '../../../../signing/test-ca';
import { webcrypto, x509 } from '../../../../signing/test-ca/x509-provider';
import { PkiFixture, getPkiFixture } from '../../../support/pki-fixture';
import { reasonOf } from '../../../support/signing-reason';

let pki: PkiFixture;
const DAY = 86_400_000;
const NR = { requireKeyUsage: ['nonRepudiation' as const] };

beforeAll(async () => {
  pki = await getPkiFixture();
});


describe('PathValidator', () => {
  test('Judge certificate given as PEM, DER or X509Certificate. Result: valid, chain ends at the root, FIN and policy read', async () => {
    const v = pki.validator();
    const a = await v.validate(pki.judge.certPem, NR);
    const b = await v.validate(new X509Certificate(pki.judge.certPem).raw, NR);
    const c = await v.validate(new X509Certificate(pki.judge.certPem), NR);
    expect(a.fin).toBe('JDG0001');
    expect(b.sha256).toBe(a.sha256);
    expect(c.chain.map((x) => x.subject.split('\n').pop())).toEqual(['CN=TEST Person JDG0001', 'CN=TEST Qualified CA', 'CN=TEST Root CA']);
    expect(a.policies).toContain(OID.qcpNaturalQscd);
  });

  test('Order signed while the certificate was valid; it expired since. Result: valid at the signing time, cert-expired now', async () => {
    const v = pki.validator();
    const shortLived = await issueEndEntity(pki.qualifiedCa, {
      subject: { commonName: 'TEST Person SHORT01' }, fin: 'SHORT01', keyUsage: ['nonRepudiation'],
      notBefore: new Date(Date.now() - 12 * 3_600_000), notAfter: new Date(Date.now() - 3_600_000),
    });
    expect(await reasonOf(v.validate(shortLived.certPem, { ...NR, at: new Date(Date.now() - 6 * 3_600_000) }))).toBe('valid');
    expect(await reasonOf(v.validate(shortLived.certPem, NR))).toBe('cert-expired');
  });

  test('Signing time before the issuing CA existed (shell model). Result: cert-not-yet-valid', async () => {
    const v = pki.validator();
    const notAfter = Date.parse(new X509Certificate(pki.expiredJudge.certPem).validTo);
    expect(await reasonOf(v.validate(pki.expiredJudge.certPem, { ...NR, at: new Date(notAfter - DAY) }))).toBe('cert-not-yet-valid');
  });

  test('Intermediate CA not configured but carried with the message. Result: valid with it, cert-untrusted without', async () => {
    const v = new PathValidator({ anchors: [pki.root.certPem], crls: pki.trust.crls });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('cert-untrusted');
    const v2 = new PathValidator({ anchors: [pki.root.certPem], crls: pki.trust.crls });
    expect(await reasonOf(v2.validate(pki.judge.certPem, { ...NR, intermediates: [pki.qualifiedCa.certPem] }))).toBe('valid');
  });

  test('Attacker uses an end-entity certificate (CA:false) to issue a judge certificate. Result: cert-untrusted', async () => {
    // A Ca view over the hub's own certificate and key: the hub "issues" a judge certificate.
    const hubCert = new x509.X509Certificate(pki.hub.certPem);
    const ec = { name: 'ECDSA', namedCurve: 'P-256' };
    const hubKey = await webcrypto.subtle.importKey('pkcs8', pemBody(pki.hub.keyPem), ec, true, ['sign']);
    const hubPub = await webcrypto.subtle.importKey('spki', new X509Certificate(pki.hub.certPem).publicKey.export({ format: 'der', type: 'spki' }), ec, true, ['verify']);
    const forged = await issueEndEntity({ cert: hubCert, keys: { privateKey: hubKey, publicKey: hubPub }, keyType: 'ec' } as never, {
      subject: { commonName: 'TEST Person FAKE001' }, fin: 'FAKE001', keyUsage: ['nonRepudiation'],
    });
    expect(await reasonOf(pki.validator().validate(forged.certPem, { ...NR, intermediates: [pki.hub.certPem] }))).toBe('cert-untrusted');
  });

  test('Intermediate CA revoked on the root CRL. Result: cert-revoked for a judge under it', async () => {
    const ca2 = await issueIntermediateCa(pki.root, { subject: { commonName: 'TEST Qualified CA 2' } });
    const judge2 = await issueEndEntity(ca2, { subject: { commonName: 'TEST Person J2' }, fin: 'J200001', keyUsage: ['nonRepudiation'] });
    const rootCrl = await createCrl(pki.root, [{ serialHex: ca2.serialHex }]);
    const ca2Crl = await createCrl(ca2, []);
    const v = new PathValidator({ anchors: [pki.root.certPem], intermediates: [ca2.certPem], crls: [rootCrl.pem, ca2Crl.der] });
    expect(await reasonOf(v.validate(judge2.certPem, NR))).toBe('cert-revoked');
    const ok = new PathValidator({ anchors: [pki.root.certPem], intermediates: [ca2.certPem], crls: [pki.crls.root, ca2Crl.der] });
    expect(await reasonOf(ok.validate(judge2.certPem, NR))).toBe('valid');
  });

  test('Only a CRL past its nextUpdate is available. Result: revocation-unknown', async () => {
    const stale = await createCrl(pki.qualifiedCa, [], { thisUpdate: new Date(Date.now() - 10 * DAY), nextUpdate: new Date(Date.now() - DAY) });
    const v = pki.validator({}, { crls: [pki.crls.root, stale.pem] });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('revocation-unknown');
  });

  test('A CRL in the qualified CA\'s name but signed by another key. Result: ignored, revocation-unknown', async () => {
    const forged = await createCrl({ ...pki.qualifiedCa, keys: pki.untrustedRoot.keys }, []);
    const v = pki.validator({}, { crls: [pki.crls.root, forged.pem] });
    expect(await reasonOf(v.validate(pki.judge.certPem, NR))).toBe('revocation-unknown');
  });

  test('OCSP responder certificate checked for id-kp-OCSPSigning; a judge certificate is not one. Result: valid / key-usage', async () => {
    const v = pki.validator();
    expect(await reasonOf(v.validate(pki.ocspResponders.qualified.certPem, { requireEku: [OID.kpOcspSigning] }))).toBe('valid');
    expect(await reasonOf(v.validate(pki.judge.certPem, { requireEku: [OID.kpOcspSigning] }))).toBe('key-usage');
  });

  test('Client sends bytes that are not a certificate. Result: malformed', async () => {
    expect(await reasonOf(pki.validator().validate(Buffer.from('3003020101', 'hex')))).toBe('malformed');
    expect(await reasonOf(pki.validator().validate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBe('malformed');
  });

  test('Trust configuration without anchors. Result: refused at construction', () => {
    expect(() => new PathValidator({ anchors: [] })).toThrow(SigningError);
  });
});

function pemBody(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
