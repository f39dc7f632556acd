/**
 * The mock agencies, started together: by `npm start` (embedded mode), by the tests, by the
 * benchmarks and standalone by `npm run mocks` (main.ts). Never imported by production code.
 */
import type { AgencyFaults } from './kit/faults';
import type { MockAgency } from './kit/agency-runtime';
import type { RequestVerifier, SignerHooks, SignerSet } from './kit/signers';
import { startPhoneMock } from './agencies/phone/phone.server';
import { startPopulationMock } from './agencies/population/population.server';

export type MockProvider = 'population' | 'phone';

export interface StartMocksOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 or absent: a free port. */
  ports?: Partial<Record<MockProvider, number>>;
  /** Initial faults per agency (object or env form). */
  faults?: Partial<Record<MockProvider, AgencyFaults | string>>;
  /** The agencies' own signer, for both (each agency uses the hook of its protocol). */
  signer?: SignerHooks;
  /** Per agency: signer variants (default, untrusted, expired, revoked), overriding `signer`. */
  signers?: Partial<Record<MockProvider, SignerSet>>;
  /** Per agency: verification of incoming request signatures. */
  verifiers?: Partial<Record<MockProvider, RequestVerifier>>;
}

export interface RunningMocks {
  urls: Record<MockProvider, string>;
  agencies: Record<MockProvider, MockAgency>;
  setFaults(provider: MockProvider, faults: AgencyFaults | string): Promise<void>;
  stop(): Promise<void>;
}

export async function startMocks(options: StartMocksOptions = {}): Promise<RunningMocks> {
  const host = options.host ?? '127.0.0.1';
  const common = (p: MockProvider) => ({
    host,
    port: options.ports?.[p] ?? 0,
    faults: options.faults?.[p],
    signer: options.signers?.[p]?.default ?? options.signer,
    signers: options.signers?.[p],
    verifier: options.verifiers?.[p],
  });
  const started = await Promise.allSettled([startPopulationMock(common('population')), startPhoneMock(common('phone'))]);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  const [population, phone] = started.map((s) => (s as PromiseFulfilledResult<MockAgency>).value);
  const agencies: Record<MockProvider, MockAgency> = { population, phone };
  return {
    urls: { population: population.url, phone: phone.url },
    agencies,
    setFaults: (provider, faults) => agencies[provider].setFaults(faults),
    stop: async () => {
      await Promise.all([population.stop(), phone.stop()]);
    },
  };
}

export { startPopulationMock, POPULATION_PATH } from './agencies/population/population.server';
export { startPhoneMock } from './agencies/phone/phone.server';
export { signedIdsFor, SIGNED_IDS } from './kit/xroad-soap';
export { xmlFlood, jsonFlood } from './kit/xml-flood';
export type { FloodKind } from './kit/xml-flood';
export type { AgencyFaults, SignerVariant } from './kit/faults';
export { parseFaults, validateFaults, FaultConfigError } from './kit/faults';
export type { MockAgency, AgencyOptions } from './kit/agency-runtime';
export type { SignerHooks, SignerSet, RequestVerifier } from './kit/signers';
export { agencySigner } from './kit/agency-signers';
