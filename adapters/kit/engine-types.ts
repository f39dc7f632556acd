/** What both EHİS engines (soap-engine.ts, rest-engine.ts) take and give. */
import { hash } from 'node:crypto';
import type { AdapterCallParams } from '../../contracts/hub';
import type { MapResult } from './descriptor';

export interface EngineCall {
  params: AdapterCallParams;
  /** X-Road id of THIS message, made by the hub (unique per message: a retry is a new message). */
  messageId: string;
  /** Aborted by the breaker timeout or the lookup deadline, with a HubError as reason. */
  signal: AbortSignal;
}

export interface EngineAnswer {
  result: MapResult;
  /** SHA-256 (hex) of the request (AdapterResult.requestHash) and of the exact answer bytes received. */
  requestHash: string;
  responseHash: string;
  /** The provider's signed answer as received, base64 (kept for the evidence packet). */
  signedAnswer: string;
  /** REST: the provider's X-Road-Signature over signedAnswer. */
  answerSignature?: string;
}

export interface Engine {
  call(operation: string, c: EngineCall): Promise<EngineAnswer>;
  /** Closes keep-alive sockets. */
  close(): void;
}

/** Validates a mapped model against its JSON Schema; throws HUB_ERR_UPSTREAM_BAD_ANSWER. */
export type ModelCheck = (operation: string, data: unknown) => void;

export function sha256Hex(b: Buffer): string {
  return hash('sha256', b, 'hex');
}

/** Media type without parameters, lower-case (RFC 9110 §8.3.1). */
export function mediaType(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return (v ?? '').split(';')[0].trim().toLowerCase();
}
