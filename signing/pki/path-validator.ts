/**
 * Certificate path validation (RFC 5280 §6) with revocation (RFC 6960 OCSP, CRL fallback),
 * as DESIGN §5 asks: chain to a configured anchor, validity at the signing time, key usage,
 * revocation, fail closed. The path is built here (not by pkijs' engine: docs/conventions.md, pkijs).
 *
 * Caching: a built and signature-checked path is kept per end-entity certificate
 * (keyed by the SHA-256 of its DER); revocation answers are kept per (issuer, serial) until their
 * nextUpdate. Time checks and key-usage checks run on every call: they are cheap.
 */
import { hash, KeyObject, X509Certificate } from 'node:crypto';
import { SigningError } from '../errors';
import { CertInfo, KeyUsageName, isIssuedBy, parseCertificate, pemCertificates, toDer } from './cert-info';
import { CrlStore } from './crl-store';
import { ExpiringLru } from './lru-cache';
import { queryOcsp } from './ocsp-client';
import { OcspTransport, RevocationAnswer, httpOcspTransport } from './revocation';

export interface TrustConfig {
  /** Trust anchors (PEM; a string may hold several certificates). */
  anchors: string[];
  intermediates?: string[];
  /** CRLs, PEM ("X509 CRL" or "CRL") or DER. */
  crls?: (Buffer | string)[];
  /** Overrides the certificates' AIA OCSP URL. */
  ocspUrl?: string;
}

export interface PathValidatorOptions {
  /** Tolerance for clocks (default 5 minutes). */
  clockSkewMs?: number;
  /** OCSP transport (default: HTTP POST per RFC 6960 appendix A). */
  fetch?: OcspTransport;
  ocspTimeoutMs?: number;
  /** Bound of each cache (default 1000 entries). */
  maxCacheEntries?: number;
  /** How long an answer without nextUpdate is reused (default 60 s). */
  defaultRevocationTtlMs?: number;
  /** Clock (tests). */
  now?: () => Date;
}

export type CertInput = string | Buffer | Uint8Array | X509Certificate;

export interface ValidateOptions {
  /** The time the certificate must be valid at (the signing time); default now. */
  at?: Date;
  requireKeyUsage?: ('digitalSignature' | 'nonRepudiation')[];
  /** Extended key usage OIDs that must all be present. */
  requireEku?: string[];
  /** Extra certificates that may complete the path (e.g. from a SignedData); never trusted by themselves. */
  intermediates?: CertInput[];
}

export interface ValidatedCert {
  cert: X509Certificate;
  publicKey: KeyObject;
  subject: string;
  /** Subject serialNumber (2.5.4.5): the FIN on judge and staff certificates. */
  fin?: string;
  notBefore: Date;
  notAfter: Date;
  /** End entity first, trust anchor last. */
  chain: X509Certificate[];
  keyUsage: string[];
  policies: string[];
  /** SHA-256 of the DER certificate, hex. */
  sha256: string;
}

interface CachedPath {
  path: CertInfo[];
  result: ValidatedCert;
}

const MAX_PATH = 8;

export class PathValidator {
  private readonly anchors: CertInfo[];
  private readonly anchorHashes: Set<string>;
  private readonly intermediates: CertInfo[];
  private readonly crls: CrlStore;
  private readonly skew: number;
  private readonly transport: OcspTransport;
  private readonly now: () => Date;
  private readonly ttl: number;
  private readonly paths: ExpiringLru<string, CachedPath>;
  private readonly revocations: ExpiringLru<string, RevocationAnswer>;
  private readonly inflight = new Map<string, Promise<RevocationAnswer | undefined>>();

  constructor(private readonly cfg: TrustConfig, opts: PathValidatorOptions = {}) {
    const parseAll = (pems: string[] = []) => pems.flatMap((p) => pemCertificates(p)).map((d) => parseCertificate(d));
    this.anchors = parseAll(cfg.anchors);
    if (this.anchors.length === 0) throw new SigningError('cert-untrusted', 'trust configuration has no anchors');
    this.anchorHashes = new Set(this.anchors.map((a) => a.sha256));
    this.intermediates = parseAll(cfg.intermediates);
    this.crls = new CrlStore(cfg.crls);
    this.skew = opts.clockSkewMs ?? 5 * 60_000;
    this.transport = opts.fetch ?? httpOcspTransport(opts.ocspTimeoutMs ?? 5000);
    this.now = opts.now ?? (() => new Date());
    this.ttl = opts.defaultRevocationTtlMs ?? 60_000;
    this.paths = new ExpiringLru(opts.maxCacheEntries ?? 1000);
    this.revocations = new ExpiringLru(opts.maxCacheEntries ?? 1000);
  }

  /** Drops cached paths and revocation answers (e.g. after a trust configuration reload). */
  clearCache(): void {
    this.paths.clear();
    this.revocations.clear();
  }

  async validate(cert: CertInput, opts: ValidateOptions = {}): Promise<ValidatedCert> {
    const der = toDer(cert);
    const now = this.now();
    const key = hash('sha256', der, 'hex');
    let cached = this.paths.get(key, now.getTime());
    if (!cached) {
      const info = parseCertificate(der);
      const extra = (opts.intermediates ?? []).map((c) => parseCertificate(c));
      const path = this.buildPath(info, extra);
      cached = { path, result: toResult(path) };
      // A path stays valid as long as its certificates: recheck times per call, rebuild after expiry.
      this.paths.set(key, cached, Math.min(...path.map((c) => c.notAfter.getTime())) + this.skew);
    }
    const { path, result } = cached;
    this.checkTimes(path, opts.at ?? now);
    checkUsage(path[0]!, opts);
    await this.checkRevocation(path, now);
    return result;
  }

  /** Depth-first search from the end entity to an anchor; every link's signature is checked. */
  private buildPath(ee: CertInfo, extra: CertInfo[]): CertInfo[] {
    if (ee.unknownCritical.length) throw new SigningError('cert-untrusted', `unknown critical extension ${ee.unknownCritical[0]}`);
    const pool = [...this.intermediates, ...extra];
    const search = (path: CertInfo[]): CertInfo[] | undefined => {
      const cur = path[path.length - 1]!;
      if (this.anchorHashes.has(cur.sha256)) return path;
      if (path.length > MAX_PATH) return undefined;
      const candidates = [...this.anchors, ...pool].filter((c) => c.subjectDer.equals(cur.issuerDer) && !path.some((p) => p.sha256 === c.sha256));
      for (const issuer of candidates) {
        if (!this.canIssue(issuer, path.length - 1)) continue;
        if (!isIssuedBy(cur, issuer)) continue;
        const found = search([...path, issuer]);
        if (found) return found;
      }
      return undefined;
    };
    const path = search([ee]);
    if (!path) throw new SigningError('cert-untrusted', 'no path to a trust anchor');
    return path;
  }

  /** RFC 5280 §6.1.4 (k), (l), (n): basicConstraints cA, pathLenConstraint, keyCertSign. */
  private canIssue(ca: CertInfo, intermediatesBelow: number): boolean {
    if (!ca.ca && !this.anchorHashes.has(ca.sha256)) return false;
    if (ca.keyUsage && !ca.keyUsage.has('keyCertSign')) return false;
    if (ca.pathLen !== undefined && intermediatesBelow > ca.pathLen) return false;
    if (ca.unknownCritical.length) return false;
    return true;
  }

  /** Every certificate in the path must be valid at `at` (the shell model). */
  private checkTimes(path: CertInfo[], at: Date): void {
    const t = at.getTime();
    for (const c of path) {
      if (c.notBefore.getTime() > t + this.skew) throw new SigningError('cert-not-yet-valid', `certificate not valid before ${c.notBefore.toISOString()}`);
      if (c.notAfter.getTime() < t - this.skew) throw new SigningError('cert-expired', `certificate expired ${c.notAfter.toISOString()}`);
    }
  }

  /**
   * Every certificate below the anchor needs a current "good" answer, OCSP first, then CRL.
   * A revocation after the signing time still fails: without a trusted timestamp the signing
   * time is only the signer's claim.
   */
  private async checkRevocation(path: CertInfo[], now: Date): Promise<void> {
    for (let i = 0; i < path.length - 1; i++) {
      const cert = path[i]!;
      const issuer = path[i + 1]!;
      const ans = await this.revocationStatus(cert, issuer, now);
      if (ans?.status === 'revoked') throw new SigningError('cert-revoked', `certificate revoked ${ans.revokedAt?.toISOString() ?? ''}`.trim());
      if (ans?.status !== 'good') throw new SigningError('revocation-unknown', 'no current revocation status (OCSP and CRL)');
    }
  }

  private async revocationStatus(cert: CertInfo, issuer: CertInfo, now: Date): Promise<RevocationAnswer | undefined> {
    const key = `${issuer.sha256}:${cert.serialHex}`;
    const hit = this.revocations.get(key, now.getTime());
    if (hit) return hit;
    let p = this.inflight.get(key);
    if (!p) {
      p = this.fetchStatus(cert, issuer, now).finally(() => this.inflight.delete(key));
      this.inflight.set(key, p);
    }
    const ans = await p;
    if (ans && ans.status !== 'unknown') {
      const until = ans.nextUpdate ? ans.nextUpdate.getTime() : now.getTime() + this.ttl;
      this.revocations.set(key, ans, until);
    }
    return ans;
  }

  private async fetchStatus(cert: CertInfo, issuer: CertInfo, now: Date): Promise<RevocationAnswer | undefined> {
    const url = this.cfg.ocspUrl ?? cert.ocspUrls[0];
    if (url) {
      const ans = await queryOcsp(cert, issuer, { url, transport: this.transport, now, skewMs: this.skew });
      if (ans && ans.status !== 'unknown') return ans;
    }
    return this.crls.status(cert, issuer, now, this.skew);
  }
}

function checkUsage(ee: CertInfo, opts: ValidateOptions): void {
  for (const ku of opts.requireKeyUsage ?? []) {
    // A qualified signature needs the bit stated (EN 319 412-2 §4.3.2): an absent extension does not do.
    if (!ee.keyUsage?.has(ku as KeyUsageName)) throw new SigningError('key-usage', `certificate lacks keyUsage ${ku}`);
  }
  for (const eku of opts.requireEku ?? []) {
    if (!ee.eku?.includes(eku)) throw new SigningError('key-usage', `certificate lacks extendedKeyUsage ${eku}`);
  }
}

function toResult(path: CertInfo[]): ValidatedCert {
  const ee = path[0]!;
  return {
    cert: ee.x509(),
    publicKey: ee.publicKey,
    subject: ee.subject,
    fin: ee.fin,
    notBefore: ee.notBefore,
    notAfter: ee.notAfter,
    chain: path.map((c) => c.x509()),
    keyUsage: [...(ee.keyUsage ?? [])],
    policies: ee.policies,
    sha256: ee.sha256,
  };
}
