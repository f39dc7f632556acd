/**
 * CAdES-BES signed attributes (ETSI EN 319 122-1 §5.2, RFC 5652 §5.3 and §11, RFC 5035 §5.4),
 * encoded as DER directly: asn1js/pkijs took ~2 ms to build these four attributes, sixty times
 * the ECDSA signature itself. The SET is sorted (X.690 §11.6) so the bytes we sign
 * are the bytes any verifier re-encodes (OpenSSL re-encodes signedAttrs before verifying).
 */
import { generalizedTime, octets, oidDer, seq, tlv } from '../pki/der-writer';
import { OID } from '../pki/oids';

export interface SignerCertParts {
  der: Buffer;
  sha256: Buffer;
  /** Issuer Name, DER. */
  issuerDer: Buffer;
  /** Serial INTEGER contents (two's complement, as in the certificate). */
  serialValue: Buffer;
}

/** One DER attribute: SEQUENCE { attrType, SET OF { value } } (RFC 5652 §5.3). */
export function attribute(type: string, valueDer: Buffer): Buffer {
  return seq(oidDer(type), tlv(0x31, valueDer));
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies … OPTIONAL }
 * ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT id-sha256, certHash, issuerSerial IssuerSerial }
 * hashAlgorithm is SHA-256, the DEFAULT, so DER omits it (X.690 §11.5). IssuerSerial's issuer is
 * GeneralNames with one directoryName [4] (EXPLICIT: Name is a CHOICE, RFC 5280 §4.2.1.6).
 */
export function signingCertificateV2(cert: SignerCertParts): Buffer {
  const issuerSerial = seq(seq(tlv(0xa4, cert.issuerDer)), tlv(0x02, cert.serialValue));
  return seq(seq(seq(octets(cert.sha256), issuerSerial)));
}

/** RFC 5652 §11.3: UTCTime through 2049, GeneralizedTime from 2050; whole seconds. */
export function signingTimeValue(t: Date): Buffer {
  const whole = new Date(Math.floor(t.getTime() / 1000) * 1000);
  if (whole.getUTCFullYear() >= 2050) return generalizedTime(whole);
  return tlv(0x17, Buffer.from(whole.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z', 'latin1'));
}

/** The four CAdES-BES attributes, each DER, in DER SET OF order. */
export function buildSignedAttributes(digest: Buffer, signingTime: Date, cert: SignerCertParts): Buffer[] {
  return [
    attribute(OID.contentType, oidDer(OID.data)),
    attribute(OID.signingTime, signingTimeValue(signingTime)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(cert)),
  ].sort(Buffer.compare);
}

/** DER of the attributes as a SET OF (tag 0x31), the input of the signature (RFC 5652 §5.4). */
export function signedAttributesDer(attrs: Buffer[]): Buffer {
  return tlv(0x31, ...attrs);
}
