/**
 * PKCS#11 key store (OASIS PKCS#11 v2.40) via pkcs11js, so the hub's signing key can live in an
 * HSM and never leave it (docs/security-model.md §2). Tested with SoftHSM2. The hash is computed here and the
 * token signs: CKM_ECDSA over the SHA-256 digest (SoftHSM2 2.6 has no CKM_ECDSA_SHA256), or
 * CKM_SHA256_RSA_PKCS / CKM_SHA256_RSA_PKCS_PSS for RSA.
 */
import { hash } from 'node:crypto';
import type * as Pkcs11 from 'pkcs11js';
import { SigningError, isSigningError } from '../errors';
import { seq, tlv } from '../pki/der-writer';
import { KeyStoreSigner, RawSigner, SignatureAlgorithm } from './types';

export interface Pkcs11Options {
  /** Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  library: string;
  /** Token label (the slot holding it is found). */
  tokenLabel: string;
  pin: string;
  /** CKA_LABEL of the private key. */
  keyLabel: string;
  certPem: string;
  algorithm: SignatureAlgorithm;
}

/** ECDSA-Sig-Value (RFC 5758 §3.2 / RFC 3279 §2.2.3) from PKCS#11's r‖s. */
export function ecdsaRawToDer(raw: Buffer): Buffer {
  const half = raw.length / 2;
  const int = (b: Buffer) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = b.subarray(i);
    return tlv(0x02, v[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
  };
  return seq(int(raw.subarray(0, half)), int(raw.subarray(half)));
}

/** Loaded on first use: a native addon, not needed by deployments that keep keys in PEM files. */
let loaded: typeof Pkcs11 | undefined;
function lib(): typeof Pkcs11 {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (loaded ??= require('pkcs11js') as typeof Pkcs11);
  } catch (e) {
    return fail('the pkcs11js addon is not installed or not built', e);
  }
}

function fail(msg: string, e?: unknown): never {
  // Cryptoki errors name a CKR_ code; the PIN never appears in them.
  throw new SigningError('key-unavailable', `PKCS#11: ${msg}${e ? ` (${(e as Error).message})` : ''}`);
}

export interface Pkcs11Session {
  module: Pkcs11.PKCS11;
  session: Pkcs11.Handle;
  close(): void;
}

/** Opens a logged-in session on the token with `tokenLabel`. */
export function openPkcs11Session(library: string, tokenLabel: string, pin: string): Pkcs11Session {
  const p = lib();
  const module = new p.PKCS11();
  try {
    module.load(library);
    module.C_Initialize();
  } catch (e) {
    fail('cannot load the module', e);
  }
  const finalize = () => {
    try {
      module.C_Finalize();
    } catch {
      /* already finalized */
    }
  };
  try {
    const slot = module.C_GetSlotList(true).find((s) => module.C_GetTokenInfo(s).label.trim() === tokenLabel);
    if (!slot) fail(`no token labelled ${tokenLabel}`);
    const session = module.C_OpenSession(slot, p.CKF_SERIAL_SESSION | p.CKF_RW_SESSION);
    try {
      module.C_Login(session, p.CKU_USER, pin);
    } catch (e) {
      fail('login refused', e);
    }
    return {
      module,
      session,
      close: () => {
        try {
          module.C_Logout(session);
          module.C_CloseSession(session);
        } finally {
          finalize();
        }
      },
    };
  } catch (e) {
    finalize();
    throw e;
  }
}

function findPrivateKey(s: Pkcs11Session, label: string): Pkcs11.Handle {
  const p = lib();
  s.module.C_FindObjectsInit(s.session, [
    { type: p.CKA_CLASS, value: p.CKO_PRIVATE_KEY },
    { type: p.CKA_LABEL, value: label },
  ]);
  const found = s.module.C_FindObjects(s.session, 2);
  s.module.C_FindObjectsFinal(s.session);
  if (found.length !== 1) fail(found.length ? `several private keys labelled ${label}` : `no private key labelled ${label}`);
  return found[0]!;
}

/** A PKCS#11 key: CMS signing (async, DER ECDSA) and, for PKCS#1 / ECDSA keys, XML-DSig and JWS signing (raw). */
export type Pkcs11Signer = KeyStoreSigner & RawSigner;

export async function openPkcs11Signer(o: Pkcs11Options): Promise<Pkcs11Signer> {
  const p = lib();
  const s = openPkcs11Session(o.library, o.tokenLabel, o.pin);
  let key: Pkcs11.Handle;
  try {
    key = findPrivateKey(s, o.keyLabel);
  } catch (e) {
    s.close();
    throw e;
  }
  let closed = false;
  // One session signs one thing at a time (PKCS#11 §5.12): serialize.
  let queue: Promise<unknown> = Promise.resolve();
  // C_SignInit + C_Sign run synchronously: no two operations on the session can interleave.
  const signRaw = (data: Buffer): Buffer => {
    if (closed) fail('key store closed');
    try {
      if (o.algorithm === 'ecdsa-sha256') {
        s.module.C_SignInit(s.session, { mechanism: p.CKM_ECDSA }, key);
        return s.module.C_Sign(s.session, hash('sha256', data, 'buffer'), Buffer.alloc(132));
      }
      if (o.algorithm !== 'rsa-pkcs1-sha256') fail('raw (XML-DSig / JWS) signing needs an rsa-pkcs1-sha256 or ecdsa-sha256 key');
      s.module.C_SignInit(s.session, { mechanism: p.CKM_SHA256_RSA_PKCS }, key);
      return s.module.C_Sign(s.session, data, Buffer.alloc(1024));
    } catch (e) {
      if (isSigningError(e)) throw e;
      return fail('sign failed', e);
    }
  };
  const signOnce = async (data: Buffer): Promise<Buffer> => {
    if (closed) fail('key store closed');
    try {
      if (o.algorithm === 'ecdsa-sha256') return ecdsaRawToDer(signRaw(data));
      const mechanism = o.algorithm === 'rsa-pss-sha256'
        ? { mechanism: p.CKM_SHA256_RSA_PKCS_PSS, parameter: { type: p.CK_PARAMS_RSA_PSS, hashAlg: p.CKM_SHA256, mgf: p.CKG_MGF1_SHA256, saltLen: 32 } as Pkcs11.IParams }
        : { mechanism: p.CKM_SHA256_RSA_PKCS };
      s.module.C_SignInit(s.session, mechanism, key);
      return s.module.C_Sign(s.session, data, Buffer.alloc(1024));
    } catch (e) {
      return fail('sign failed', e);
    }
  };
  return {
    certPem: o.certPem,
    algorithm: o.algorithm,
    keyType: o.algorithm === 'ecdsa-sha256' ? 'ec' : 'rsa',
    signRaw,
    sign: (data) => {
      const p = queue.then(() => signOnce(data));
      queue = p.catch(() => undefined);
      return p;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await queue;
      s.close();
    },
  };
}

/** P-256 named curve OID, DER (CKA_EC_PARAMS, RFC 5480 §2.1.1.1). */
const P256_PARAMS = Buffer.from('06082a8648ce3d030107', 'hex');

/**
 * Provisioning: generates an EC P-256 key pair inside the token (private key non-extractable)
 * and returns the public key as SPKI DER, to be certified by the CA.
 */
export function generatePkcs11EcKey(library: string, tokenLabel: string, pin: string, keyLabel: string): Buffer {
  const p = lib();
  const s = openPkcs11Session(library, tokenLabel, pin);
  try {
    const id = hash('sha256', keyLabel, 'buffer').subarray(0, 8);
    const { publicKey } = s.module.C_GenerateKeyPair(s.session, { mechanism: p.CKM_EC_KEY_PAIR_GEN }, [
      { type: p.CKA_TOKEN, value: true },
      { type: p.CKA_VERIFY, value: true },
      { type: p.CKA_EC_PARAMS, value: P256_PARAMS },
      { type: p.CKA_LABEL, value: keyLabel },
      { type: p.CKA_ID, value: id },
    ], [
      { type: p.CKA_TOKEN, value: true },
      { type: p.CKA_SIGN, value: true },
      { type: p.CKA_PRIVATE, value: true },
      { type: p.CKA_SENSITIVE, value: true },
      { type: p.CKA_EXTRACTABLE, value: false },
      { type: p.CKA_LABEL, value: keyLabel },
      { type: p.CKA_ID, value: id },
    ]);
    const [attr] = s.module.C_GetAttributeValue(s.session, publicKey, [{ type: p.CKA_EC_POINT }]);
    const ecPoint = attr!.value as Buffer;
    // CKA_EC_POINT is DER OCTET STRING(04‖x‖y) (PKCS#11 v2.40 §2.3.3)
    const point = ecPoint[0] === 0x04 && ecPoint.length === 67 ? ecPoint.subarray(2) : ecPoint;
    const algId = seq(Buffer.from('06072a8648ce3d0201', 'hex'), P256_PARAMS);
    return seq(algId, tlv(0x03, Buffer.from([0]), point));
  } catch (e) {
    if (e instanceof SigningError) throw e;
    return fail('key generation failed', e);
  } finally {
    s.close();
  }
}
