import { X509Certificate, createHash, sign as nodeSign, webcrypto } from 'node:crypto';
import { canonicalJson } from '../../../../signing/canonical-json';
import { signDetached, verifyDetached } from '../../../../signing/cms';
import { buildSignedAttributes, signedAttributesDer } from '../../../../signing/cms/attributes';
import { assembleSignedData, signerCertParts } from '../../../../signing/cms/sign-detached';
import { SigningError } from '../../../../signing/errors';
import { OID } from '../../../../signing/pki/oids';
import { issueEndEntity } from '../../../../signing/test-ca';
import { PkiFixture, getPkiFixture } from '../../../support/pki-fixture';

const order = Buffer.from(canonicalJson({ case: '2-1(101)-123/2026', categories: ['11.2.13'], nonce: 'n-1' }));
const NR = { requireKeyUsage: ['nonRepudiation' as const] };
let pki: PkiFixture;

beforeAll(async () => {
  pki = await getPkiFixture();
});

async function reasonOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SigningError) return e.reason;
    throw e;
  }
  return 'valid';
}

describe('CMS detached SignedData, CAdES-BES (RFC 5652, RFC 5035)', () => {
  test('Judge signs a lookup order with a qualified certificate. Result: valid; signer FIN and signing time returned', async () => {
    const at = new Date(Date.now() - 60_000);
    const sig = await signDetached(order, pki.judge.signer, { signingTime: at });
    const v = await verifyDetached(order, sig, pki.validator(), NR);
    expect(v.signer.fin).toBe('JDG0001');
    expect(v.signer.subject).toContain('CN=TEST Person JDG0001');
    expect(v.signingTime.toISOString()).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString());
    expect(v.signer.policies).toContain(OID.qcpNaturalQscd);
  });

  test('Hub signs an evidence packet with its agency-CA certificate (digitalSignature). Result: valid for digitalSignature, refused for nonRepudiation', async () => {
    const sig = await signDetached(order, pki.hub.signer);
    const v = await verifyDetached(order, sig, pki.validator(), { requireKeyUsage: ['digitalSignature'] });
    expect(v.signer.fin).toBeUndefined();
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('key-usage');
  });

  test('Client changes one byte of the signed order. Result: digest-mismatch', async () => {
    const sig = await signDetached(order, pki.judge.signer);
    const tampered = Buffer.from(order);
    tampered[5] ^= 1;
    expect(await reasonOf(verifyDetached(tampered, sig, pki.validator(), NR))).toBe('digest-mismatch');
  });

  test('Client flips a bit in the signature value. Result: bad-signature', async () => {
    const sig = await signDetached(order, pki.judge.signer);
    const bad = Buffer.from(sig);
    bad[bad.length - 3] ^= 1; // inside the OCTET STRING signature at the end of the SignerInfo
    expect(await reasonOf(verifyDetached(order, bad, pki.validator(), NR))).toBe('bad-signature');
  });

  test('Judge signs with an expired certificate. Result: cert-expired', async () => {
    const sig = await signDetached(order, pki.expiredJudge.signer);
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('cert-expired');
  });

  test('Judge signs with a certificate not yet valid. Result: cert-not-yet-valid', async () => {
    const sig = await signDetached(order, pki.notYetValidJudge.signer);
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('cert-not-yet-valid');
  });

  test('Judge whose certificate is on the CA\'s CRL signs. Result: cert-revoked', async () => {
    const sig = await signDetached(order, pki.revokedJudge.signer);
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('cert-revoked');
  });

  test('Client signs with a certificate from an unknown CA. Result: cert-untrusted', async () => {
    const sig = await signDetached(order, pki.untrustedJudge.signer);
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('cert-untrusted');
  });

  test('Judge signs with a certificate lacking nonRepudiation. Result: key-usage', async () => {
    const sig = await signDetached(order, pki.noNonRepudiationJudge.signer);
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('key-usage');
  });

  test('Judge signs but no CRL and no OCSP answer is available. Result: revocation-unknown (fail closed)', async () => {
    const sig = await signDetached(order, pki.judge.signer);
    const v = pki.validator({}, { crls: [] });
    expect(await reasonOf(verifyDetached(order, sig, v, NR))).toBe('revocation-unknown');
  });

  test('Attacker presents a second certificate for the judge\'s key in place of the one signingCertificateV2 names. Result: signing-cert-mismatch', async () => {
    const other = await issueEndEntity(pki.qualifiedCa, {
      subject: { commonName: 'TEST Person JDG0001' }, fin: 'JDG0001', keyUsage: ['nonRepudiation'],
      publicKey: await importPublic(pki.judge.certPem),
    });
    // Attributes name `other`; the SignedData presents the judge's certificate (same key).
    const attrs = buildSignedAttributes(createHash('sha256').update(order).digest(), new Date(), signerCertParts(other.certPem));
    const signature = nodeSign('sha256', signedAttributesDer(attrs), { key: pki.judge.key, dsaEncoding: 'der' });
    const sig = assembleSignedData({ certPem: pki.judge.certPem, attrs, signature, algorithm: 'ecdsa-sha256' });
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('signing-cert-mismatch');
  });

  test('Client sends a SignedData whose digest algorithm is SHA-1. Result: algorithm-not-allowed', async () => {
    const digest = createHash('sha1').update(order).digest();
    const attrs = buildSignedAttributes(digest, new Date(), signerCertParts(pki.judge.certPem));
    const signature = nodeSign('sha256', signedAttributesDer(attrs), { key: pki.judge.key, dsaEncoding: 'der' });
    const sig = assembleSignedData({ certPem: pki.judge.certPem, attrs, signature, algorithm: 'ecdsa-sha256', digestOid: OID.sha1 });
    expect(await reasonOf(verifyDetached(order, sig, pki.validator(), NR))).toBe('algorithm-not-allowed');
  });

  test('Client sends bytes that are not a SignedData. Result: malformed', async () => {
    expect(await reasonOf(verifyDetached(order, Buffer.from('30030201', 'hex'), pki.validator(), NR))).toBe('malformed');
    expect(await reasonOf(verifyDetached(order, Buffer.from('not der'), pki.validator(), NR))).toBe('malformed');
  });
});

async function importPublic(certPem: string) {
  const spki = new X509Certificate(certPem).publicKey.export({ format: 'der', type: 'spki' });
  return webcrypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
}
