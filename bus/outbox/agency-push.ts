/**
 * One core node's part of the agencies' push, as the composition root starts it: the outbox
 * delivery (bus/outbox/index.ts) with the enforcement transfer as the channel of the enforcement
 * service's "decision to enforce" events. The transfer endpoint is ENFORCEMENT_TRANSFER_URL, or the
 * mock enforcement service's when this process runs the mocks.
 */
import type { Registry } from 'prom-client';
import { xroadClientHeader } from '../../adapters/kit/rest-engine';
import type { Store } from '../../core/store';
import type { XRoadSubsystem } from '../../registry/types';
import type { HubPki } from '../hub-pki';
import type { HealthCheck } from '../ops.service';
import { enforcementTransfer } from './enforcement-wiring';
import { startAgencyDelivery } from './index';

export interface AgencyPush { health: HealthCheck; stop(): Promise<void> }

export async function startAgencyPush(o: {
  store: Store; pki: HubPki; transporter: string | null; hubXroad: XRoadSubsystem; metricsRegistry: Registry; transferUrl?: string;
}): Promise<AgencyPush> {
  const transfer = o.transferUrl
    ? await enforcementTransfer({ db: o.store, endpoint: o.transferUrl, client: o.hubXroad, hub: o.pki.hub, validator: o.pki.validator, metricsRegistry: o.metricsRegistry })
    : null;
  const delivery = await startAgencyDelivery({
    db: o.store, transporter: o.transporter, hub: { signer: o.pki.hub, client: xroadClientHeader(o.hubXroad) }, validator: o.pki.validator,
    metricsRegistry: o.metricsRegistry, enforcementTransfer: transfer ? async (e, signal) => { await transfer.send(e, signal); } : undefined,
  });
  return {
    health: () => delivery.health(),
    async stop() {
      await delivery.stop();
      transfer?.close();
    },
  };
}
