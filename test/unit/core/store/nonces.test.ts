/**
 * Replay protection: an order's nonce is accepted once, whatever the concurrency.
 */
import { claimNonce, purgeExpiredNonces } from '../../../../core/store';
import { freshStore, type TestStore } from '../../../support/db';

describe('seen nonces', () => {
  let t: TestStore;
  beforeAll(async () => { t = await freshStore(); });
  afterAll(async () => { await t?.drop(); });

  const later = new Date(Date.now() + 3600_000);

  it('A signed order is replayed. Result: its nonce is claimed the first time only', async () => {
    expect(await claimNonce(t.store, 'n-1', later)).toBe(true);
    expect(await claimNonce(t.store, 'n-1', later)).toBe(false);
  });

  it('Fifty copies of one order arrive at once. Result: exactly one claims the nonce', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => claimNonce(t.store, 'n-burst', later)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('Nonces of orders long expired are purged. Result: only those go; live ones still refuse a replay', async () => {
    await claimNonce(t.store, 'n-old', new Date('2020-01-01T00:00:00Z'));
    expect(await purgeExpiredNonces(t.store, new Date('2021-01-01T00:00:00Z'))).toBe(1);
    expect(await claimNonce(t.store, 'n-1', later)).toBe(false);
  });
});
