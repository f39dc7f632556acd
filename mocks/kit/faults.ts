/**
 * Fault injection for the mock agencies, as data (mocks/README.md lists every option).
 *
 * Each `*Rate` is the share of answers (0..1) that suffer that fault. The shares are disjoint: one
 * random draw per request picks at most one fault, in FAULT_ORDER, so the rates must add up to at
 * most 1. Draws come from a seeded PRNG: the same config and request sequence give the same faults.
 */
import { mulberry32, type Rng } from '../population-data/prng';

export type SignerVariant = 'default' | 'untrusted' | 'expired' | 'revoked';

export interface AgencyFaults {
  /** Added before every answer, ms. */
  latencyMs?: number;
  /** Server error: SOAP fault Server.InternalError / REST 500 problem internal-error. */
  errorRate?: number;
  /** SOAP fault Server.Unavailable / REST 503 problem unavailable. */
  unavailableRate?: number;
  /** A proxy's HTML error page: 502, text/html. */
  htmlErrorRate?: number;
  /** The normal answer, labelled text/html. */
  wrongContentTypeRate?: number;
  /** Complete HTTP message, broken payload (not well-formed XML / invalid JSON). */
  malformedRate?: number;
  /** Content-Length announces the whole answer; half is sent, then the connection is closed. */
  truncatedRate?: number;
  /** The connection is destroyed as soon as the request arrives (ECONNRESET at the client). */
  resetRate?: number;
  /** The answer trickles in 10 chunks spread over slowBodyMs. */
  slowBodyRate?: number;
  slowBodyMs?: number;
  /** An otherwise valid answer padded to hugeBodyBytes (default 20 MB), chunked, no Content-Length. */
  hugeBodyRate?: number;
  hugeBodyBytes?: number;
  /** After signing, one signed value is altered. */
  badSignatureRate?: number;
  /** After signing, the signed Body moves into a header wrapper and an attacker Body takes its place. */
  wrappedSignatureRate?: number;
  /** A previously sent answer is sent again verbatim (old message id, old signature). */
  replayRate?: number;
  /**
   * A previously sent answer is sent again with THIS request's message id put where an unsigned
   * reader would look (REST: the X-Road-Id header; SOAP: xrd:id, breaking its digest).
   */
  replayCurrentIdRate?: number;
  /**
   * A correctly signed, fresh answer bound to this request (its id, its request hash, REST `sub`
   * naming the subject asked) whose content is about another subject: `otherSubject`.
   */
  otherSubjectRate?: number;
  /** The FIN or VÖEN the otherSubject fault answers about (default the FIN 1AB2C3D). */
  otherSubject?: string;
  /**
   * An unsigned answer of `floodBytes` (default just under 1 MiB) whose payload is one element with as
   * many attributes as fit (about 100,000): work for a parser, before any signature is checked.
   */
  attributeFloodRate?: number;
  floodBytes?: number;
  /** The agency stops listening: connections are refused until this is set back to false. */
  refused?: boolean;
  /** Which signer signs the answers (the hooks come from the `signers` option). */
  signer?: SignerVariant;
  /** Seed of the fault draws. */
  seed?: number;
}

/** The answer faults, in the order their shares are laid out on [0, 1). */
export const FAULT_ORDER = [
  'reset', 'error', 'unavailable', 'htmlError', 'wrongContentType', 'malformed', 'truncated',
  'hugeBody', 'slowBody', 'badSignature', 'wrappedSignature', 'replay',
  'replayCurrentId', 'otherSubject', 'attributeFlood',
] as const;
export type AnswerFault = (typeof FAULT_ORDER)[number];

const RATE_KEYS = FAULT_ORDER.map((f) => `${f}Rate` as const);
const NUMBER_KEYS = ['latencyMs', 'slowBodyMs', 'hugeBodyBytes', 'floodBytes', 'seed'] as const;
const SIGNERS: readonly SignerVariant[] = ['default', 'untrusted', 'expired', 'revoked'];
const ALL_KEYS = new Set<string>([...RATE_KEYS, ...NUMBER_KEYS, 'refused', 'signer', 'otherSubject']);

export const DEFAULT_HUGE_BODY_BYTES = 20 * 1024 * 1024;
export const DEFAULT_OTHER_SUBJECT = '1AB2C3D';
/** Just under the hub's 1 MiB answer limit: the flood must reach the parser, not the size check. */
export const DEFAULT_FLOOD_BYTES = 1024 * 1024 - 4096;
export const DEFAULT_SLOW_BODY_MS = 2000;

export class FaultConfigError extends Error {
  constructor(readonly violations: string[]) {
    super(`invalid mock fault configuration: ${violations.join('; ')}`);
    this.name = 'FaultConfigError';
  }
}

/**
 * Checks a fault configuration and returns a frozen copy. Every violation is listed at once
 * (docs/conventions.md §12); unknown keys are violations.
 */
export function validateFaults(input: AgencyFaults): Readonly<AgencyFaults> {
  const violations: string[] = [];
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!ALL_KEYS.has(key)) violations.push(`unknown option "${key}"`);
  }
  let total = 0;
  for (const key of RATE_KEYS) {
    const v = record[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) violations.push(`${key} must be a number in [0, 1]`);
    else total += v;
  }
  if (total > 1 + 1e-9) violations.push(`the *Rate options add up to ${total.toFixed(3)}, more than 1`);
  for (const key of NUMBER_KEYS) {
    const v = record[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) violations.push(`${key} must be a number >= 0`);
  }
  if (record.refused !== undefined && typeof record.refused !== 'boolean') violations.push('refused must be true or false');
  if (record.otherSubject !== undefined && (typeof record.otherSubject !== 'string' || !/^(?:[0-9A-Z]{7}|[0-9]{10})$/.test(record.otherSubject))) {
    violations.push('otherSubject must be a FIN (7 characters of [0-9A-Z]) or a VÖEN (10 digits)');
  }
  if (record.signer !== undefined && !SIGNERS.includes(record.signer as SignerVariant)) {
    violations.push(`signer must be one of ${SIGNERS.join(', ')}`);
  }
  if (violations.length) throw new FaultConfigError(violations);
  return Object.freeze({ ...input });
}

/**
 * The env-var form: "latencyMs=20,errorRate=0.1,refused=true,signer=expired". Empty or unset
 * means no faults.
 */
export function parseFaults(text: string | undefined): Readonly<AgencyFaults> {
  const out: Record<string, unknown> = {};
  const violations: string[] = [];
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      violations.push(`"${part}" is not key=value`);
      continue;
    }
    const key = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (key === 'signer' || key === 'otherSubject') out[key] = raw;
    else if (key === 'refused') out[key] = raw === 'true' ? true : raw === 'false' ? false : raw;
    else out[key] = raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  if (violations.length) throw new FaultConfigError(violations);
  return validateFaults(out as AgencyFaults);
}

/** Accepts either form. */
export function toFaults(value: AgencyFaults | string | undefined): Readonly<AgencyFaults> {
  return typeof value === 'string' || value === undefined ? parseFaults(value) : validateFaults(value);
}

/** Draws the fault of each answer. A new config (setFaults) restarts the sequence from its seed. */
export class FaultPicker {
  private rng: Rng;
  constructor(private readonly faults: Readonly<AgencyFaults>) {
    this.rng = mulberry32(faults.seed ?? 0x5eed);
  }

  next(): AnswerFault | undefined {
    let any = false;
    for (const f of FAULT_ORDER) if (this.faults[`${f}Rate`]) any = true;
    if (!any) return undefined;
    const r = this.rng.next();
    let upper = 0;
    for (const f of FAULT_ORDER) {
      const rate = this.faults[`${f}Rate`] ?? 0;
      upper += rate;
      // A rate of 1 must always fire, whatever the float rounding of the shares before it.
      if (r < upper || rate === 1) return f;
    }
    return undefined;
  }
}
