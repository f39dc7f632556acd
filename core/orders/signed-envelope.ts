/**
 * Parses the wire form of a signed document: `{ "<key>": {...}, "signature": "<base64 DER>" }`.
 * Exactly those two members; the signature must be strict base64 of a plausible DER SEQUENCE.
 * Errors name the field and the rule, never a value (the document holds personal codes).
 */
import { HubError } from '../../contracts/hub';
import type { SignedEnvelope } from './order.types';
import { MAX_VIOLATIONS, quoteName } from './schema-check';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** A CMS SignedData with a certificate chain is a few KB; far more is not a signature. */
const MAX_SIGNATURE_BYTES = 64 * 1024;

function bad(violations: string[], total = violations.length): HubError {
  const more = total > 3 ? ` (and ${total - 3} more)` : '';
  return new HubError('HUB_ERR_VALIDATION_BAD_REQUEST', {
    origin: 'client',
    message: `The signed request is malformed: ${violations.slice(0, 3).join('; ')}${more}`,
    details: { violations: violations.slice(0, MAX_VIOLATIONS), violationCount: total },
  });
}

export function parseSignedEnvelope<K extends string>(body: unknown, key: K): SignedEnvelope<K, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw bad(['/ must be a JSON object']);
  const o = body as Record<string, unknown>;
  const violations: string[] = [];
  if (!(key in o)) violations.push(`/${key} is required`);
  else if (o[key] === null || typeof o[key] !== 'object' || Array.isArray(o[key])) violations.push(`/${key} must be an object`);
  let signature: Buffer | undefined;
  if (!('signature' in o)) violations.push('/signature is required');
  else if (typeof o.signature !== 'string' || o.signature.length % 4 !== 0 || !BASE64.test(o.signature)) {
    violations.push('/signature must be base64 (DER CMS SignedData)');
  } else {
    signature = Buffer.from(o.signature, 'base64');
    if (signature.length > MAX_SIGNATURE_BYTES) violations.push('/signature is too large');
    else if (signature.length < 16 || signature[0] !== 0x30) violations.push('/signature is not a DER CMS SignedData');
  }
  // Unknown members are counted, and only the first few named (shortened and escaped: the client chose them).
  const unknown = Object.keys(o).filter((k) => k !== key && k !== 'signature');
  violations.push(...unknown.slice(0, MAX_VIOLATIONS).map((k) => `/ must not have the member ${quoteName(k)}`));
  if (violations.length > 0) throw bad(violations, violations.length + Math.max(0, unknown.length - MAX_VIOLATIONS));
  return { key, document: o[key], signature: signature as Buffer };
}

export function envelopeToWire(key: string, document: unknown, signature: Buffer): Record<string, unknown> {
  return { [key]: document, signature: signature.toString('base64') };
}
