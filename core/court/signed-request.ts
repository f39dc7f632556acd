/**
 * The common front of every court action: parse the signed-document wire form, validate the
 * document against its schema, verify the CMS signature over its canonical bytes (path,
 * revocation, nonRepudiation), and turn every failure into a refusal that is audited before it
 * is answered (docs/security-model.md "anything else: refused, and audited"; fail closed).
 */
import { HubError, type HubErrorCode } from '../../contracts/hub';
import type { AppendOptions, AuditEventInput } from '../audit/audit-types';
import { signatureRefusal } from '../authz/signature-refusal';
import { DEFAULT_LIMITS, type TimeLimits } from '../authz/authz.types';
import { canonicalBytes } from '../orders/order.canonical';
import { parseSignedEnvelope } from '../orders/signed-envelope';
import type { VerifiedDocumentSigner } from '../orders/signature.port';
import type { CourtServiceDeps } from './ports';

export interface Court {
  deps: CourtServiceDeps;
  limits: TimeLimits;
  now(): Date;
}

/** What the signed-request front needs: a court, or another service on the same rules (decisions). */
export interface SignedGate {
  deps: Pick<CourtServiceDeps, 'audit' | 'verifier'>;
  limits: TimeLimits;
  now(): Date;
}

export function court(deps: CourtServiceDeps): Court {
  return { deps, limits: { ...DEFAULT_LIMITS, ...deps.limits }, now: deps.now ?? (() => new Date()) };
}

/** Appends the events, then throws. If even the audit fails, that failure is what the caller sees. */
export async function refuse(c: SignedGate, events: AuditEventInput[], code: HubErrorCode, details?: Record<string, unknown>, message?: string): Promise<never> {
  await audit(c, events);
  throw new HubError(code, { origin: 'client', details, message });
}

/**
 * Fail closed: an event that cannot be recorded stops the action (HUB_ERR_AUDIT_WRITE_FAILED;
 * HUB_ERR_ORDER_SUPERSEDED when a strict order move of `opts` no longer applied).
 */
export async function audit(c: SignedGate, events: AuditEventInput[], opts?: AppendOptions): Promise<void> {
  try {
    await c.deps.audit.appendAll(events, opts);
  } catch (err) {
    if (HubError.is(err, 'HUB_ERR_AUDIT_WRITE_FAILED') || HubError.is(err, 'HUB_ERR_ORDER_SUPERSEDED')) throw err;
    throw new HubError('HUB_ERR_AUDIT_WRITE_FAILED', { details: { reason: HubError.is(err) ? err.code : 'unexpected' } });
  }
}

export interface Verified<T> {
  document: T;
  signature: Buffer;
  signer: VerifiedDocumentSigner;
  /** The document's RFC 8785 canonical bytes, as verified: not computed again downstream. */
  bytes: Buffer;
}

export interface SignedRequestSpec<T> {
  key: string;
  parse(doc: unknown): T;
  /** Audit events recording the refusal of a request that could not be read or verified. */
  refusal(code: HubErrorCode, document: T | undefined): AuditEventInput[];
}

export async function verifySigned<T>(c: SignedGate, body: unknown, spec: SignedRequestSpec<T>): Promise<Verified<T>> {
  let document: T | undefined;
  let signature: Buffer;
  try {
    const env = parseSignedEnvelope(body, spec.key);
    signature = env.signature;
    document = spec.parse(env.document);
  } catch (err) {
    const e = HubError.is(err) ? err : new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client' });
    await audit(c, spec.refusal(e.code, document));
    throw e;
  }
  try {
    // docs/security-model.md: every person's request is a qualified signature: nonRepudiation is required.
    const bytes = canonicalBytes(document);
    const signer = await c.deps.verifier.verify(bytes, signature, { requireKeyUsage: ['nonRepudiation'] });
    return { document, signature, signer, bytes };
  } catch (err) {
    const code = signatureRefusal(err);
    return refuse(c, spec.refusal(code, document), code);
  }
}

/** Keep a nonce until its request can no longer pass the window check, and not longer. */
export function nonceKeepUntil(c: SignedGate, w: { issuedAt: string; expiresAt: string }): Date {
  const now = c.now().getTime();
  const expires = Date.parse(w.expiresAt);
  const bounded = Number.isFinite(expires) ? Math.min(expires, now + c.limits.maxLifetimeMs) : now + c.limits.maxLifetimeMs;
  return new Date(Math.max(bounded, now) + c.limits.clockSkewMs);
}

/** The X-Road userId of the requesting person (docs/ehis-profiles.md). */
export const xroadUserId = (fin: string): string => `AZ-FIN-${fin}`;

/** A minimal call context: the correlation id and a way to call other actions by name. */
export interface CallCtx {
  requestId: string;
  /** How long the caller waits for this action, when it said (Moleculer's distributed timeout). */
  timeoutMs?: number;
  call<T>(action: string, params: unknown, opts?: { timeout?: number }): Promise<T>;
}
