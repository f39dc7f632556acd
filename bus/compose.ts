import path from 'node:path';
import { HubError } from '../contracts/hub';
import type { ServiceBroker } from 'moleculer';
import { REGISTRY_MODULES } from '../contracts/registries/modules';
import { ADAPTERS, FAN_OUT_ADAPTERS, adapterActions, BreakerRegistry, createAdapterService, createFanOutService, jetStreamReplayGuard, jwsSign, jwsVerify, memoryReplayGuard, wssSign, wssVerify, type ReplayGuard } from '../adapters';
import { courtAliases, publicationAliases } from './api';
import { outboxAliases } from './api/outbox.aliases';
import type { DecisionConsumers, StatusReportOut } from '../mocks/decision-consumers';
import { startAgencyPush, type AgencyPush } from './outbox/agency-push';
import { consumerHooks, DEMO_AGENCY_CERTS, DEMO_AGENCY_MEMBERS } from './outbox/consumers-wiring';
import { signDetachedJws } from '../signing/jws';
import { decisionAliases } from './api/decision.aliases';
import { agencyRoutes } from './api/agency.routes';
import { createAgencyService } from '../adapters/inbound/agency.service';
import { startCore, type CoreParts } from './core-wiring';
import { ANSWER_MARGIN_MS } from '../core/court';
import { institutionDirectories, loadCatalog, type Catalog, type InstitutionDirectory, type ProviderEntry } from '../registry';
import { createBroker, startBroker } from './broker';
import type { HubConfig } from './config';
import { createGatewayService } from './gateway.service';
import { ensurePki, loadHubPkiWithKeyStore, type HubPki } from './hub-pki';
import type { ProcessMetrics } from './metrics';
import { createOpsService, type HealthCheck } from './ops.service';

function consumerPorts(base: number | undefined): Record<string, number> {
  return base && Number.isInteger(base) && base > 0 ? { enforcement: base, 'demo-bank': base + 1, migration: base + 2, property: base + 3 } : {};
}

/** The hub's X-Road client subsystem (contracts/registries/README.md). */
export const HUB_XROAD = { instance: 'AZ', memberClass: 'GOV', memberCode: '1400000001', subsystemCode: 'court-hub' };

export interface RunningHub {
  broker: ServiceBroker;
  metrics: ProcessMetrics;
  catalog: Catalog;
  pki: HubPki;
  /** The in-process mock agencies, when this process runs them. */
  core?: CoreParts;
  mocks?: {
    urls: Record<string, string>;
    /** Endpoints of the mock institutions of the scatter-gather categories, by institution id. */
    institutionUrls: Record<string, string>;
    /** Faults of a registry module's agency, or of one institution (by its id). */
    setFaults(provider: string, faults: unknown): Promise<void>;
    /** The mock agencies that consume decisions (enforcement, a bank, migration, property). */
    consumers?: DecisionConsumers;
    stop(): Promise<void>;
  };
  stop(): Promise<void>;
}

/**
 * Wires the parts into one process according to `cfg.services` (the only place that does):
 * gateway, core, adapters, and — in the embedded default, tests and benches — the mock agencies.
 * The same code runs everything in one process or one group per process over NATS.
 */
/**
 * `extra.agencyCallbacks`: callback URLs of agencies by directory id (the mock agencies' ports),
 * over agencies/directory.json and its env variables.
 */
export async function startHub(cfg: Readonly<HubConfig>, extra: { endpoints?: Record<string, string>; institutionEndpoints?: Record<string, string>; providers?: ProviderEntry[]; agencyCallbacks?: Record<string, string>; decisionConsumers?: boolean } = {}): Promise<RunningHub> {
  const has = (g: string) => cfg.services.includes(g as any);
  const pkiDir = cfg.pkiDir ?? path.join(cfg.dataDir, 'pki');
  const pki = await loadHubPkiWithKeyStore(await ensurePki(pkiDir, cfg.pkiKeyType, cfg.banksCount), cfg.hubKeyPkcs11);

  let mocks: RunningHub['mocks'];
  // How the mock enforcement service reports back: through the hub's agency service, once it is up.
  let enforcementReporter: ((r: StatusReportOut) => Promise<void>) | undefined;
  // How the bank, migration and property mocks read back a decision they were told of.
  const decisionReaders: Record<string, (decisionId: string) => Promise<{ parties?: { role: string; fin?: string; voen?: string }[] }>> = {};
  if (cfg.mocks) {
    // mocks/ is never imported by production code paths: loaded only when asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startMocks, agencySigner, mockEnvOptions } = require('../mocks') as typeof import('../mocks');
    // `npm run mocks` (SERVICES=mocks) listens on fixed ports (by the module's index in the list);
    // otherwise free ports unless MOCK_<ID>_PORT is set. Each agency signs with its own certificate.
    const only = cfg.services.length === 1 && cfg.services[0] === 'mocks';
    const signers = Object.fromEntries(REGISTRY_MODULES.map((id) => [id, { default: agencySigner(pki.providerSigner(id)!) }]));
    const m = await startMocks({ host: process.env.MOCK_HOST || '127.0.0.1', ...mockEnvOptions(process.env, only), signers });
    // The institutions of the scatter-gather categories: one endpoint and one certificate each.
    // `npm run mocks` puts institution i (banks, then utilities) on INSTITUTION_MOCK_PORT_BASE + i (default 8300).
    const base = process.env.INSTITUTION_MOCK_PORT_BASE ? Number(process.env.INSTITUTION_MOCK_PORT_BASE) : only ? 8300 : 0;
    const inst = await startInstitutions(institutionDirectories(cfg.banksCount), process.env.MOCK_HOST || '127.0.0.1',
      (id) => agencySigner(pki.providerSigner(id)!), base).catch(async (err) => { await m.stop(); throw err; });
    // The agencies that consume decisions (enforcement, a bank, migration, property), acting on what the hub pushes.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startDecisionConsumers } = require('../mocks/decision-consumers') as typeof import('../mocks/decision-consumers');
    // MOCK_DECISION_CONSUMERS=0 (or extra.decisionConsumers false) leaves them out: tests that play the agencies themselves.
    const consumers = !(extra.decisionConsumers ?? process.env.MOCK_DECISION_CONSUMERS !== '0') ? undefined : await startDecisionConsumers({
      host: process.env.MOCK_HOST || '127.0.0.1', ...consumerHooks(pki), stepMs: Number(process.env.MOCK_ENFORCEMENT_STEP_MS ?? 3000),
      // Fixed ports from MOCK_CONSUMERS_PORT_BASE (enforcement, demo-bank, migration, property in that order); `npm run mocks`: 8290….
      ports: consumerPorts(process.env.MOCK_CONSUMERS_PORT_BASE ? Number(process.env.MOCK_CONSUMERS_PORT_BASE) : only ? 8290 : undefined),
      report: (r) => (enforcementReporter ? enforcementReporter(r) : Promise.reject(new Error('the hub is not up yet'))),
      pull: Object.fromEntries(['demo-bank', 'migration', 'property'].map((id) => [id, (d: string) => (decisionReaders[id] ? decisionReaders[id](d) : Promise.reject(new Error('the hub is not up yet')))])),
    }).catch(async (err) => { await m.stop(); await inst.stop(); throw err; });
    mocks = {
      urls: m.urls,
      institutionUrls: inst.urls,
      setFaults: (p, f) => (inst.agencies[p] ? inst.setFaults(p, f as never) : m.setFaults(p, f as never)),
      consumers,
      stop: async () => { await consumers?.stop(); await Promise.all([m.stop(), inst.stop()]); },
    };
  }
  const catalog = loadCatalog({
    providers: extra.providers, adapters: adapterActions(), banksCount: cfg.banksCount,
    endpoints: { ...(mocks?.urls ?? {}), ...(extra.endpoints ?? {}) }, institutionEndpoints: { ...(mocks?.institutionUrls ?? {}), ...(extra.institutionEndpoints ?? {}) },
  });

  if (has('adapters')) {
    const missing = ADAPTERS.map((d) => catalog.providers[d.provider]).filter((p) => !p?.endpoint);
    if (missing.length > 0) {
      await mocks?.stop();
      throw new HubError('HUB_ERR_CONFIG_INVALID', {
        message: `No endpoint for ${missing.map((p) => p.id).join(', ')}: set ${missing.map((p) => p.endpointEnv).join(', ')} (or run the mock agencies with MOCKS=1)`,
        details: { providers: missing.map((p) => p.id) },
      });
    }
  }

  const { broker, metrics } = createBroker(cfg);
  const checks: Record<string, HealthCheck> = {};

  // The replay cache of registry answers is shared by every adapter node (a JetStream bucket on the
  // bus); one process alone keeps it in memory.
  let replay: ReplayGuard | undefined;
  // This hub's breakers (one per provider endpoint): /health, and lookups.run's fast refusal.
  const breakers = new BreakerRegistry();
  if (has('adapters')) {
    replay = cfg.transporter ? jetStreamReplayGuard({ url: cfg.transporter, timeoutMs: cfg.transporterConnectTimeoutMs }) : memoryReplayGuard();
    for (const d of ADAPTERS) {
      const provider = catalog.providers[d.provider];
      const trust = pki.providerTrust(d.provider);
      broker.createService(createAdapterService(d, {
        provider,
        endpoint: provider.endpoint as string,
        hub: { xroad: HUB_XROAD, signSoap: wssSign(pki.hub), signRest: jwsSign(pki.hub) },
        verify: { soap: wssVerify({ trust }), rest: jwsVerify(trust) },
        metricsRegistry: metrics.registry,
        categories: catalog.categories,
        replay,
        breakers,
      }) as any);
    }
    for (const d of FAN_OUT_ADAPTERS) {
      const directory = catalog.directories.find((x) => x.provider === d.provider)!;
      const unset = directory.institutions.filter((i) => !i.endpoint);
      if (unset.length > 0) {
        await mocks?.stop();
        throw new HubError('HUB_ERR_CONFIG_INVALID', {
          message: `No endpoint for ${unset.length} institution(s) of ${d.provider}: set ${unset.slice(0, 3).map((i) => i.endpointEnv).join(', ')}${unset.length > 3 ? ', …' : ''} (or run the mock agencies with MOCKS=1)`,
          details: { provider: d.provider, institutions: unset.map((i) => i.id) },
        });
      }
      broker.createService(createFanOutService(d, {
        provider: catalog.providers[d.provider],
        directory,
        endpoints: Object.fromEntries(directory.institutions.map((i) => [i.id, i.endpoint as string])),
        verifyOf: (id) => jwsVerify(pki.providerTrust(id)),
        hub: { xroad: HUB_XROAD, signRest: jwsSign(pki.hub) },
        metricsRegistry: metrics.registry,
        categories: catalog.categories,
        replay,
        breakers,
      }) as any);
    }
    checks.breakers = () => {
      const states = breakers.states();
      // An open breaker means a registry is failing, not that the hub is down: degraded.
      const open = states.filter((s) => s.state !== 'closed');
      return { status: open.length ? 'degraded' : 'up', details: { breakers: states } };
    };
  }
  let core: CoreParts | undefined;
  let push: AgencyPush | undefined;
  if (has('core')) {
    // With the adapters in this process, an open breaker refuses at once (lookups.service.ts openBreaker).
    const openBreaker = has('adapters') ? (provider: string, operation: string) => breakers.get(provider)?.openRefusal(operation) : undefined;
    core = await startCore(cfg, pki, catalog, metrics.registry, { agencyCallbacks: { ...mocks?.consumers?.callbacks, ...extra.agencyCallbacks }, openBreaker }).catch(async (err) => { await mocks?.stop(); throw err; });
    for (const s of core.services) broker.createService(s as any);
    // Agencies' message ids: with NATS in the JetStream bucket every core node shares, so a request replayed to another node is refused too.
    const agencyReplay = cfg.transporter ? jetStreamReplayGuard({ url: cfg.transporter, timeoutMs: cfg.transporterConnectTimeoutMs }) : memoryReplayGuard();
    broker.createService(createAgencyService({ db: core.store, audit: core.trail, validator: pki.validator, hub: pki.hub, hubXroad: HUB_XROAD, replay: agencyReplay }) as any);
    Object.assign(checks, core.checks);
    // The agencies' push: every core node delivers the outbox (in-process, or through JetStream with NATS).
    push = await startAgencyPush({
      store: core.store, pki, transporter: cfg.transporter, hubXroad: HUB_XROAD, metricsRegistry: metrics.registry,
      transferUrl: process.env.ENFORCEMENT_TRANSFER_URL || mocks?.consumers?.enforcement.transferUrl,
    }).catch(async (err) => { await core?.stop(); await mocks?.stop(); throw err; });
    checks.agencyPush = push.health;
  }
  if (has('gateway')) {
    const requiredActions = ['court.lookup', 'lookups.run', 'decisions.submit', 'agency.soap', ...adapterActions()];
    const timeoutMs = cfg.lookupDeadlineMs + ANSWER_MARGIN_MS;
    broker.createService(createGatewayService({ port: cfg.port, host: cfg.host, catalog, maxBodyBytes: cfg.maxBodyBytes, requiredActions,
      aliases: { ...courtAliases({ timeoutMs }), ...decisionAliases({ timeoutMs }), ...outboxAliases({ timeoutMs }), ...publicationAliases({ rateLimitPerMinute: cfg.searchRateLimit }) },
      rawRoutes: [agencyRoutes({ maxBodyBytes: cfg.maxBodyBytes, timeoutMs })] }));
  }
  broker.createService(createOpsService(metrics, checks));

  try {
    await startBroker(broker, cfg.transporterConnectTimeoutMs);
  } catch (err) {
    await push?.stop();
    await core?.stop();
    await mocks?.stop();
    await replay?.close();
    await pki.close();
    throw err;
  }
  // The mock enforcement service reports through this hub's agency service, signed with its own demo key.
  const enforcementKey = pki.providerSigner(DEMO_AGENCY_CERTS.enforcement);
  // A mocks-only process reports to the hub named by COURT_HUB_URL.
  const reportTo = has('gateway') ? `http://${cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host}:${cfg.port}` : process.env.COURT_HUB_URL;
  if (mocks?.consumers && reportTo && enforcementKey) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { restStatusReporter, restDecisionReader } = require('../mocks/decision-consumers/status-reporter') as typeof import('../mocks/decision-consumers/status-reporter');
    enforcementReporter = restStatusReporter({
      hubUrl: reportTo, client: 'AZ/GOV/1700000023/enforcement',
      sign: (body, params) => signDetachedJws(body, enforcementKey, { header: params }),
    });
    const { verifyHubRest } = consumerHooks(pki);
    for (const id of ['demo-bank', 'migration', 'property']) {
      const k = pki.providerSigner(DEMO_AGENCY_CERTS[id]);
      if (k) decisionReaders[id] = restDecisionReader({ hubUrl: reportTo, client: DEMO_AGENCY_MEMBERS[id], sign: (body, params) => signDetachedJws(body, k, { header: params }), verify: verifyHubRest });
    }
  }
  return {
    broker, metrics, catalog, pki, mocks, core,
    async stop() {
      await broker.stop();
      await push?.stop();
      await core?.stop();
      await mocks?.stop();
      await replay?.close();
      await pki.close();
    },
  };
}

/** The mock institutions of every directory (mocks/agencies/institutions), started together. */
async function startInstitutions(directories: InstitutionDirectory[], host: string, signerOf: (id: string) => unknown, portBase: number) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startInstitutionMocks } = require('../mocks/agencies/institutions/institutions') as typeof import('../mocks/agencies/institutions/institutions');
  const agencies: Record<string, import('../mocks').MockAgency> = {};
  try {
    const ids = directories.flatMap((d) => d.institutions.map((i) => i.id));
    const ports = portBase > 0 ? Object.fromEntries(ids.map((id, i) => [id, portBase + i])) : undefined;
    // Faults of one institution: MOCK_<ID>_FAULTS, e.g. MOCK_BANK_005_FAULTS=latencyMs=60000.
    const faults = Object.fromEntries(ids.map((id) => [id, process.env[`MOCK_${id.toUpperCase().replace(/-/g, '_')}_FAULTS`]]));
    for (const d of directories) {
      Object.assign(agencies, await startInstitutionMocks(d.provider as 'banks' | 'utilities', d.institutions.map((i) => i.id), { host, signerOf: signerOf as never, ports, faults }));
    }
  } catch (err) {
    await Promise.all(Object.values(agencies).map((a) => a.stop()));
    throw err;
  }
  return {
    agencies,
    urls: Object.fromEntries(Object.entries(agencies).map(([id, a]) => [id, a.url])),
    setFaults: (id: string, faults: never) => agencies[id].setFaults(faults),
    stop: async () => { await Promise.all(Object.values(agencies).map((a) => a.stop())); },
  };
}
