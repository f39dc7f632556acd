/**
 * The replay cache every adapter node shares: a JetStream key-value bucket on a real nats-server of
 * the test's own (started with -js and a temporary store).
 */
import { connect } from 'nats';
import { HubError } from '../../../contracts/hub';
import { jetStreamReplayGuard } from '../../../adapters/kit/jetstream-replay-guard';
import { consumeAnswerId, REPLAY_WINDOW_MS, type ReplayGuard } from '../../../adapters/kit/replay-guard';
import { NatsServer } from '../../support/nats-server';

describe('JetStream replay cache', () => {
  let nats: NatsServer;
  const guards: ReplayGuard[] = [];
  const guard = (o: { timeoutMs?: number; url?: string } = {}) => {
    const g = jetStreamReplayGuard({ url: o.url ?? nats.url, timeoutMs: o.timeoutMs });
    guards.push(g);
    return g;
  };
  const where = { provider: 'phone', operation: 'getPhoneNumbers' };

  beforeAll(async () => { nats = await NatsServer.start(); });
  afterAll(async () => {
    await Promise.all(guards.map((g) => g.close()));
    await nats?.stop();
  });

  test('Two adapter nodes consume the same answer id. Result: the first wins, the second is told it was seen', async () => {
    const a = guard();
    const b = guard();
    await Promise.all([a.open(), b.open()]);
    expect(await a.firstUse('k1', REPLAY_WINDOW_MS)).toBe(true);
    expect(await b.firstUse('k1', REPLAY_WINDOW_MS)).toBe(false);
    expect(await a.firstUse('k1', REPLAY_WINDOW_MS)).toBe(false);
    expect(await b.firstUse('k2', REPLAY_WINDOW_MS)).toBe(true);
  });

  test('Fifty racing consumptions of one id across two nodes. Result: exactly one wins', async () => {
    const [a, b] = [guard(), guard()];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).firstUse('race', REPLAY_WINDOW_MS)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('The bucket disappears behind the nodes\' back (a NATS server back without its store). Result: made again on the next answer, ids consumed again', async () => {
    const g = guard();
    expect(await g.firstUse('before-loss', REPLAY_WINDOW_MS)).toBe(true);
    const nc = await connect({ servers: nats.url });
    try {
      await (await nc.jetstreamManager()).streams.delete('KV_court-hub-replay');
    } finally {
      await nc.close();
    }
    expect(await g.firstUse('after-loss', REPLAY_WINDOW_MS)).toBe(true);
    expect(await g.firstUse('after-loss', REPLAY_WINDOW_MS)).toBe(false);
  });

  test('A NATS server without JetStream. Result: opening the cache fails with HUB_ERR_CONFIG_INVALID naming -js', async () => {
    const plain = await NatsServer.start({ jetstream: false });
    try {
      const err = await guard({ url: plain.url, timeoutMs: 2000 }).open().catch((e) => e);
      expect(HubError.is(err) && err.code).toBe('HUB_ERR_CONFIG_INVALID');
      expect((err as HubError).message).toMatch(/-js/);
    } finally {
      await plain.stop();
    }
  });

  test('NATS goes away while an answer is checked. Result: HUB_ERR_REPLAY_CACHE_UNAVAILABLE (the answer is refused); back, ids are consumed again', async () => {
    const g = guard({ timeoutMs: 500 });
    await g.open();
    await nats.stop();
    try {
      const err = await consumeAnswerId(g, where, 'while-down').catch((e) => e);
      expect(HubError.is(err) && err.code).toBe('HUB_ERR_REPLAY_CACHE_UNAVAILABLE');
    } finally {
      await nats.start();
    }
    let back = false;
    for (let i = 0; i < 40 && !back; i++) {
      back = await g.firstUse(`after-restart-${i}`, REPLAY_WINDOW_MS).catch(() => false);
      if (!back) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(true);
    // The bucket is on disk: an id consumed before the restart is still known.
    expect(await g.firstUse('after-loss', REPLAY_WINDOW_MS)).toBe(false);
  }, 30_000);
});
