/**
 * Detached JWS over an HTTP body (RFC 7515 Appendix F), the X-Road-Signature header of the EHİS
 * REST profile (contracts/registries/README.md).
 *
 * Choice: the STANDARD base64url payload (no `b64: false`, no RFC 7797): the compact form is
 * `BASE64URL(header)..BASE64URL(signature)` and the signing input is
 * `BASE64URL(header) '.' BASE64URL(body)`. Both ends are ours and the README says `b64`;
 * avoiding RFC 7797 also avoids `crit`, which generic JOSE libraries handle unevenly. A header
 * carrying `b64` or `crit` is refused, so neither side can be talked into the other mode.
 *
 * Header: `{ alg, x5c: [signer certificate DER, base64] }` (RFC 7515 §4.1.6), optional `kid`,
 * plus any protected parameters the caller's protocol binds into the signature (RFC 7515 §4.3,
 * e.g. the EHİS REST profile's method, path, X-Road headers, request hash and time). They are
 * signed, and returned by the verifier only after the signature checked out; what they must say is
 * the protocol's business, not this module's.
 * The key always comes from the caller's trust decision, never from the header itself; `jku`,
 * `jwk`, `x5u` (keys by URL or inline) are refused.
 */
import { sign as cryptoSign, verify as cryptoVerify, KeyObject } from 'node:crypto';
import { SigningError } from '../errors';
import type { RawSigner } from '../keystore/types';

export type JwsAlg = 'RS256' | 'ES256' | 'ES384';

export interface JwsHeader {
  alg: JwsAlg;
  x5c?: string[];
  kid?: string;
}

/** The verified protected header: the registered parameters and the protocol's own. */
export type JwsProtectedHeader = JwsHeader & { readonly [name: string]: unknown };

export type JwsTrust = (certDer: Buffer | undefined, kid?: string) => Promise<KeyObject>;

/** Parameters a caller may not set through `header`: they choose the algorithm, key or mode. */
const RESERVED = new Set(['alg', 'x5c', 'kid', 'b64', 'crit', 'jku', 'jwk', 'x5u', 'x5t', 'x5t#S256', 'enc', 'zip']);

/** RFC 7518 §3.1 allowlist: no 'none', no HS* (a shared secret proves nothing about who signed). */
const ALGS: Record<JwsAlg, { hash: string; keyType: 'rsa' | 'ec'; curve?: string }> = {
  RS256: { hash: 'sha256', keyType: 'rsa' },
  ES256: { hash: 'sha256', keyType: 'ec', curve: 'prime256v1' },
  ES384: { hash: 'sha384', keyType: 'ec', curve: 'secp384r1' },
};

const B64URL = /^[A-Za-z0-9_-]+$/;
const MAX_HEADER_CHARS = 16 * 1024;

function algFor(key: KeyObject): JwsAlg {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec') {
    const c = key.asymmetricKeyDetails?.namedCurve;
    if (c === 'prime256v1') return 'ES256';
    if (c === 'secp384r1') return 'ES384';
  }
  throw new SigningError('algorithm-not-allowed', `no JWS algorithm for this ${key.asymmetricKeyType} key`);
}

function keyOptions(alg: JwsAlg, key: KeyObject) {
  // RFC 7518 §3.4: ECDSA signatures are R || S of fixed length, not DER.
  return ALGS[alg].keyType === 'ec' ? { key, dsaEncoding: 'ieee-p1363' as const } : key;
}

export interface SignJwsOptions {
  kid?: string;
  /** More protected header parameters, signed with the body (JSON values; not the registered ones). */
  header?: Readonly<Record<string, unknown>>;
}

/** `signer`: a key in the process, or a raw signer whose key stays in its store (PKCS#11). */
export function signDetachedJws(body: Buffer, signer: { certPem: string; key: KeyObject } | RawSigner, opts: SignJwsOptions = {}): string {
  const alg: JwsAlg = 'key' in signer ? algFor(signer.key) : signer.keyType === 'rsa' ? 'RS256' : 'ES256';
  const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(signer.certPem);
  if (!m) throw new SigningError('malformed', 'signer certificate is not a PEM certificate');
  for (const name of Object.keys(opts.header ?? {})) {
    if (RESERVED.has(name)) throw new SigningError('malformed', `JWS header parameter ${name} cannot be set by the caller`);
  }
  const header: Record<string, unknown> = { alg, x5c: [m[1].replace(/\s+/g, '')], ...opts.header };
  if (opts.kid) header.kid = opts.kid;
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const input = Buffer.from(`${h}.${body.toString('base64url')}`);
  const sig = 'key' in signer ? cryptoSign(ALGS[alg].hash, input, keyOptions(alg, signer.key)) : signer.signRaw(input);
  return `${h}..${sig.toString('base64url')}`;
}

export async function verifyDetachedJws(body: Buffer, jws: string, trust: JwsTrust): Promise<{ header: JwsProtectedHeader; signerCertDer?: Buffer }> {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !B64URL.test(parts[0]) || !B64URL.test(parts[2])) {
    throw new SigningError('malformed', 'not a detached compact JWS');
  }
  if (parts[0].length > MAX_HEADER_CHARS) throw new SigningError('too-large', 'JWS header too large');
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    throw new SigningError('malformed', 'JWS header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new SigningError('malformed', 'JWS header is not an object');
  const alg = header.alg;
  if (typeof alg !== 'string' || !Object.prototype.hasOwnProperty.call(ALGS, alg)) {
    throw new SigningError('algorithm-not-allowed', `JWS alg ${String(alg)}`);
  }
  // RFC 7515 §4.1.11: we understand no critical extension; RFC 7797 b64 is not our mode.
  if ('crit' in header || 'b64' in header) throw new SigningError('malformed', 'crit / b64 are not accepted');
  if ('jku' in header || 'jwk' in header || 'x5u' in header) throw new SigningError('malformed', 'keys by URL or inline JWK are not accepted');
  let certDer: Buffer | undefined;
  if (header.x5c !== undefined) {
    const x5c = header.x5c;
    if (!Array.isArray(x5c) || x5c.length === 0 || typeof x5c[0] !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(x5c[0])) {
      throw new SigningError('malformed', 'x5c must be a list of base64 DER certificates');
    }
    certDer = Buffer.from(x5c[0], 'base64');
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (!certDer && !kid) throw new SigningError('malformed', 'JWS header names no certificate (x5c) or key (kid)');

  let key: KeyObject;
  try {
    key = await trust(certDer, kid);
  } catch (err) {
    if (err instanceof SigningError) throw err;
    throw new SigningError('cert-untrusted', 'the trust callback refused the signer');
  }
  if (!(key instanceof KeyObject) || key.type !== 'public') throw new SigningError('cert-untrusted', 'trust callback gave no public key');
  const spec = ALGS[alg as JwsAlg];
  if (key.asymmetricKeyType !== spec.keyType || (spec.curve && key.asymmetricKeyDetails?.namedCurve !== spec.curve)) {
    throw new SigningError('algorithm-not-allowed', `${alg} with this key`);
  }
  const input = Buffer.from(`${parts[0]}.${body.toString('base64url')}`);
  if (!cryptoVerify(spec.hash, input, keyOptions(alg as JwsAlg, key), Buffer.from(parts[2], 'base64url'))) {
    throw new SigningError('bad-signature', 'JWS signature does not verify');
  }
  return { header: header as unknown as JwsProtectedHeader, signerCertDer: certDer };
}
