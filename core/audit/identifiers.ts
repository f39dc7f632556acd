/**
 * Personal identifiers in the audit trail are keyed hashes (docs/security-model.md): HMAC-SHA256 under a
 * key from config. The same FIN always maps to the same value, so the access report (13.3) can
 * find a person's records, but someone reading the table cannot enumerate the 7-character FIN
 * space back to people without the key. The kind is part of the input so a FIN and a VÖEN
 * never collide.
 */
import { createHmac } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import type { Subject } from '../../contracts/hub/lookup-types';

export type HmacKey = Buffer | string;

/** At least 128 bits: the key is what stops a dictionary attack over all FINs. */
export function checkHmacKey(key: HmacKey): void {
  if (Buffer.byteLength(key) < 16) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', { details: { field: 'audit.hmacKey', rule: 'at least 16 bytes' } });
  }
}

/**
 * The same few people appear in every record of a lookup (judge, party): their HMACs are kept per
 * key, in memory that holds the key itself, bounded.
 */
const caches = new Map<string, Map<string, string>>();
const MAX_CACHED = 10_000;

function cacheFor(key: HmacKey): Map<string, string> {
  const k = typeof key === 'string' ? `s:${key}` : `b:${key.toString('base64')}`;
  let m = caches.get(k);
  if (!m) {
    if (caches.size >= 16) caches.clear();
    caches.set(k, (m = new Map()));
  }
  return m;
}

export function identifierHmac(key: HmacKey, id: Subject): string {
  const text = 'fin' in id ? `fin:${id.fin.trim().toUpperCase()}` : `voen:${id.voen.trim()}`;
  const m = cacheFor(key);
  let hit = m.get(text);
  if (hit === undefined) {
    hit = createHmac('sha256', key).update(text, 'utf8').digest('hex');
    if (m.size >= MAX_CACHED) m.clear();
    m.set(text, hit);
  }
  return hit;
}
