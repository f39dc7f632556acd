/**
 * The mock agencies, one per registry module (contracts/registries/modules.ts), found by
 * convention: mocks/agencies/<id>/<id>.agency.ts exports `agency` (kit/agency-module.ts). Started
 * together by `npm start` (embedded mode), `npm run mocks`, the tests and the benchmarks. Never
 * imported by production code paths.
 */
import { join } from 'node:path';
import { REGISTRY_MODULES } from '../contracts/registries/modules';
import type { AgencyModule } from './kit/agency-module';
import type { AgencyFaults } from './kit/faults';
import type { MockAgency } from './kit/agency-runtime';
import type { RequestVerifier, SignerHooks, SignerSet } from './kit/signers';

/** mocks/agencies/<id>/<id>.agency: its `agency` export, checked to be the module's. */
export function loadAgency(id: string): AgencyModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(__dirname, 'agencies', id, `${id}.agency`)) as { agency?: AgencyModule };
  if (!mod.agency || mod.agency.id !== id) throw new Error(`mocks/agencies/${id}/${id}.agency must export "agency" with id "${id}"`);
  return mod.agency;
}

/** Every mock agency, in the order of the list of registry modules. */
export function agencyModules(ids: readonly string[] = REGISTRY_MODULES): AgencyModule[] {
  return ids.map(loadAgency);
}

export interface StartMocksOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Per module id; 0 or absent: a free port. */
  ports?: Record<string, number | undefined>;
  /** Initial faults per module id (object or env form). */
  faults?: Record<string, AgencyFaults | string | undefined>;
  /** The agencies' own signer, for all (each agency uses the hook of its protocol). */
  signer?: SignerHooks;
  /** Per module id: signer variants (default, untrusted, expired, revoked), overriding `signer`. */
  signers?: Record<string, SignerSet | undefined>;
  /** Per module id: verification of incoming request signatures. */
  verifiers?: Record<string, RequestVerifier | undefined>;
  /** Which modules to start (default: every registry module). */
  only?: readonly string[];
}

export interface RunningMocks {
  urls: Record<string, string>;
  agencies: Record<string, MockAgency>;
  setFaults(id: string, faults: AgencyFaults | string): Promise<void>;
  stop(): Promise<void>;
}

export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const host = options.host ?? '127.0.0.1';
  const modules = agencyModules(options.only ?? REGISTRY_MODULES);
  const started = await Promise.allSettled(modules.map((m) => m.start({
    host,
    port: options.ports?.[m.id] ?? 0,
    faults: options.faults?.[m.id],
    signer: options.signers?.[m.id]?.default ?? options.signer,
    signers: options.signers?.[m.id],
    verifier: options.verifiers?.[m.id],
  })));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  const agencies: Record<string, MockAgency> = {};
  const urls: Record<string, string> = {};
  modules.forEach((m, i) => {
    agencies[m.id] = (started[i] as PromiseFulfilledResult<MockAgency>).value;
    urls[m.id] = agencies[m.id].url;
  });
  return {
    urls,
    agencies,
    setFaults: (id, faults) => {
      const agency = agencies[id];
      if (!agency) return Promise.reject(new Error(`no mock agency "${id}"`));
      return agency.setFaults(faults);
    },
    stop: async () => {
      await Promise.all(Object.values(agencies).map((a) => a.stop()));
    },
  };
}

/** The environment variable of a module's setting: MOCK_<ID>_PORT, MOCK_<ID>_FAULTS. */
export function mockEnvName(id: string, setting: 'PORT' | 'FAULTS'): string {
  return `MOCK_${id.toUpperCase().replace(/-/g, '_')}_${setting}`;
}

/** First fixed port of `npm run mocks`: module i of the list listens on FIXED_PORT_BASE + i. */
export const FIXED_PORT_BASE = 8181;

/**
 * Ports and faults of every module from the environment: MOCK_<ID>_PORT (else, with `fixedPorts`,
 * FIXED_PORT_BASE + the module's index in the list; otherwise a free port) and MOCK_<ID>_FAULTS.
 */
export function mockEnvOptions(env: Readonly<Record<string, string | undefined>>, fixedPorts: boolean): Pick<StartMocksOptions, 'ports' | 'faults'> {
  const ports: Record<string, number> = {};
  const faults: Record<string, string | undefined> = {};
  REGISTRY_MODULES.forEach((id, i) => {
    const name = mockEnvName(id, 'PORT');
    const raw = env[name];
    const port = raw === undefined || raw === '' ? (fixedPorts ? FIXED_PORT_BASE + i : 0) : Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
    ports[id] = port;
    faults[id] = env[mockEnvName(id, 'FAULTS')];
  });
  return { ports, faults };
}

export { soapAgency } from './kit/soap-agency';
export type { SoapAgencySpec, SoapOperationMock } from './kit/soap-agency';
export { restAgency } from './kit/rest-agency';
export type { RestAgencySpec, RestRoute } from './kit/rest-agency';
export type { AgencyModule } from './kit/agency-module';
export { signedIdsFor, SIGNED_IDS } from './kit/xroad-soap';
export { xmlFlood, jsonFlood } from './kit/xml-flood';
export type { FloodKind } from './kit/xml-flood';
export type { AgencyFaults, SignerVariant } from './kit/faults';
export { parseFaults, validateFaults, FaultConfigError } from './kit/faults';
export type { MockAgency, AgencyOptions } from './kit/agency-runtime';
export type { SignerHooks, SignerSet, RequestVerifier } from './kit/signers';
export { agencySigner } from './kit/agency-signers';
