import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceSchema } from 'moleculer';
import { HubError } from '../contracts/hub';
import { accessReport, createAuditTrail, type AuditTrail, type CheckpointVerifier } from '../core/audit';
import { ANSWER_MARGIN_MS, courtStore, createCourtService } from '../core/court';
import { createLookupsService } from '../core/lookups/lookups.service';
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
 * The HMAC key that turns personal codes into audit identifiers (DESIGN.md §5). Several core
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

export async function openCoreStore(cfg: Readonly<HubConfig>): Promise<Store> {
  if (!cfg.databaseUrl) fs.mkdirSync(cfg.dataDir, { recursive: true });
  return openStore(cfg.databaseUrl ? { databaseUrl: cfg.databaseUrl } : { dataDir: path.join(cfg.dataDir, 'db') });
}

/**
 * The court core of one process: the store (PGlite embedded, PostgreSQL with DATABASE_URL), the
 * audit chain, lookup orchestration and the court service that authorizes every request.
 */
export async function startCore(cfg: Readonly<HubConfig>, pki: HubPki, catalog: Catalog): Promise<CoreParts> {
  const lock = embeddedStoreLock(cfg);
  const holder = lock.holder();
  if (holder !== null) {
    throw new HubError('HUB_ERR_CONFIG_INVALID', { message: `The embedded store in ${cfg.dataDir} is open in process ${holder}; PGlite serves one process (use DATABASE_URL for several core nodes)` });
  }
  const store = await openCoreStore(cfg);
  if (!cfg.databaseUrl) fs.writeFileSync(lock.file, String(process.pid));
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
      createLookupsService({ catalog, defaultDeadlineMs: cfg.lookupDeadlineMs }),
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
        if (!cfg.databaseUrl) fs.rmSync(lock.file, { force: true });
      },
    };
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}

/**
 * PGlite is a single-process database: while a hub has the embedded store open, another process
 * (e.g. `court-hub audit verify`) must not open it too. The hub leaves its pid beside the store.
 */
export function embeddedStoreLock(cfg: Readonly<HubConfig>): { file: string; holder(): number | null } {
  const file = path.join(cfg.dataDir, 'db.pid');
  return {
    file,
    holder() {
      if (cfg.databaseUrl || !fs.existsSync(file)) return null;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (!Number.isInteger(pid) || pid === process.pid) return null;
      try { process.kill(pid, 0); return pid; } catch { return null; }
    },
  };
}
