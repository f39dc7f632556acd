/**
 * Seen order nonces (docs/security-model.md §3: a nonce is single-use, across restarts and
 * across nodes). The claim is a single INSERT that the primary key lets succeed once: of any
 * number of concurrent claims, on any nodes, exactly one returns true.
 */
import type { Db } from '../db';

export async function claimNonce(db: Db, nonce: string, expiresAt: Date): Promise<boolean> {
  const r = await db.query(
    'INSERT INTO seen_nonces (nonce, expires_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING RETURNING nonce',
    [nonce, expiresAt],
  );
  return r.rows.length === 1;
}

/**
 * Forgets nonces of orders that expired before `before`. Safe only because the policy refuses
 * an order past its expiresAt anyway: pass `before` = now minus the allowed clock skew.
 */
export async function purgeExpiredNonces(db: Db, before: Date): Promise<number> {
  const r = await db.query('DELETE FROM seen_nonces WHERE expires_at < $1 RETURNING nonce', [before]);
  return r.rows.length;
}
