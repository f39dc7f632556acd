/**
 * decisions.submit / decisions.inForce / decisions.enforcementStatus: a judge's signed decision
 * (6.1.22, 12.6), its entry into legal force as a second signed act with the hub's attestation,
 * and the enforcement status history the judge of the case may read (6.1.19). Every refusal is
 * audited before it is answered; every accepted act is audited before it is stored (fail closed).
 */
import { hash } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import type { AuditEventInput } from '../audit/audit-types';
import { isDenied, type TimeLimits } from '../authz/authz.types';
import { audit, nonceKeepUntil, refuse, verifySigned, type CallCtx, type SignedGate } from '../court/signed-request';
import { canonicalBytes } from '../orders/order.canonical';
import { ID, NONCE, checker } from '../orders/schema-check';
import type { AuditPort } from '../court/ports';
import type { DocumentSigner, SignatureVerifier } from '../orders/signature.port';
import type { SignedDecision } from '../store/repositories/signed-decisions';
import type { DecisionStore } from './decision-store';
import { authorizeDecision, authorizeInForce, authorizeStatusRead } from './decision.policy';
import { parseDecision, parseInForce, type DecisionDocument, type InForceDocument } from './decision.types';
import { inForceEvents } from './outbox-events';

export interface DecisionServiceDeps {
  store: DecisionStore;
  audit: AuditPort;
  verifier: SignatureVerifier;
  /** Signs the hub's attestation of legal force. */
  hubSigner: DocumentSigner;
  limits?: Partial<TimeLimits>;
  now?: () => Date;
}

export interface Decisions extends SignedGate { deps: DecisionServiceDeps }

const sha256 = (b: Buffer) => hash('sha256', b, 'hex');

/** The document the hub signs when a decision enters legal force; its CMS signing time is the attestation's time. */
export function legalForceAttestation(d: Pick<SignedDecision, 'id' | 'caseNumber' | 'courtId' | 'kind' | 'signatureSha256'>, legalForceAt: string, inForceSignatureSha256: string) {
  return {
    attestation: 'legal-force', decisionId: d.id, caseNumber: d.caseNumber, courtId: d.courtId, kind: d.kind,
    decisionSignatureSha256: d.signatureSha256, inForceSignatureSha256, legalForceAt,
  };
}

export interface SubmitResult { decisionId: string; caseNumber: string; signatureSha256: string; addressees: string[]; toEnforce: boolean }

export async function runSubmitDecision(c: Decisions, ctx: CallCtx, body: unknown): Promise<SubmitResult> {
  const ev = (outcome: string, d?: DecisionDocument, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type: 'decision-registered', outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: d?.caseNumber ?? null,
    details: { ...(d ? { decisionId: d.decisionId, kind: d.kind } : {}), ...details },
  });
  const { document: d, signature, signer } = await verifySigned(c, body, { key: 'decision', parse: parseDecision, refusal: (code, doc) => [ev(code, doc)] });
  if (new Set(d.addressees.map((a) => a.agencyId)).size !== d.addressees.length) {
    const e = new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', { origin: 'client', message: 'The decision names an agency twice among its addressees', details: { violations: ['/addressees must name each agencyId once'] } });
    await audit(c, [ev(e.code, d, signer.fin)]);
    throw e;
  }
  const { store } = c.deps;
  const [roster, caseRecord, agencies] = await Promise.all([
    signer.fin ? store.roster(signer.fin) : Promise.resolve(null), store.courtCase(d.caseNumber), store.agencies(d.addressees.map((a) => a.agencyId)),
  ]);
  const nonceFresh = await store.claimNonce(d.nonce, nonceKeepUntil(c, d));
  const verdict = authorizeDecision({ signer, roster, caseRecord, decision: d, agencies, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny, d, signer.fin)], verdict.deny);
  const signatureSha256 = sha256(signature);
  const addressees = d.addressees.map((a) => a.agencyId);
  await audit(c, [ev('registered', d, signer.fin, { signatureSha256, textSha256: d.textSha256, addressees, toEnforce: d.toEnforce })]);
  const inserted = await store.insertDecision({ document: d, signature, signatureSha256, signedBy: signer.fin as string });
  if (!inserted) return refuse(c, [ev('HUB_ERR_DECISION_ID_REUSED', d, signer.fin)], 'HUB_ERR_DECISION_ID_REUSED');
  return { decisionId: d.decisionId, caseNumber: d.caseNumber, signatureSha256, addressees, toEnforce: d.toEnforce };
}

export interface InForceResult {
  decisionId: string;
  legalForceAt: string;
  /** The hub's attestation of legal force: detached CMS (DER, base64) over `attestedContent`. */
  attestation: string;
  /** The RFC 8785 canonical bytes the attestation signs (base64), so that anyone can verify it. */
  attestedContent: string;
  events: number;
}

export async function runDecisionInForce(c: Decisions, ctx: CallCtx, body: unknown): Promise<InForceResult> {
  const ev = (outcome: string, a?: InForceDocument, actor?: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    type: 'decision-in-force', outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: a?.caseNumber ?? null,
    details: { ...(a ? { decisionId: a.decisionId } : {}), ...details },
  });
  const { document: act, signature, signer } = await verifySigned(c, body, { key: 'inForce', parse: parseInForce, refusal: (code, doc) => [ev(code, doc)] });
  const { store } = c.deps;
  const [roster, caseRecord, decision] = await Promise.all([
    signer.fin ? store.roster(signer.fin) : Promise.resolve(null), store.courtCase(act.caseNumber), store.decision(act.decisionId),
  ]);
  const nonceFresh = await store.claimNonce(act.nonce, nonceKeepUntil(c, act));
  const verdict = authorizeInForce({ signer, roster, caseRecord, act, decision, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny, act, signer.fin)], verdict.deny);
  const d = decision as SignedDecision;
  const inForceSignatureSha256 = sha256(signature);
  const legalForceAt = new Date(act.legalForceAt);
  const attested = canonicalBytes(legalForceAttestation(d, legalForceAt.toISOString(), inForceSignatureSha256));
  const attestation = await c.deps.hubSigner.sign(attested);
  const agencies = await store.agencies([...d.addressees.map((a) => a.agencyId), 'enforcement']);
  await audit(c, [ev('in-force', act, signer.fin, { legalForceAt: legalForceAt.toISOString(), inForceSignatureSha256, attestationSha256: sha256(attestation) })]);
  const r = await store.enterLegalForce({ decisionId: d.id, legalForceAt, document: act, signature, by: signer.fin as string, attestation }, (x) => inForceEvents(x, agencies));
  if (r.outcome === 'already') return refuse(c, [ev('HUB_ERR_DECISION_ALREADY_IN_FORCE', act, signer.fin)], 'HUB_ERR_DECISION_ALREADY_IN_FORCE');
  if (r.outcome === 'missing') throw new HubError('HUB_ERR_DECISION_NOT_FOUND', { origin: 'client' });
  return {
    decisionId: d.id, legalForceAt: legalForceAt.toISOString(), attestation: attestation.toString('base64'),
    attestedContent: Buffer.from(attested).toString('base64'), events: r.events.length,
  };
}

interface StatusRequest { decisionId: string; issuedAt: string; expiresAt: string; nonce: string }
const parseStatusRequest = checker<StatusRequest>({
  type: 'object', additionalProperties: false, required: ['decisionId', 'issuedAt', 'expiresAt', 'nonce'],
  properties: { decisionId: { type: 'string', pattern: ID }, issuedAt: { type: 'string', format: 'date-time' }, expiresAt: { type: 'string', format: 'date-time' }, nonce: { type: 'string', pattern: NONCE } },
}, 'enforcement status request');

export async function runEnforcementStatus(c: Decisions, ctx: CallCtx, body: unknown): Promise<unknown> {
  const ev = (outcome: string, r?: StatusRequest, actor?: string, caseNumber?: string): AuditEventInput => ({
    type: 'enforcement-status-read', outcome, requestId: ctx.requestId, actor: actor ?? null, caseNumber: caseNumber ?? null, details: r ? { decisionId: r.decisionId, reader: 'judge' } : { reader: 'judge' },
  });
  const { document: r, signer } = await verifySigned(c, body, { key: 'request', parse: parseStatusRequest, refusal: (code, doc) => [ev(code, doc)] });
  const { store } = c.deps;
  const decision = await store.decision(r.decisionId);
  const [roster, caseRecord] = await Promise.all([signer.fin ? store.roster(signer.fin) : Promise.resolve(null), decision ? store.courtCase(decision.caseNumber) : Promise.resolve(null)]);
  const nonceFresh = await store.claimNonce(r.nonce, nonceKeepUntil(c, r));
  const verdict = authorizeStatusRead({ signer, roster, caseRecord, request: r, decision, now: c.now(), nonceFresh, limits: c.limits });
  if (isDenied(verdict)) return refuse(c, [ev(verdict.deny, r, signer.fin, decision?.caseNumber)], verdict.deny);
  const [current, history] = await Promise.all([store.currentStatus(r.decisionId), store.statusHistory(r.decisionId)]);
  await audit(c, [ev('read', r, signer.fin, decision?.caseNumber)]);
  return { decisionId: r.decisionId, legalForceAt: decision?.legalForceAt?.toISOString() ?? null, toEnforce: decision?.toEnforce ?? false, current: current ? statusView(current) : null, history: history.map(statusView) };
}

export function statusView(s: { version: number; agencyId: string; status: string; amountRecovered: string | null; note: string | null; reportedAt: Date; receivedAt: Date }) {
  return { version: s.version, agencyId: s.agencyId, status: s.status, amountRecovered: s.amountRecovered, note: s.note, reportedAt: s.reportedAt.toISOString(), receivedAt: s.receivedAt.toISOString() };
}
