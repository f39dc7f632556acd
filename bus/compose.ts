import path from 'node:path';
import { HubError } from '../contracts/hub';
import type { ServiceBroker } from 'moleculer';
import { REGISTRY_MODULES } from '../contracts/registries/modules';
import { ADAPTERS, adapterActions, BreakerRegistry, createAdapterService, jetStreamReplayGuard, jwsSign, jwsVerify, memoryReplayGuard, wssSign, wssVerify, type ReplayGuard } from '../adapters';
import { courtAliases } from './api';
import { startCore, type CoreParts } from './core-wiring';
import { ANSWER_MARGIN_MS } from '../core/court';
import { loadCatalog, type Catalog, type ProviderEntry } from '../registry';
import { createBroker, startBroker } from './broker';
import type { HubConfig } from './config';
import { createGatewayService } from './gateway.service';
import { ensurePki, loadHubPkiWithKeyStore, type HubPki } from './hub-pki';
import type { ProcessMetrics } from './metrics';
import { createOpsService, type HealthCheck } from './ops.service';

/** The hub's X-Road client subsystem (contracts/registries/README.md). */
export const HUB_XROAD = { instance: 'AZ', memberClass: 'GOV', memberCode: '1400000001', subsystemCode: 'court-hub' };

export interface RunningHub {
  broker: ServiceBroker;
  metrics: ProcessMetrics;
  catalog: Catalog;
  pki: HubPki;
  /** The in-process mock agencies, when this process runs them. */
  core?: CoreParts;
  mocks?: { urls: Record<string, string>; setFaults(provider: string, faults: unknown): Promise<void>; stop(): Promise<void> };
  stop(): Promise<void>;
}

/**
 * Wires the parts into one process according to `cfg.services` (the only place that does):
 * gateway, core, adapters, and — in the embedded default, tests and benches — the mock agencies.
 * The same code runs everything in one process or one group per process over NATS.
 */
export async function startHub(cfg: Readonly<HubConfig>, extra: { endpoints?: Record<string, string>; providers?: ProviderEntry[] } = {}): Promise<RunningHub> {
  const has = (g: string) => cfg.services.includes(g as any);
  const pkiDir = cfg.pkiDir ?? path.join(cfg.dataDir, 'pki');
  const pki = await loadHubPkiWithKeyStore(await ensurePki(pkiDir, cfg.pkiKeyType), cfg.hubKeyPkcs11);

  let mocks: RunningHub['mocks'];
  if (cfg.mocks) {
    // mocks/ is never imported by production code paths: loaded only when asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startMocks, agencySigner, mockEnvOptions } = require('../mocks') as typeof import('../mocks');
    // `npm run mocks` (SERVICES=mocks) listens on fixed ports (by the module's index in the list);
    // otherwise free ports unless MOCK_<ID>_PORT is set. Each agency signs with its own certificate.
    const only = cfg.services.length === 1 && cfg.services[0] === 'mocks';
    const signers = Object.fromEntries(REGISTRY_MODULES.map((id) => [id, { default: agencySigner(pki.providerSigner(id)!) }]));
    const m = await startMocks({ host: process.env.MOCK_HOST || '127.0.0.1', ...mockEnvOptions(process.env, only), signers });
    mocks = { urls: m.urls, setFaults: (p, f) => m.setFaults(p, f as never), stop: () => m.stop() };
  }
  const catalog = loadCatalog({ providers: extra.providers, adapters: adapterActions(), endpoints: { ...(mocks?.urls ?? {}), ...(extra.endpoints ?? {}) } });

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
    checks.breakers = () => {
      const states = breakers.states();
      // An open breaker means a registry is failing, not that the hub is down: degraded.
      const open = states.filter((s) => s.state !== 'closed');
      return { status: open.length ? 'degraded' : 'up', details: { breakers: states } };
    };
  }
  let core: CoreParts | undefined;
  if (has('core')) {
    // With the adapters in this process, an open breaker refuses at once (lookups.service.ts openBreaker).
    const openBreaker = has('adapters') ? (provider: string, operation: string) => breakers.get(provider)?.openRefusal(operation) : undefined;
    core = await startCore(cfg, pki, catalog, { openBreaker }).catch(async (err) => { await mocks?.stop(); throw err; });
    for (const s of core.services) broker.createService(s as any);
    Object.assign(checks, core.checks);
  }
  if (has('gateway')) {
    const requiredActions = ['court.lookup', 'lookups.run', ...adapterActions()];
    broker.createService(createGatewayService({ port: cfg.port, host: cfg.host, catalog, maxBodyBytes: cfg.maxBodyBytes, requiredActions, aliases: courtAliases({ timeoutMs: cfg.lookupDeadlineMs + ANSWER_MARGIN_MS }) }));
  }
  broker.createService(createOpsService(metrics, checks));

  try {
    await startBroker(broker, cfg.transporterConnectTimeoutMs);
  } catch (err) {
    await core?.stop();
    await mocks?.stop();
    await replay?.close();
    await pki.close();
    throw err;
  }
  return {
    broker, metrics, catalog, pki, mocks, core,
    async stop() {
      await broker.stop();
      await core?.stop();
      await mocks?.stop();
      await replay?.close();
      await pki.close();
    },
  };
}
