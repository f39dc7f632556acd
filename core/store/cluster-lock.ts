/**
 * A lock across every hub node of one database, for background work that one node at a time
 * should do (recovery of abandoned attempts). PostgreSQL: a transaction-scoped advisory lock,
 * tried, never waited for; released when fn ends (or its connection dies). PGlite serves one
 * process, so there the work is that process's alone — and an open transaction there would hold
 * back every other query, so fn runs outside one.
 */
import type { Store } from './db';

/** Runs fn if no other node holds the lock `key`; returns undefined when one does. */
export async function withClusterLock<T>(store: Store, key: number, fn: () => Promise<T>): Promise<T | undefined> {
  if ((store.kind as string) === 'pglite') return fn();
  return store.transaction(async (tx) => {
    const r = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [key]);
    return r.rows[0]?.locked ? fn() : undefined;
  });
}
