/**
 * Fresh PostgreSQL databases for tests: `court_hub_test_<random>` on the test server, dropped
 * again by `drop()`. The test server is COURT_HUB_TEST_PG_URL; when that is unset and nothing
 * answers on 127.0.0.1:5432, jest's globalSetup starts an embedded server (the hub's own,
 * core/store/embedded-server.ts) and sets the variable for every worker (test-postgres.ts).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openStore, type Store } from '../../core/store/db';
import { LOCAL_PG_URL } from './test-postgres';

export const TEST_PG_URL = process.env.COURT_HUB_TEST_PG_URL || LOCAL_PG_URL;

export interface TestStore {
  store: Store;
  /** The PostgreSQL URL of the fresh database: open more pools ("nodes") on it. */
  url: string;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const u = new URL(TEST_PG_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Creates an empty database; `drop` removes it (and any connections left on it). */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `court_hub_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: urlFor(name),
    async drop() {
      const c = new Client({ connectionString: TEST_PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A migrated store on a fresh database. */
export async function freshStore(): Promise<TestStore> {
  const dbase = await freshDatabase();
  const store = await openStore({ databaseUrl: dbase.url, poolSize: 8 });
  return {
    store,
    url: dbase.url,
    async drop() {
      await store.close();
      await dbase.drop();
    },
  };
}

/**
 * Runs fn with the append-only triggers switched off for this transaction only: how a test
 * plays someone with owner rights on the database tampering with the audit trail.
 */
export async function asDatabaseOwner<T>(store: Store, fn: (tx: Store) => Promise<T>): Promise<T> {
  return store.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    return fn({ ...tx, kind: store.kind });
  });
}
