/**
 * CRLs given in the trust configuration (RFC 5280 §5), parsed once. A CRL is used for a
 * certificate only when its issuer name matches, its signature verifies with the issuing CA's
 * key, it is current (thisUpdate ≤ now ≤ nextUpdate) and it carries no critical extension we do
 * not understand (an issuingDistributionPoint narrows its scope: we refuse to guess).
 */
import { SigningError } from '../errors';
import { CertInfo } from './cert-info';
import { Tlv, bytes, children, expectTag, integerHex, oid, readTlv, root, time } from './der';
import { OID } from './oids';
import { RevocationAnswer } from './revocation';
import { verifySignedObject } from './sig-alg';

interface ParsedCrl {
  der: Buffer;
  issuerDer: Buffer;
  thisUpdate: Date;
  nextUpdate?: Date;
  revoked: Map<string, Date>;
  usable: boolean;
  sig: { tbs: Tlv; alg: Tlv; bits: Tlv };
  /** issuer sha256 → signature verified with that issuer's key */
  verifiedBy: Map<string, boolean>;
}

export function crlToDer(input: Buffer | string): Buffer {
  const text = typeof input === 'string' ? input : input.subarray(0, 64).toString('latin1').includes('-----BEGIN') ? input.toString('latin1') : undefined;
  if (text === undefined) return input as Buffer;
  // OpenSSL writes "X509 CRL"; @peculiar/x509 writes "CRL": accept both.
  const m = text.match(/-----BEGIN (?:X509 )?CRL-----([\s\S]+?)-----END (?:X509 )?CRL-----/);
  if (!m) throw new SigningError('malformed', 'not a PEM CRL');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

function parseCrl(der: Buffer): ParsedCrl {
  const [tbs, alg, bits] = children(der, expectTag(root(der), 0x30, 'CertificateList'));
  const f = children(der, tbs!);
  let i = f[0]?.tag === 0x02 ? 1 : 0; // version
  i++; // signature
  const issuer = f[i++]!;
  const thisUpdate = time(der, f[i++]!);
  let nextUpdate: Date | undefined;
  if (f[i] && (f[i]!.tag === 0x17 || f[i]!.tag === 0x18)) nextUpdate = time(der, f[i++]!);
  const revoked = new Map<string, Date>();
  let usable = true;
  if (f[i]?.tag === 0x30) {
    for (const entry of children(der, f[i++]!)) {
      const e = children(der, entry);
      revoked.set(integerHex(der, e[0]!), time(der, e[1]!));
      if (e[2]) for (const ext of children(der, e[2])) if (isCriticalUnknown(der, ext, [OID.crlReason])) usable = false;
    }
  }
  if (f[i]?.tag === 0xa0) {
    for (const ext of children(der, readTlv(der, f[i]!.valueStart, f[i]!.valueEnd))) {
      if (isCriticalUnknown(der, ext, [OID.crlNumber, OID.authorityKeyIdentifier])) usable = false;
    }
  }
  return { der, issuerDer: bytes(der, issuer), thisUpdate, nextUpdate, revoked, usable, sig: { tbs: tbs!, alg: alg!, bits: bits! }, verifiedBy: new Map() };
}

function isCriticalUnknown(der: Buffer, ext: Tlv, known: string[]): boolean {
  const k = children(der, ext);
  const critical = k.length === 3 && der[k[1]!.valueStart] !== 0;
  return critical && !known.includes(oid(der, k[0]!));
}

export class CrlStore {
  private readonly crls: ParsedCrl[];

  constructor(inputs: (Buffer | string)[] = []) {
    this.crls = inputs.map((x) => {
      try {
        return parseCrl(crlToDer(x));
      } catch (e) {
        throw new SigningError('malformed', `trust configuration: bad CRL (${(e as Error).message})`);
      }
    });
  }

  /** The newest current CRL of `issuer` decides; undefined when there is none. */
  status(cert: CertInfo, issuer: CertInfo, now: Date, skewMs: number): RevocationAnswer | undefined {
    let best: ParsedCrl | undefined;
    for (const c of this.crls) {
      if (!c.usable || !c.issuerDer.equals(issuer.subjectDer)) continue;
      if (c.thisUpdate.getTime() > now.getTime() + skewMs) continue;
      if (!c.nextUpdate || c.nextUpdate.getTime() < now.getTime() - skewMs) continue; // stale: skip (fail closed)
      let ok = c.verifiedBy.get(issuer.sha256);
      if (ok === undefined) {
        ok = issuer.keyUsage === undefined || issuer.keyUsage.has('cRLSign');
        ok = ok && verifySignedObject(c.der, c.sig.tbs, c.sig.alg, c.sig.bits, issuer.publicKey);
        c.verifiedBy.set(issuer.sha256, ok);
      }
      if (ok && (!best || c.thisUpdate > best.thisUpdate)) best = c;
    }
    if (!best) return undefined;
    const revokedAt = best.revoked.get(cert.serialHex);
    return revokedAt
      ? { status: 'revoked', revokedAt, thisUpdate: best.thisUpdate, nextUpdate: best.nextUpdate, source: 'crl' }
      : { status: 'good', thisUpdate: best.thisUpdate, nextUpdate: best.nextUpdate, source: 'crl' };
  }
}
