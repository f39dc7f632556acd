/**
 * What CMS signing needs from a key store: the certificate, the algorithm, and a sign
 * operation over the DER of the signed attributes. The key itself may never leave its store
 * (PKCS#11 / HSM).
 */
export type SignatureAlgorithm = 'rsa-pkcs1-sha256' | 'rsa-pss-sha256' | 'ecdsa-sha256';

export interface KeyStoreSigner {
  certPem: string;
  algorithm: SignatureAlgorithm;
  /**
   * Signs `data` (the hash is computed inside). ECDSA signatures are returned DER-encoded
   * (ECDSA-Sig-Value, RFC 5758 §3.2), as CMS carries them.
   */
  sign(data: Buffer): Promise<Buffer>;
  /** Releases sessions / handles where the store holds any. */
  close?(): Promise<void>;
}

/**
 * A synchronous signer in the form XML-DSig and JWS carry: RSA PKCS#1 v1.5 bytes, or ECDSA as the
 * raw r||s concatenation (XMLDSig 1.1 §6.4.3, RFC 7518 §3.4). WS-Security and JWS signing use it
 * where the key may not leave its store (PKCS#11): C_Sign is synchronous.
 */
export interface RawSigner {
  certPem: string;
  keyType: 'rsa' | 'ec';
  /** Signs `data` with SHA-256 (the hash is computed inside). */
  signRaw(data: Buffer): Buffer;
}
