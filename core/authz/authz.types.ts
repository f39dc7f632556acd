/**
 * The plain data the authorization policies decide on (docs/security-model.md: "authorization is a pure
 * policy over (verified signer, order, case, roster, catalog)"). No I/O here: the court service
 * loads these from the store, the policies only read them, so every rule is testable with
 * literals.
 */
import type { HubErrorCode } from '../../contracts/hub';
import type { CategoryEntry } from '../../registry';

/** A signer whose CMS signature, certificate path, revocation and key usage were verified. */
export interface VerifiedSigner {
  /** Subject serialNumber (2.5.4.5) of the certificate: the person's FIN (docs/security-model.md). */
  fin?: string;
  /** SHA-256 (hex) of the DER certificate: compared with the roster's binding. */
  certSha256: string;
  /** The CAdES signing-time attribute (the signer's claim). */
  signingTime: Date;
}

export type RosterRole = 'judge' | 'staff' | 'operator';

export interface RosterEntry {
  fin: string;
  role: RosterRole;
  /** 9.2.5: access ends when a person leaves. */
  active: boolean;
  courtId: string | null;
  /** The certificate bound to this person; null until the PKI binds one. */
  certSha256: string | null;
}

export interface CaseView {
  number: string;
  courtId: string;
  status: 'open' | 'closed';
  judgeFin: string | null;
  parties: { fin?: string; voen?: string }[];
}

export interface DecisionView {
  id: string;
  caseNumber: string;
  legalForceAt: Date | null;
  /** FIN of the judge who signed it. */
  signedBy: string;
}

export type CategoryRule = Pick<CategoryEntry, 'section' | 'basis' | 'subjects'>;
export interface CategorySource { bySection(section: string): CategoryRule | undefined }

export interface TimeLimits {
  /** Tolerated difference between the signer's clock and the hub's. */
  clockSkewMs: number;
  /** Longest validity window a signed request may claim. */
  maxLifetimeMs: number;
}

/** Default limits: 2 minutes of skew (the PKI allows 5 for certificates), orders live at most a day. */
export const DEFAULT_LIMITS: TimeLimits = { clockSkewMs: 2 * 60_000, maxLifetimeMs: 24 * 3_600_000 };

export type PolicyDecision = { allow: true } | { deny: HubErrorCode };

export const ALLOW: PolicyDecision = Object.freeze({ allow: true as const });
export const deny = (code: HubErrorCode): PolicyDecision => ({ deny: code });
export const isDenied = (d: PolicyDecision): d is { deny: HubErrorCode } => 'deny' in d;
