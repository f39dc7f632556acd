/**
 * Two core nodes on one NATS and one PostgreSQL, each with its own gateway: an agency's signed
 * SOAP request accepted by one node and replayed to the other is refused there too — the message
 * ids of agency requests live in the JetStream bucket every node shares, not in one node's memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bus/config';
import { startHub, type RunningHub } from '../../bus/compose';
import type { PkiSummary } from '../../signing/test-ca';
import { soapPost, soapRequest } from '../support/agency-client';
import { freshDatabase } from '../support/db';
import { demoAgency } from '../support/decision-fixture';
import { NatsServer } from '../support/nats-server';
import { freePort } from '../support/ports';

let nats: NatsServer;
let db: { url: string; drop(): Promise<void> };
const hubs: { hub: RunningHub; url: string; dir: string }[] = [];

beforeAll(async () => {
  nats = await NatsServer.start();
  db = await freshDatabase();
  const pkiDir = process.env.TEST_PKI_DIR as string;
  for (const node of ['agency-a', 'agency-b']) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `court-hub-${node}-`));
    const port = await freePort();
    const hub = await startHub(loadConfig({
      TRANSPORTER: nats.url, NODE_ID: node, SERVICES: 'gateway,core', MOCKS: '0', DATABASE_URL: db.url, AUDIT_HMAC_KEY: 'test key of two agency nodes',
      SEED_DEMO: '1', DATA_DIR: dir, PKI_DIR: pkiDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'fatal',
    }));
    hubs.push({ hub, url: `http://127.0.0.1:${port}`, dir });
  }
}, 120_000);

afterAll(async () => {
  for (const h of hubs) { await h.hub.stop().catch(() => undefined); fs.rmSync(h.dir, { recursive: true, force: true }); }
  await db?.drop();
  await nats?.stop();
});

it('The bank\'s signed listDecisions is answered by node A, then the same bytes are sent to node B. Result: B refuses it as a replay (HUB_ERR_AGENCY_SIGNATURE_INVALID)', async () => {
  const summary = JSON.parse(fs.readFileSync(path.join(process.env.TEST_PKI_DIR as string, 'pki.json'), 'utf8')) as PkiSummary;
  const bank = demoAgency(summary, 'banks', 'COM', '1300000001', 'court-orders');
  const xml = soapRequest(bank, 'listDecisions');
  const a = await soapPost(hubs[0].url, xml);
  expect(a.status).toBe(200);
  const b = await soapPost(hubs[1].url, xml);
  expect(b.status).toBe(500);
  expect(/<crt:code>([A-Z_]+)<\/crt:code>/.exec(b.text)?.[1]).toBe('HUB_ERR_AGENCY_SIGNATURE_INVALID');
  // A fresh request to B is answered: B itself works.
  expect((await soapPost(hubs[1].url, soapRequest(bank, 'listDecisions'))).status).toBe(200);
}, 60_000);
