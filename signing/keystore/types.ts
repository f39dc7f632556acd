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
