/**
 * A node restarts. A replayed order stays refused and the audit chain continues where it was
 * (§7: a restart loses no audit record).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditTrail } from '../../core/audit/audit-trail';
import { verifyAuditChain } from '../../core/audit/verify-chain';
import { openStore, type Store } from '../../core/store/db';
import { claimNonce } from '../../core/store';
import { freshDatabase } from '../support/db';
import { sampleEvent, signCheckpoint, TEST_HMAC_KEY, verifyCheckpoint } from '../unit/core/audit/audit-fixtures';

async function lifeAndRestart(open: () => Promise<Store>) {
  const until = new Date(Date.now() + 600_000);
  const first = await open();
  const trail = createAuditTrail({ db: first, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0 });
  expect(await claimNonce(first, 'nonce-restart', until)).toBe(true);
  await trail.appendAll([sampleEvent(1), sampleEvent(2), sampleEvent(3)]);
  await trail.close();
  await first.close();

  const second = await open();
  try {
    expect(await claimNonce(second, 'nonce-restart', until)).toBe(false);
    const trail2 = createAuditTrail({ db: second, hmacKey: TEST_HMAC_KEY, signCheckpoint, checkpointEvery: 0, checkpointIntervalMs: 0 });
    expect((await trail2.append(sampleEvent(4))).seq).toBe(4);
    await trail2.close();
    expect(await verifyAuditChain(second, { verifyCheckpoint })).toMatchObject({ ok: true, checked: 4, checkpointSeq: 4 });
  } finally {
    await second.close();
  }
}

describe('a hub node restarts', () => {
  it('Embedded (its own PostgreSQL server in DATA_DIR, stopped and started again): the replayed order is refused after the restart and the chain continues at #4', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'court-hub-restart-'));
    try {
      await lifeAndRestart(() => openStore({ dataDir: dir, poolSize: 2 }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('PostgreSQL: the replayed order is refused after the restart and the chain continues at #4', async () => {
    const dbase = await freshDatabase();
    try {
      await lifeAndRestart(() => openStore({ databaseUrl: dbase.url, poolSize: 2 }));
    } finally {
      await dbase.drop();
    }
  });
});
