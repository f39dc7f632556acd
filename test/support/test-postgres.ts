/**
 * The PostgreSQL server of a test run (jest globalSetup): COURT_HUB_TEST_PG_URL when set; else
 * the local server when one answers on 127.0.0.1:5432; else an embedded server of the run's own
 * (the hub's, core/store/embedded-server.ts) in a temp directory, so a fresh machine needs no
 * PostgreSQL service. COURT_HUB_TEST_PG_URL=embedded asks for the embedded one in any case.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer, type EmbeddedServer } from '../../core/store/embedded-server';

export const LOCAL_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean) => { s.destroy(); resolve(ok); };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export interface TestPostgres { url: string; stop(): Promise<void> }

/** Sets COURT_HUB_TEST_PG_URL for the workers; returns the embedded server to stop, if one was started. */
export async function provideTestPostgres(): Promise<TestPostgres | null> {
  const set = process.env.COURT_HUB_TEST_PG_URL;
  if (set && set !== 'embedded') return null;
  if (!set && await answers('127.0.0.1', 5432)) {
    process.env.COURT_HUB_TEST_PG_URL = LOCAL_PG_URL;
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-test-pg-'));
  let server: EmbeddedServer;
  try {
    server = await startEmbeddedServer({
      dir,
      noSync: true,
      // Throw-away data: no durability; many suites hold pools at once.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  process.env.COURT_HUB_TEST_PG_URL = server.url;
  return {
    url: server.url,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
