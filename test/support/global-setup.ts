import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePki } from '../../bus/hub-pki';
import { provideTestPostgres } from './test-postgres';

/**
 * Once per run, before any worker starts (workers inherit the variables set here):
 * - the PostgreSQL server of the run (test-postgres.ts), COURT_HUB_TEST_PG_URL;
 * - one throw-away demo PKI (making ~30 keys takes seconds on this machine), TEST_PKI_DIR:
 *   suites that start a hub point PKI_DIR at it;
 * - one scratch directory for what test servers write (nats-server's JetStream store),
 *   TEST_RUN_DIR, removed at the end even when a worker was killed.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-test-run-'));
  const [pg] = await Promise.all([
    provideTestPostgres(),
    (async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-test-pki-'));
      await ensurePki(dir);
      process.env.TEST_PKI_DIR = dir;
    })(),
  ]);
  // globalTeardown runs in this process: it stops the server.
  (globalThis as { courtHubTestPostgres?: unknown }).courtHubTestPostgres = pg;
}
