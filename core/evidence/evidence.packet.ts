/**
 * The evidence packet (statute 11.2, 12.4; docs/ehis-profiles.md, "Evidence"): what the judge takes into the case
 * file. It binds the judge's signed order to what each registry answered — outcome, data,
 * provider, message id, digests of the exact request and answer bytes, and the provider's own
 * signed answer as received — and the hub signs the whole (evidence.sign.ts).
 */
import { hash } from 'node:crypto';
import type { CategoryOutcome, FanOutSummary, InstitutionOutcome } from '../../contracts/hub';
import type { VerifiedSigner } from '../authz/authz.types';
import { canonicalBytes } from '../orders/order.canonical';
import type { LookupOrder } from '../orders/order.types';

export const EVIDENCE_TYPE = 'court-hub/evidence-packet';

export interface EvidenceOutcome {
  section: string;
  status: CategoryOutcome['status'];
  provider?: string;
  messageId?: string;
  /** SHA-256 (hex) of the exact request bytes sent to the registry. */
  requestHash?: string;
  /** SHA-256 (hex) of the exact answer bytes received. */
  responseHash?: string;
  /** The provider's signed answer as received (base64): checkable against the provider's certificate. */
  signedAnswer?: string;
  /**
   * REST: the provider's X-Road-Signature, a detached JWS over signedAnswer whose protected header
   * binds it to messageId, requestHash, the subject and a time (contracts/registries/README.md).
   * SOAP answers carry their signature inside signedAnswer.
   */
  answerSignature?: string;
  data?: unknown;
  error?: { code: string; message: string };
  /**
   * Scatter-gather categories (11.2.13, 11.2.17): each institution's outcome with its own message
   * id, digests and signed answer (checkable against that institution's certificate), and the summary.
   */
  institutions?: InstitutionOutcome[];
  summary?: FanOutSummary;
}

export interface EvidencePacket {
  type: typeof EVIDENCE_TYPE;
  version: 1;
  orderId: string;
  caseNumber: string;
  /** Correlation id of the lookup (ctx.requestID), also in the audit trail. */
  requestId: string;
  /** The order exactly as signed, its canonical digest and the judge's CMS signature (base64). */
  order: LookupOrder;
  orderSha256: string;
  orderSignature: string;
  judge: { fin: string | null; certSha256: string; signingTime: string };
  outcomes: EvidenceOutcome[];
  issuedAt: string;
}

export interface PacketInput {
  order: LookupOrder;
  /** The order's canonical bytes as verified, when at hand (not canonicalized again). */
  orderBytes?: Buffer;
  orderSignature: Buffer;
  signer: VerifiedSigner;
  requestId: string;
  outcomes: CategoryOutcome[];
  issuedAt: Date;
}

export function buildPacket(p: PacketInput): EvidencePacket {
  return {
    type: EVIDENCE_TYPE,
    version: 1,
    orderId: p.order.orderId,
    caseNumber: p.order.caseNumber,
    requestId: p.requestId,
    order: p.order,
    orderSha256: hash('sha256', p.orderBytes ?? canonicalBytes(p.order), 'hex'),
    orderSignature: p.orderSignature.toString('base64'),
    judge: { fin: p.signer.fin ?? null, certSha256: p.signer.certSha256, signingTime: p.signer.signingTime.toISOString() },
    outcomes: p.outcomes.map((o) => {
      const e: EvidenceOutcome = { section: o.section, status: o.status };
      if (o.provider !== undefined) e.provider = o.provider;
      if (o.messageId !== undefined) e.messageId = o.messageId;
      if (o.requestHash !== undefined) e.requestHash = o.requestHash;
      if (o.responseHash !== undefined) e.responseHash = o.responseHash;
      if (o.signedAnswer !== undefined) e.signedAnswer = o.signedAnswer;
      if (o.answerSignature !== undefined) e.answerSignature = o.answerSignature;
      if (o.data !== undefined) e.data = o.data;
      if (o.error !== undefined) e.error = { code: o.error.code, message: o.error.message };
      if (o.institutions !== undefined) e.institutions = o.institutions;
      if (o.summary !== undefined) e.summary = o.summary;
      return e;
    }),
    issuedAt: p.issuedAt.toISOString(),
  };
}
