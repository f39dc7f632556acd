import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePki } from '../../bus/hub-pki';

/**
 * One throw-away demo PKI for the whole run (making ~30 RSA keys takes seconds on this machine):
 * suites that start a hub point PKI_DIR at it. And one scratch directory for what test servers
 * write (nats-server's JetStream store), removed at the end even when a worker was killed.
 * Workers inherit the variables.
 */
export default async function globalSetup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-test-pki-'));
  await ensurePki(dir);
  process.env.TEST_PKI_DIR = dir;
  process.env.TEST_RUN_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-test-run-'));
}
