/**
 * The hub's side of the enforcement transfer (statute 6.1.19): a decision to be enforced, once in
 * force, goes to the enforcement service's transferDecision over EHİS SOAP — built from the adapter
 * kit's parts: the X-Road 4.0 envelope, WS-Security with the hub key, one opossum breaker for the
 * endpoint (its state in /metrics and /health like every registry's), the streaming POST with a
 * size limit, the answer's signature checked against the enforcement service's pinned certificate
 * before anything is read, then bound to this request (signed xrd:id and xrd:requestHash).
 *
 * Idempotent by decision id: sending the same decision again (an outbox retry after a lost answer)
 * is answered with the same proceeding, `already-accepted`; both count as delivered.
 */
import { randomUUID } from 'node:crypto';
import type { Registry } from 'prom-client';
import { HubError } from '../../contracts/hub';
import { soapRequestHash } from '../../contracts/registries/xroad-profile';
import type { OutboxEvent } from '../../core/outbox';
import type { XRoadSubsystem, BreakerSettings } from '../../registry/types';
import { onlyChild, textContent } from '../../signing/xml/light-dom';
import { compareHash, requireId, requireRequestHash } from '../kit/answer-binding';
import { breakerRegistry, ProviderBreaker } from '../kit/breaker';
import { breakerMetrics } from '../kit/breaker-metrics';
import { createAgent, postRaw } from '../kit/http-post';
import type { SoapSign, SoapVerify } from '../kit/seams';
import { fromVerifyError, upstreamError } from '../kit/upstream-errors';
import { compileEnvelope, NS_SOAP } from '../kit/xroad-envelope';
import { buildTransfer, mapTransferAnswer, TRANSFER_SERVICE, TRANSFER_SOAP_ACTION, type TransferAnswer, type TransferInput } from './transfer.payload';

export interface TransferClientOptions {
  endpoint: string;
  client: XRoadSubsystem;
  /** The enforcement service's X-Road subsystem (agencies directory). */
  provider: XRoadSubsystem;
  sign: SoapSign;
  /** Bound to the enforcement service's pinned certificate. */
  verify: SoapVerify;
  /** What to transfer for a decision (from the store): null when the decision is unknown or not in force. */
  load(decisionId: string): Promise<(TransferInput & { userId: string }) | null>;
  metricsRegistry: Registry;
  breaker?: Partial<BreakerSettings>;
  timeoutMs?: number;
  maxAnswerBytes?: number;
}

export const TRANSFER_PROVIDER = 'enforcement-transfer';
const DEFAULT_BREAKER: BreakerSettings = { errorThresholdPercentage: 50, volumeThreshold: 5, resetTimeoutMs: 10_000, rollingCountTimeoutMs: 10_000, capacity: 16 };

export function createTransferClient(o: TransferClientOptions) {
  const render = compileEnvelope(o.client, o.provider, TRANSFER_SERVICE);
  const agent = createAgent(o.endpoint, 16);
  const timeoutMs = o.timeoutMs ?? 10_000;
  const breaker = new ProviderBreaker({ provider: TRANSFER_PROVIDER, endpoint: o.endpoint, settings: { ...DEFAULT_BREAKER, ...o.breaker }, timeoutMs, metrics: breakerMetrics(o.metricsRegistry) });
  breakerRegistry.add(breaker);
  const where = { provider: TRANSFER_PROVIDER, operation: 'transferDecision' };

  async function call(t: TransferInput & { userId: string }, signal: AbortSignal): Promise<TransferAnswer> {
    const messageId = randomUUID();
    const signed = Buffer.from(o.sign(render({ id: messageId, userId: t.userId, issue: t.caseNumber, payload: buildTransfer(t) })), 'utf8');
    const answer = await postRaw(o.endpoint, signed, {
      agent, signal, maxBytes: o.maxAnswerBytes ?? 256 * 1024, where,
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${TRANSFER_SOAP_ACTION}"`, Accept: 'text/xml' },
    });
    let verified;
    try {
      verified = await o.verify(answer.body);
    } catch (err) {
      throw fromVerifyError(err, where, { verifierParsesBody: true });
    }
    requireId(verified.headers.id, messageId, where);
    const rh = verified.headers.requestHash;
    requireRequestHash(rh ? compareHash(rh.value, soapRequestHash(signed, rh.algorithmId) ?? '') : 'missing', where);
    const payload = verified.body;
    if (payload.ns === NS_SOAP && payload.local === 'Fault') {
      const code = textContent(onlyChild(payload, '', 'faultcode') ?? payload).trim();
      const local = code.slice(code.indexOf(':') + 1);
      throw upstreamError(local.startsWith('Client.') ? 'HUB_ERR_UPSTREAM_REJECTED' : local === 'Server.Unavailable' ? 'HUB_ERR_UPSTREAM_UNAVAILABLE' : 'HUB_ERR_UPSTREAM_FAULT', where, { faultCode: local, httpStatus: answer.status });
    }
    if (answer.status < 200 || answer.status > 299) throw upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { httpStatus: answer.status, reason: 'status' });
    try {
      return mapTransferAnswer(payload, t.decisionId);
    } catch (err) {
      throw HubError.is(err) ? err : upstreamError('HUB_ERR_UPSTREAM_BAD_ANSWER', where, { reason: 'mapper' }, err);
    }
  }

  return {
    /** The outbox sender of the enforcement channel. */
    async send(e: OutboxEvent, signal: AbortSignal): Promise<TransferAnswer> {
      const t = await o.load(e.decisionId);
      if (!t) throw new HubError('HUB_ERR_VALIDATION_NOT_FOUND', { origin: 'hub', details: { reason: 'decision-not-in-force' } });
      // Aborted by the breaker's timeout or by the delivery's own bound, whichever comes first.
      return breaker.fire('transferDecision', Date.now() + timeoutMs, (s) => call(t, AbortSignal.any([signal, s])));
    },
    close() {
      breaker.shutdown();
      breakerRegistry.remove(breaker);
      agent.destroy();
    },
  };
}

export type TransferClient = ReturnType<typeof createTransferClient>;
