/**
 * A core node's agency delivery alone, as its own OS process (built to dist/test/support/): the
 * JetStream consumer and relay of bus/outbox over a shared PostgreSQL, so a test can kill it
 * (SIGKILL) in the middle of a delivery. Configured by the JSON file named in DELIVERY_NODE_CONFIG:
 * { databaseUrl, transporter, hub: { certPem, keyPem }, trust, leaseMs, owner }.
 */
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import { Registry } from 'prom-client';
import { startAgencyDelivery } from '../../bus/outbox';
import { openStore } from '../../core/store/db';
import { PathValidator, type TrustConfig } from '../../signing/pki';

async function main(): Promise<void> {
  const cfg = JSON.parse(fs.readFileSync(process.env.DELIVERY_NODE_CONFIG as string, 'utf8')) as {
    databaseUrl: string; transporter: string; hub: { certPem: string; keyPem: string }; trust: TrustConfig; leaseMs: number; owner: string;
  };
  const store = await openStore({ databaseUrl: cfg.databaseUrl, migrate: false, poolSize: 4 });
  const delivery = await startAgencyDelivery({
    db: store, transporter: cfg.transporter, hub: { signer: { certPem: cfg.hub.certPem, key: createPrivateKey(cfg.hub.keyPem) }, client: 'AZ/GOV/1400000001/court-hub' },
    validator: new PathValidator(cfg.trust), metricsRegistry: new Registry(), leaseMs: cfg.leaseMs, owner: cfg.owner, pollMs: 50, sendTimeoutMs: 60_000,
    policy: { baseDelayMs: 100, maxDelayMs: 500 },
  });
  process.stdout.write('court-hub ready: delivery node\n');
  const stop = async () => { await delivery.stop(); await store.close(); process.exit(0); };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err) => { process.stderr.write(`delivery node failed: ${err?.stack ?? err}\n`); process.exit(1); });
