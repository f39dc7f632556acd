/**
 * The enforcement transfer wired for one core node: the transfer client of
 * adapters/enforcement-transfer with the hub key, the enforcement service's pinned certificate from
 * the agencies directory, and the decision as the store holds it (the judge's signed document,
 * the in-force act, the hub's attestation).
 */
import type { Registry } from 'prom-client';
import { wssSign, wssVerify } from '../../adapters';
import { createTransferClient, type TransferClient } from '../../adapters/enforcement-transfer/transfer.client';
import type { TransferInput } from '../../adapters/enforcement-transfer/transfer.payload';
import type { Db } from '../../core/store';
import { getAgency } from '../../core/store/repositories/agencies';
import { getSignedDecision } from '../../core/store/repositories/signed-decisions';
import type { XRoadSubsystem } from '../../registry/types';
import type { PathValidator } from '../../signing/pki';
import { XROAD_HEADERS, type WssSigner } from '../../signing/wss';
import { pinnedAgencyTrust } from './pinned-agency';

export const ENFORCEMENT_AGENCY_ID = 'enforcement';

function subsystemOf(memberId: string): XRoadSubsystem {
  const [instance, memberClass, memberCode, subsystemCode] = memberId.split('/');
  return { instance, memberClass, memberCode, subsystemCode };
}

/** What the transfer carries for a decision in force; null for one unknown or not in force. */
export async function transferInput(db: Db, decisionId: string): Promise<(TransferInput & { userId: string }) | null> {
  const d = await getSignedDecision(db, decisionId);
  if (!d || !d.legalForceAt || !d.document || !d.signature || !d.attestation) return null;
  const doc = d.document;
  const addressed = d.addressees.find((a) => a.agencyId === ENFORCEMENT_AGENCY_ID);
  return {
    decisionId: d.id, caseNumber: d.caseNumber, courtId: doc.courtId, kind: doc.kind, adoptedAt: new Date(doc.adoptedAt).toISOString(),
    legalForceAt: new Date(d.legalForceAt).toISOString(), parties: doc.parties, actions: addressed?.actions ?? ['enforce'],
    operativePart: doc.operativePart, textSha256: doc.textSha256, document: doc, judgeSignature: d.signature, attestation: d.attestation,
    userId: `AZ-FIN-${d.inForceBy ?? d.signedBy}`,
  };
}

export async function enforcementTransfer(o: { db: Db; endpoint: string; client: XRoadSubsystem; hub: WssSigner; validator: PathValidator; metricsRegistry: Registry }): Promise<TransferClient | null> {
  const agency = await getAgency(o.db, ENFORCEMENT_AGENCY_ID);
  if (!agency || !agency.active) return null;
  const trust = pinnedAgencyTrust(o.validator, agency.certSha256);
  return createTransferClient({
    endpoint: o.endpoint, client: o.client, provider: subsystemOf(agency.memberId),
    sign: wssSign(o.hub),
    // The enforcement service's pinned certificate, never a key the answer brings; the answer must
    // sign its request hash (profile v2).
    verify: wssVerify({ trust: (der) => trust(der), requiredRefs: ['Body', 'Timestamp', ...XROAD_HEADERS, 'requestHash'] }),
    load: (id) => transferInput(o.db, id),
    metricsRegistry: o.metricsRegistry,
  });
}
