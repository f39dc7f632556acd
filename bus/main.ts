#!/usr/bin/env node
import { HubError } from '../contracts/hub';
import { loadConfig } from './config';
import { startHub } from './compose';

/**
 * `npm start`: the hub process. SERVICES chooses what this process runs (all by default:
 * the embedded mode); TRANSPORTER=nats://… makes it one node of a cluster.
 */
async function main(): Promise<void> {
  const cfg = loadConfig();
  const hub = await startHub(cfg);
  const what = cfg.services.join(',');
  const where = cfg.services.includes('gateway') ? ` http://${cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host}:${cfg.port}` : '';
  const consumers = hub.mocks?.consumers;
  const agencies = consumers ? ` agencies=enforcement=${consumers.enforcement.url},${Object.entries(consumers.agencies).map(([id, a]) => `${id}=${a.server.url}`).join(',')}` : '';
  process.stdout.write(`court-hub ready: node=${hub.broker.nodeID} services=${what}${where}${hub.mocks ? ' mocks=' + Object.values(hub.mocks.urls).join(',') : ''}${agencies}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`court-hub stopping (${signal})\n`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try { await hub.stop(); } finally { process.exit(0); }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  const e = err instanceof HubError ? err : null;
  process.stderr.write(`court-hub failed to start: ${e ? `${e.code}: ${e.message}` : (err?.stack ?? String(err))}\n`);
  process.exit(1);
});
