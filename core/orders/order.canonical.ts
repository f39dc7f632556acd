/**
 * The bytes a judge signs: RFC 8785 (JCS) canonical JSON of the document, UTF-8. The same
 * document always has the same bytes, whatever tool produced or re-serialized it.
 */
import { canonicalJson } from '../../signing/canonical-json';

export function canonicalBytes(document: unknown): Buffer {
  return Buffer.from(canonicalJson(document), 'utf8');
}
