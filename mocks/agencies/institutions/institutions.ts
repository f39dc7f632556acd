/**
 * Mock institutions of the scatter-gather categories (statute 11.2.13 banks, 11.2.17 utilities):
 * every institution is its own REST agency (kit/rest-agency.ts, EHİS profile v2) on its own port —
 * one process hosts them all — signing with its own agency certificate and with its own fault
 * settings, so one bank can hang, fail or answer about another person while the others answer
 * normally. Data from the synthetic world: a subject's accounts are spread over the banks
 * consistently (IBAN of the bank, currency, balance, status, arrests already registered), its
 * subscriptions over the three utilities.
 */
import type { Subject } from '../../../contracts/hub/lookup-types';
import type { AgencyFaults } from '../../kit/faults';
import type { MockAgency } from '../../kit/agency-runtime';
import { restAgency, type RestAgencySpec } from '../../kit/rest-agency';
import type { SignerHooks } from '../../kit/signers';
import { bankAccounts, utilityAccounts, type UtilityId } from '../../world';

export type InstitutionKind = 'banks' | 'utilities';

const SPEC: Record<InstitutionKind, (id: string) => RestAgencySpec> = {
  banks: (id) => ({
    id,
    problemBase: 'https://cbar.az/ehis/problems/',
    routes: {
      getBankAccounts: {
        method: 'GET',
        path: ['/v1/customers/fin/{fin}/accounts', '/v1/customers/voen/{voen}/accounts'],
        answer: (s: Subject) => bankAccounts(s, id),
      },
    },
    problemDetail: { 'not-found': 'The bank holds no account of the requested subject', 'internal-error': 'Internal error of the bank', unavailable: 'The bank is temporarily unavailable' },
  }),
  utilities: (id) => ({
    id,
    problemBase: 'https://utilities.ehis.gov.az/problems/',
    routes: {
      getUtilityAccounts: {
        method: 'GET',
        path: ['/v1/subscribers/fin/{fin}/accounts', '/v1/subscribers/voen/{voen}/accounts'],
        answer: (s: Subject) => utilityAccounts(s, id as UtilityId),
      },
    },
    problemDetail: { 'not-found': 'The utility holds no subscription of the requested subject', 'internal-error': 'Internal error of the utility', unavailable: 'The utility is temporarily unavailable' },
  }),
};

export interface InstitutionMocksOptions {
  host?: string;
  /** The signer of each institution (its own agency certificate). */
  signerOf(institutionId: string): SignerHooks | undefined;
  /** Initial faults per institution id. */
  faults?: Readonly<Record<string, AgencyFaults | string | undefined>>;
  /** Fixed port per institution id (absent: a free port). */
  ports?: Readonly<Record<string, number | undefined>>;
}

/** Starts one endpoint per institution; `agencies[id].url` is the base URL the hub calls. */
export async function startInstitutionMocks(kind: InstitutionKind, ids: readonly string[], o: InstitutionMocksOptions): Promise<Record<string, MockAgency>> {
  const started = await Promise.allSettled(ids.map((id) => {
    const signer = o.signerOf(id);
    return restAgency(SPEC[kind](id)).start({ host: o.host, port: o.ports?.[id] ?? 0, signer, signers: signer ? { default: signer } : undefined, faults: o.faults?.[id] });
  }));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw (failed as PromiseRejectedResult).reason;
  }
  return Object.fromEntries(ids.map((id, i) => [id, (started[i] as PromiseFulfilledResult<MockAgency>).value]));
}
