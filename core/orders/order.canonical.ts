/**
 * The bytes a judge signs: RFC 8785 (JCS) canonical JSON of the document, UTF-8. The same
 * document always has the same bytes, whatever tool produced or re-serialized it.
 */
import { canonicalJsonBytes } from '../../signing/canonical-json';

export function canonicalBytes(document: unknown): Buffer {
  return canonicalJsonBytes(document);
}
