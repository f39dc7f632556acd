/**
 * Signature attacks on a signed REST answer (detached JWS in X-Road-Signature, README.md).
 */
import { alterChar } from './tamper';

/** Alters the first character of the first string value; the JSON stays valid. */
export function alterFirstValue(body: Buffer): Buffer {
  const text = body.toString('utf8');
  const at = text.indexOf('":"');
  if (at < 0) return body;
  const i = at + 3;
  return Buffer.from(text.slice(0, i) + alterChar(text[i]) + text.slice(i + 1));
}

/**
 * The REST counterpart of signature wrapping: the signed bytes travel as the attached payload of
 * the JWS (header.payload.signature, still a valid signature over them) while the HTTP body is
 * altered. A verifier that checks the JWS as sent, instead of detached over the body it consumes,
 * accepts it.
 */
export function wrapJws(jws: string, signedBody: Buffer): string {
  const parts = jws.split('.');
  if (parts.length !== 3) return jws;
  return `${parts[0]}.${signedBody.toString('base64url')}.${parts[2]}`;
}
