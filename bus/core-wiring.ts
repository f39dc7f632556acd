import { hash, randomBytes, X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceSchema } from 'moleculer';
import { HubError } from '../contracts/hub';
import { accessReport, createAuditTrail, type AuditTrail, type CheckpointVerifier } from '../core/audit';
import { ANSWER_MARGIN_MS, courtStore, createCourtService } from '../core/court';
import { createLookupsService, type LookupsServiceOptions } from '../core/lookups/lookups.service';
import { createOutboxOpsService } from '../core/outbox/outbox-ops.service';
import { seedDemoEnforcement } from '../core/demo/enforcement';
import { cmsSigner, cmsVerifier } from '../core/orders';
import { bindCertificate, openStore, seedDemo, syncAgencies, type Store } from '../core/store';
import { createDecisionsService, decisionStore } from '../core/decisions';
import { loadDirectory, resolveDirectory } from '../agencies';
import { createPublicationService, SIGNED_DECISIONS_SQL } from '../core/publication';
import { court } from '../core/court/signed-request';
import type { Registry } from 'prom-client';
import type { Catalog } from '../registry';
import { auditMetrics } from './audit-metrics';
import { registerPublicationGauges } from './publication-metrics';
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
  const hubFingerprint = hash('sha256', new X509Certificate(pki.hub.certPem).raw, 'hex');
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
 * The agencies directory (agencies/directory.json) into the store: a `pki:<name>` pin is the
 * agency certificate of that name in the PKI directory; an agency whose pin does not resolve is
 * left out, and so deactivated (statute 7.2.2: only known agencies, by their pinned key).
 */
export async function loadAgencies(store: Store, pki: HubPki, callbacks?: Record<string, string>): Promise<{ agencies: { id: string }[]; skipped: string[] }> {
  const certs = new Map(pki.summary.providers.map((p) => [p.id, p.cert]));
  const r = resolveDirectory(loadDirectory(), {
    pkiCert: (name) => { const f = certs.get(name); return f && fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined; },
    env: process.env,
    callbacks,
  });
  await syncAgencies(store, r.agencies);
  return r;
}

/**
 * The court core of one process: the store (the embedded PostgreSQL, or DATABASE_URL), the
 * audit chain, lookup orchestration and the court service that authorizes every request.
 * A second hub on the same DATA_DIR is refused by the embedded server's lock
 * (HUB_ERR_CONFIG_DATA_DIR_IN_USE).
 */
export async function startCore(cfg: Readonly<HubConfig>, pki: HubPki, catalog: Catalog, metricsRegistry?: Registry, opts: { agencyCallbacks?: Record<string, string> } & Pick<LookupsServiceOptions, 'openBreaker'> = {}): Promise<CoreParts> {
  const store = await openCoreStore(cfg);
  try {
    if (cfg.seedDemo) {
      await seedDemo(store);
      // The demo PKI's people are bound to the demo roster: another certificate for the same FIN is refused.
      for (const p of pki.summary.people) {
        const der = new X509Certificate(fs.readFileSync(p.cert)).raw;
        await bindCertificate(store, p.fin, hash('sha256', der, 'hex'));
      }
    }
    // The mock decision consumers' callback endpoints, when this process runs them.
    const agencies = await loadAgencies(store, pki, opts.agencyCallbacks);
    // The demo decision's enforcement so far (6.1.19), as the mock enforcement register tells it too.
    if (cfg.seedDemo && agencies.agencies.some((a) => a.id === 'enforcement')) await seedDemoEnforcement(store);
    const hubSigner = cmsSigner(pki.hubCms, [fs.readFileSync(pki.summary.agencyCa.cert, 'utf8'), fs.readFileSync(pki.summary.qualifiedCa.cert, 'utf8')]);
    const hmacKey = auditHmacKey(cfg);
    const trail = createAuditTrail({
      db: store, hmacKey, signCheckpoint: (b) => hubSigner.sign(b), ...(metricsRegistry ? { onWrite: auditMetrics(metricsRegistry) } : {}),
    });
    const cstore = courtStore(store);
    // A clerk's identity check left open by a dead node is ended once no answer can still be coming.
    const recovery = startRecoveryLoop({ store, recoveryStore: cstore, audit: trail, intervalMs: cfg.recoveryIntervalMs, callGraceMs: cfg.lookupDeadlineMs + ANSWER_MARGIN_MS + 5000 });
    const courtDeps = {
      store: cstore,
      audit: trail,
      accessReport: (subject: Parameters<typeof accessReport>[2]) => accessReport(store, hmacKey, subject),
      verifier: cmsVerifier(pki.validator),
      hubSigner,
      catalog,
      lookupDeadlineMs: cfg.lookupDeadlineMs,
    };
    const services: ServiceSchema[] = [
      createLookupsService({ catalog, defaultDeadlineMs: cfg.lookupDeadlineMs, openBreaker: opts.openBreaker }),
      createCourtService(courtDeps),
      // Statute 12.6, 6.1.21: the publication pipeline and the public search (docs/publication.md).
      createPublicationService(court(courtDeps), { db: store, hubSigner, warnDays: cfg.publicationWarnDays, signedDecisionsSql: SIGNED_DECISIONS_SQL }),
      // The operator's view of the agencies' push (dead letters), signed like the court's requests.
      createOutboxOpsService(courtDeps, store),
      createDecisionsService({ store: decisionStore(store), audit: trail, verifier: cmsVerifier(pki.validator), hubSigner }),
    ];
    if (metricsRegistry) registerPublicationGauges(metricsRegistry, store, cfg.publicationWarnDays);
    const checks: Record<string, HealthCheck> = {
      store: async () => {
        try { await store.query('SELECT 1'); return { status: 'up', details: { kind: store.kind } }; } catch { return { status: 'down', details: { kind: store.kind } }; }
      },
      recovery: recovery.health,
      agencies: async () => ({ status: 'up', details: { agencies: agencies.agencies.length, leftOut: agencies.skipped } }),
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
