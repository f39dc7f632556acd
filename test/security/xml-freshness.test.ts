/** Timestamp freshness and the replay cache on xrd:id (docs/conventions.md, XML signature rule 6). */
import { MemoryReplayCache, verifyEnvelope } from '../../signing/wss';
import { outcome, signedEnvelope, testSigner, trustOnly, type TestSigner } from '../support/wss-fixture';

describe('Freshness and replay', () => {
  let s: TestSigner;
  beforeAll(async () => { s = await testSigner('rsa'); });

  test('The same signed answer arrives twice. Result: first ok, second replay', async () => {
    const cache = new MemoryReplayCache();
    const msg = signedEnvelope(s, { id: 'c0ffee00-0000-4000-8000-000000000001' });
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s), replayCache: cache }))).resolves.toBe('ok');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s), replayCache: cache }))).resolves.toBe('replay');
  });

  test('A message that fails verification does not poison the replay cache for the real one', async () => {
    const cache = new MemoryReplayCache();
    const msg = signedEnvelope(s, { id: 'c0ffee00-0000-4000-8000-000000000002' });
    const forged = msg.replace('<pop:fin>5ZK8F3R</pop:fin>', '<pop:fin>1AAAAAA</pop:fin>');
    await expect(outcome(verifyEnvelope(forged, { trust: trustOnly(s), replayCache: cache }))).resolves.toBe('digest-mismatch');
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s), replayCache: cache }))).resolves.toBe('ok');
  });

  test('Answer signed 10 minutes ago with a 5 minute Timestamp. Result: stale', async () => {
    const msg = signedEnvelope(s, {}, new Date(Date.now() - 600_000));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('stale');
  });

  test('Answer whose Created lies 5 minutes in the future (clock far off). Result: stale', async () => {
    const msg = signedEnvelope(s, {}, new Date(Date.now() + 300_000));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('stale');
  });

  test('Sender clock 30 s ahead, within the 60 s skew. Result: ok', async () => {
    const msg = signedEnvelope(s, {}, new Date(Date.now() + 30_000));
    await expect(outcome(verifyEnvelope(msg, { trust: trustOnly(s) }))).resolves.toBe('ok');
  });
});
