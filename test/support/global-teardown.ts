import fs from 'node:fs';
import type { TestPostgres } from './test-postgres';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as { courtHubTestPostgres?: TestPostgres | null }).courtHubTestPostgres;
  await pg?.stop();
  const dir = process.env.TEST_PKI_DIR;
  if (dir && dir.includes('court-hub-test-pki-')) fs.rmSync(dir, { recursive: true, force: true });
  const run = process.env.TEST_RUN_DIR;
  if (run && run.includes('court-hub-test-run-')) fs.rmSync(run, { recursive: true, force: true });
}
