/**
 * Applies the numbered migrations at start-up, all pending ones in one transaction.
 * Two nodes starting at once against the same PostgreSQL must not both create the tables: the
 * transaction first takes a transaction-scoped advisory lock, so the second node waits, then
 * finds the versions already recorded in schema_migrations and applies nothing.
 * A migration that was applied once is never edited: its checksum is recorded and compared.
 */
import { hash } from 'node:crypto';
import { HubError } from '../../contracts/hub';
import type { Db } from './db';
import { MIGRATIONS, type Migration } from './migrations';

/** Arbitrary but fixed: the advisory lock key of court-hub's migrations. */
const MIGRATION_LOCK_KEY = 719_000_401;

export function migrationChecksum(m: Migration): string {
  return hash('sha256', m.statements.join('\n;\n'), 'hex');
}

export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<{ applied: number[] }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await tx.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations');
    const applied = new Map(done.rows.map((r) => [r.version, r.checksum]));
    const out: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      const sum = migrationChecksum(m);
      const seen = applied.get(m.version);
      if (seen !== undefined) {
        if (seen !== sum) throw new HubError('HUB_ERR_STORE_MIGRATION_MISMATCH', { details: { version: m.version, name: m.name } });
        continue;
      }
      for (const sql of m.statements) await tx.query(sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, sum]);
      out.push(m.version);
    }
    return { applied: out };
  });
}
