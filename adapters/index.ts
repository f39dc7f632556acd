/**
 * Every adapter of the hub. Adding a registry = a contracts folder + an adapter folder + one line
 * here (STYLE.md rule 1). The bus creates one service per descriptor (kit/service-factory.ts); the
 * conformance suite (test/conformance) runs the same scenarios against each.
 */
import type { AdapterDescriptor } from './kit/descriptor';
import { phoneAdapter } from './phone/phone.adapter';
import { populationAdapter } from './population/population.adapter';

export const ADAPTERS: readonly AdapterDescriptor[] = [populationAdapter, phoneAdapter];

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
