/** Detached JWS on REST bodies (RFC 7515 Appendix F, standard b64 payload). */
import { createHmac, sign as cryptoSign } from 'node:crypto';
import { signDetachedJws, verifyDetachedJws } from '../../../../signing/jws';
import { SigningError } from '../../../../signing/errors';
import { outcome, testSigner, type TestSigner } from '../../../support/wss-fixture';

const BODY = Buffer.from('{"fin":"5ZK8F3R","numbers":[{"msisdn":"+994501234567"}]}');

function trust(...ok: TestSigner[]) {
  return async (der: Buffer | undefined) => {
    const s = ok.find((x) => der && x.certDer.equals(der));
    if (!s) throw new SigningError('cert-untrusted');
    return s.publicKey;
  };
}

function forge(header: object, sig: (input: Buffer) => Buffer): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  return `${h}..${sig(Buffer.from(`${h}.${BODY.toString('base64url')}`)).toString('base64url')}`;
}

describe('Detached JWS', () => {
  let rsa: TestSigner;
  let ec: TestSigner;
  beforeAll(async () => { [rsa, ec] = await Promise.all([testSigner('rsa'), testSigner('ec')]); });

  test.each([['RS256', 'rsa'], ['ES256', 'ec']] as const)('Phone register answers with a body signed %s. Result: ok, header names the certificate', async (alg, kind) => {
    const s = kind === 'rsa' ? rsa : ec;
    const jws = signDetachedJws(BODY, s);
    expect(jws).toMatch(/^[\w-]+\.\.[\w-]+$/);
    const v = await verifyDetachedJws(BODY, jws, trust(s));
    expect(v.header.alg).toBe(alg);
    expect(v.signerCertDer?.equals(s.certDer)).toBe(true);
  });

  test('ES256 signature is raw r||s, 64 bytes (RFC 7518 §3.4)', () => {
    expect(Buffer.from(signDetachedJws(BODY, ec).split('.')[2], 'base64url').length).toBe(64);
  });

  test('Body changed by one byte after signing. Result: bad-signature', async () => {
    const jws = signDetachedJws(BODY, rsa);
    await expect(outcome(verifyDetachedJws(Buffer.from(BODY.toString().replace('5ZK', '6ZK')), jws, trust(rsa)))).resolves.toBe('bad-signature');
  });

  test('Provider signs with a certificate the caller does not trust. Result: cert-untrusted', async () => {
    await expect(outcome(verifyDetachedJws(BODY, signDetachedJws(BODY, ec), trust(rsa)))).resolves.toBe('cert-untrusted');
  });

  test('alg "none" with an empty signature part. Result: refused', async () => {
    const h = Buffer.from(JSON.stringify({ alg: 'none', x5c: [rsa.certDer.toString('base64')] })).toString('base64url');
    await expect(outcome(verifyDetachedJws(BODY, `${h}..`, trust(rsa)))).resolves.toBe('malformed');
    await expect(outcome(verifyDetachedJws(BODY, `${h}..AAAA`, trust(rsa)))).resolves.toBe('algorithm-not-allowed');
  });

  test('HS256 keyed with the public certificate bytes (algorithm confusion). Result: algorithm-not-allowed', async () => {
    const jws = forge({ alg: 'HS256', x5c: [rsa.certDer.toString('base64')] }, (i) => createHmac('sha256', rsa.certDer).update(i).digest());
    await expect(outcome(verifyDetachedJws(BODY, jws, trust(rsa)))).resolves.toBe('algorithm-not-allowed');
  });

  test('Header says ES256 but the trusted certificate is RSA. Result: algorithm-not-allowed', async () => {
    const jws = forge({ alg: 'ES256', x5c: [rsa.certDer.toString('base64')] }, (i) => cryptoSign('sha256', i, rsa.key));
    await expect(outcome(verifyDetachedJws(BODY, jws, trust(rsa)))).resolves.toBe('algorithm-not-allowed');
  });

  test('Unencoded-payload mode smuggled in (b64:false, crit). Result: malformed', async () => {
    const jws = forge({ alg: 'RS256', b64: false, crit: ['b64'], x5c: [rsa.certDer.toString('base64')] }, (i) => cryptoSign('sha256', i, rsa.key));
    await expect(outcome(verifyDetachedJws(BODY, jws, trust(rsa)))).resolves.toBe('malformed');
  });

  test('Header carries an inline jwk to choose the key. Result: malformed', async () => {
    const jws = forge({ alg: 'RS256', jwk: rsa.publicKey.export({ format: 'jwk' }), x5c: [rsa.certDer.toString('base64')] }, (i) => cryptoSign('sha256', i, rsa.key));
    await expect(outcome(verifyDetachedJws(BODY, jws, trust(rsa)))).resolves.toBe('malformed');
  });

  test('Attached (non-detached) JWS. Result: malformed', async () => {
    const [h, , sig] = signDetachedJws(BODY, rsa).split('.');
    await expect(outcome(verifyDetachedJws(BODY, `${h}.${BODY.toString('base64url')}.${sig}`, trust(rsa)))).resolves.toBe('malformed');
  });
});

describe('Detached JWS with protocol parameters in the protected header', () => {
  let ec: TestSigner;
  beforeAll(async () => { ec = await testSigner('ec'); });

  test('Signer adds the answer binding (id, request hash, subject, time). Result: the verifier returns them, signed', async () => {
    const claims = { 'x-road-id': 'a1', 'x-road-request-hash': 'q83vEjRWeJA=', sub: 'fin:5ZK8F3R', iat: 1767225600 };
    const jws = signDetachedJws(BODY, ec, { header: claims });
    const { header } = await verifyDetachedJws(BODY, jws, trust(ec));
    expect(header).toMatchObject({ alg: 'ES256', ...claims });
  });

  test('The protected header altered after signing (another subject). Result: bad-signature', async () => {
    const jws = signDetachedJws(BODY, ec, { header: { sub: 'fin:5ZK8F3R' } });
    const [h, , sig] = jws.split('.');
    const altered = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    altered.sub = 'fin:1AB2C3D';
    const forged = `${Buffer.from(JSON.stringify(altered)).toString('base64url')}..${sig}`;
    await expect(outcome(verifyDetachedJws(BODY, forged, trust(ec)))).resolves.toBe('bad-signature');
  });

  test.each(['alg', 'x5c', 'kid', 'b64', 'crit', 'jwk', 'jku', 'x5u'])('A caller tries to set %s through the protocol parameters. Result: refused before signing', (name) => {
    expect(() => signDetachedJws(BODY, ec, { header: { [name]: 'x' } })).toThrow(SigningError);
  });
});
