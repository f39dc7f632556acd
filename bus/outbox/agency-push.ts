/**
 * One core node's part of the agencies' push, as the composition root starts it: the outbox
 * delivery (bus/outbox/index.ts) with the enforcement transfer as the channel of the enforcement
 * service's "decision to enforce" events. The transfer endpoint is ENFORCEMENT_TRANSFER_URL, or the
 * mock enforcement service's when this process runs the mocks.
 */
import type { Registry } from 'prom-client';
import { xroadClientHeader } from '../../adapters/kit/rest-engine';
import type { TransferAnswer } from '../../adapters/enforcement-transfer/transfer.payload';
import { addresseeEvents } from '../../core/decisions/outbox-events';
import { channelOf, type OutboxEvent } from '../../core/outbox';
import { appendOutbox, listAgencies, type Db, type Store } from '../../core/store';
import { getSignedDecision } from '../../core/store/repositories/signed-decisions';
import type { XRoadSubsystem } from '../../registry/types';
import type { HubPki } from '../hub-pki';
import type { HealthCheck } from '../ops.service';
import { ENFORCEMENT_AGENCY_ID, enforcementTransfer } from './enforcement-wiring';
import { startAgencyDelivery } from './index';

/**
 * 6.1.19: once the enforcement service has taken a decision over (its transfer acknowledged), every
 * subscribed addressee hears of it — in the same transaction as the transfer's delivery.
 */
async function sentToEnforcement(tx: Db, e: OutboxEvent, answer: unknown): Promise<void> {
  if (channelOf(e) !== 'enforcement-transfer') return;
  const d = await getSignedDecision(tx, e.decisionId);
  if (!d) return;
  const a = answer as TransferAnswer;
  const events = addresseeEvents(d, await listAgencies(tx), 'sent-to-enforcement', { proceedingNumber: a.proceedingNumber, acceptedAt: a.acceptedAt }, ENFORCEMENT_AGENCY_ID);
  if (events.length > 0) await appendOutbox(tx, events);
}

export interface AgencyPush { health: HealthCheck; stop(): Promise<void> }

export async function startAgencyPush(o: {
  store: Store; pki: HubPki; transporter: string | null; hubXroad: XRoadSubsystem; metricsRegistry: Registry; transferUrl?: string;
}): Promise<AgencyPush> {
  const transfer = o.transferUrl
    ? await enforcementTransfer({ db: o.store, endpoint: o.transferUrl, client: o.hubXroad, hub: o.pki.hub, validator: o.pki.validator, metricsRegistry: o.metricsRegistry })
    : null;
  const delivery = await startAgencyDelivery({
    db: o.store, transporter: o.transporter, hub: { signer: o.pki.hub, client: xroadClientHeader(o.hubXroad) }, validator: o.pki.validator,
    metricsRegistry: o.metricsRegistry, enforcementTransfer: transfer ? (e, signal) => transfer.send(e, signal) : undefined,
    afterDelivered: sentToEnforcement,
  });
  return {
    health: () => delivery.health(),
    async stop() {
      await delivery.stop();
      transfer?.close();
    },
  };
}
