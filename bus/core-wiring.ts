import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceSchema } from 'moleculer';
import { HubError } from '../contracts/hub';
import { accessReport, createAuditTrail, type AuditTrail, type CheckpointVerifier } from '../core/audit';
import { ANSWER_MARGIN_MS, courtStore, createCourtService } from '../core/court';
import { createLookupsService, type LookupsServiceOptions } from '../core/lookups/lookups.service';
import { cmsSigner, cmsVerifier } from '../core/orders';
import { bindCertificate, openStore, seedDemo, type Store } from '../core/store';
import type { Catalog } from '../registry';
import type { HubConfig } from './config';
import type { HubPki } from './hub-pki';
import type { HealthCheck } from './ops.service';
import { startRecoveryLoop, type RecoveryLoop } from './recovery-loop';

export interface CoreParts {
  store: Store;
  trail: AuditTrail;
  recovery: RecoveryLoop;
  services: ServiceSchema[];
  checks: Record<string, HealthCheck>;
  stop(): Promise<void>;
}

/**
 * The HMAC key that turns personal codes into audit identifiers (docs/security-model.md). Several core
 * nodes on one PostgreSQL must share it, so with DATABASE_URL it must be configured; the
 * embedded default keeps a random one beside its database.
 */
export function auditHmacKey(cfg: Readonly<HubConfig>): string {
  if (cfg.auditHmacKey) return cfg.auditHmacKey;
  if (cfg.databaseUrl) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: 'AUDIT_HMAC_KEY must be set when DATABASE_URL is (every core node needs the same key)' });
  }
  const file = path.join(cfg.dataDir, 'audit-hmac.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(cfg.dataDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Checkpoints are signed by the hub (detached CMS); verifying needs only the hub certificate. */
export function checkpointVerifier(pki: HubPki): CheckpointVerifier {
  const verifier = cmsVerifier(pki.validator);
  const hubFingerprint = createHash('sha256').update(new X509Certificate(pki.hub.certPem).raw).digest('hex');
  return async (bytes, signature) => {
    try {
      const v = await verifier.verify(bytes, signature, { requireKeyUsage: ['digitalSignature'] });
      return v.certSha256 === hubFingerprint;
    } catch {
      return false;
    }
  };
}

/** The store of record: DATABASE_URL, or the hub's own PostgreSQL server in DATA_DIR (started here, stopped by close()). */
export async function openCoreStore(cfg: Readonly<HubConfig>): Promise<Store> {
  return openStore(cfg.databaseUrl ? { databaseUrl: cfg.databaseUrl } : { dataDir: cfg.dataDir });
}

/**
 * The court core of one process (`local`: what the adapters of this same process offer it): the store (the embedded PostgreSQL, or DATABASE_URL), the
 * audit chain, lookup orchestration and the court service that authorizes every request.
 * A second hub on the same DATA_DIR is refused by the embedded server's lock
 * (HUB_ERR_CONFIG_DATA_DIR_IN_USE).
 */
export async function startCore(cfg: Readonly<HubConfig>, pki: HubPki, catalog: Catalog, local: Pick<LookupsServiceOptions, 'openBreaker'> = {}): Promise<CoreParts> {
  const store = await openCoreStore(cfg);
  try {
    if (cfg.seedDemo) {
      await seedDemo(store);
      // The demo PKI's people are bound to the demo roster: another certificate for the same FIN is refused.
      for (const p of pki.summary.people) {
        const der = new X509Certificate(fs.readFileSync(p.cert)).raw;
        await bindCertificate(store, p.fin, createHash('sha256').update(der).digest('hex'));
      }
    }
    const hubSigner = cmsSigner(pki.hubCms, [fs.readFileSync(pki.summary.agencyCa.cert, 'utf8'), fs.readFileSync(pki.summary.qualifiedCa.cert, 'utf8')]);
    const hmacKey = auditHmacKey(cfg);
    const trail = createAuditTrail({ db: store, hmacKey, signCheckpoint: (b) => hubSigner.sign(b) });
    const cstore = courtStore(store);
    // A clerk's identity check left open by a dead node is ended once no answer can still be coming.
    const recovery = startRecoveryLoop({ store, recoveryStore: cstore, audit: trail, intervalMs: cfg.recoveryIntervalMs, callGraceMs: cfg.lookupDeadlineMs + ANSWER_MARGIN_MS + 5000 });
    const services: ServiceSchema[] = [
      createLookupsService({ catalog, defaultDeadlineMs: cfg.lookupDeadlineMs, openBreaker: local.openBreaker }),
      createCourtService({
        store: cstore,
        audit: trail,
        accessReport: (subject) => accessReport(store, hmacKey, subject),
        verifier: cmsVerifier(pki.validator),
        hubSigner,
        catalog,
        lookupDeadlineMs: cfg.lookupDeadlineMs,
      }),
    ];
    const checks: Record<string, HealthCheck> = {
      store: async () => {
        try { await store.query('SELECT 1'); return { status: 'up', details: { kind: store.kind } }; } catch { return { status: 'down', details: { kind: store.kind } }; }
      },
      recovery: recovery.health,
    };
    return {
      store, trail, recovery, services, checks,
      async stop() {
        await recovery.stop();
        await trail.close().catch(() => undefined);
        await store.close().catch(() => undefined);
      },
    };
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}
