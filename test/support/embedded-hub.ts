/**
 * The embedded hub as `npm start` runs it (gateway, core, adapters, mock agencies in one process,
 * the demo world seeded), on a fresh PostgreSQL database and a free port, with the demo PKI's
 * people ready to sign documents. PGlite cannot load inside jest (test/support/db.ts), so the
 * store is the real PostgreSQL server.
 *
 *   const hub = await startEmbeddedHub();
 *   const body = await hub.signAs('8RW7X3A', 'case', { case: {...}, ...hub.window() });
 *   await fetch(`${hub.url}/api/v1/cases`, { method: 'POST', body: JSON.stringify(body), … });
 *   await hub.stop();
 */
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import { canonicalBytes, newNonce } from '../../core/orders';
import { signDetached } from '../../signing/cms';
import type { PkiSummary } from '../../signing/test-ca';
import { freshDatabase } from './db';
import { freePort } from './ports';

export interface EmbeddedHub {
  hub: RunningHub;
  url: string;
  /** The wire form `{ [key]: doc, signature }` signed by the demo person with this FIN. */
  signAs(fin: string, key: string, doc: object): Promise<Record<string, unknown>>;
  window(minutes?: number): { issuedAt: string; expiresAt: string; nonce: string };
  /** A query on the hub's database. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startEmbeddedHub(env: Record<string, string> = {}): Promise<EmbeddedHub> {
  const pkiDir = process.env.TEST_PKI_DIR;
  if (!pkiDir) throw new Error('TEST_PKI_DIR is not set: run through jest (test/support/global-setup.ts)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-hub-embedded-'));
  const db = await freshDatabase();
  const port = await freePort();
  const hub = await startHub(loadConfig({
    DATABASE_URL: db.url, AUDIT_HMAC_KEY: 'test key of the embedded hub', SEED_DEMO: '1', DATA_DIR: dataDir, PKI_DIR: pkiDir,
    PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'fatal', ...env,
  }), { decisionConsumers: env.MOCK_DECISION_CONSUMERS === '1' });
  const summary = JSON.parse(fs.readFileSync(path.join(pkiDir, 'pki.json'), 'utf8')) as PkiSummary;
  const client = new Client({ connectionString: db.url });
  await client.connect();
  return {
    hub,
    url: `http://127.0.0.1:${port}`,
    async signAs(fin, key, doc) {
      const p = summary.people.find((x) => x.fin === fin);
      if (!p) throw new Error(`no demo person ${fin}`);
      const signer = { certPem: fs.readFileSync(p.cert, 'utf8'), key: createPrivateKey(fs.readFileSync(p.key)) };
      return { [key]: doc, signature: (await signDetached(canonicalBytes(doc), signer)).toString('base64') };
    },
    window(minutes = 10) {
      const now = Date.now();
      return { issuedAt: new Date(now - 30_000).toISOString(), expiresAt: new Date(now + minutes * 60_000).toISOString(), nonce: newNonce() };
    },
    async sql(text, params) {
      return (await client.query(text, params)).rows;
    },
    async stop() {
      await client.end().catch(() => undefined);
      await hub.stop();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
