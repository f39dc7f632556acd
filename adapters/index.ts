/**
 * Every adapter of the hub, one per registry module (contracts/registries/modules.ts), found by
 * convention: adapters/<id>/<id>.adapter.ts exports `adapter` (docs/adding-a-registry.md). The bus
 * creates one service per descriptor (kit/service-factory.ts); the conformance suite
 * (test/conformance) runs the same scenarios against each.
 */
import { join } from 'node:path';
import { REGISTRY_MODULES } from '../contracts/registries/modules';
import type { AdapterDescriptor } from './kit/descriptor';

/** adapters/<id>/<id>.adapter: its `adapter` export, checked to be the module's. */
export function loadAdapter(id: string): AdapterDescriptor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(__dirname, id, `${id}.adapter`)) as { adapter?: AdapterDescriptor };
  if (!mod.adapter || mod.adapter.provider !== id) throw new Error(`adapters/${id}/${id}.adapter must export "adapter" with provider "${id}"`);
  return mod.adapter;
}

export const ADAPTERS: readonly AdapterDescriptor[] = Object.freeze(REGISTRY_MODULES.map(loadAdapter));

/** The adapter actions that exist, `adapter.<provider>.<operation>`: what makes a catalog entry connected. */
export function adapterActions(adapters: readonly AdapterDescriptor[] = ADAPTERS): string[] {
  return adapters.flatMap((d) => d.operations.map((o) => `adapter.${d.provider}.${o.name}`));
}

export { createAdapterService } from './kit/service-factory';
export type { AdapterServiceDeps } from './kit/service-factory';
export { getBreakerStates, breakerRegistry, BreakerRegistry } from './kit/breaker';
export type { BreakerStatus, BreakerState } from './kit/breaker';
export { METRIC_BREAKER_STATE, METRIC_BREAKER_EVENTS, METRIC_UPSTREAM_DURATION } from './kit/breaker-metrics';
export { SOAP_REF_IDS } from './kit/xroad-envelope';
export type { AdapterDescriptor } from './kit/descriptor';
export type { SoapSign, SoapVerify, RestSign, RestVerify, VerifiedSoapAnswer, VerifiedRestAnswer } from './kit/seams';
export { memoryReplayGuard, REPLAY_WINDOW_MS } from './kit/replay-guard';
export type { ReplayGuard } from './kit/replay-guard';
export { jetStreamReplayGuard } from './kit/jetstream-replay-guard';
export { wssSign, wssVerify, jwsSign, jwsVerify } from './kit/signing-wiring';
