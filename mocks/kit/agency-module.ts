/**
 * What a registry module's mock agency exports (mocks/agencies/<id>/<id>.agency.ts: `agency`),
 * built with soapAgency() or restAgency(). startMocks() finds them by the list of registry modules.
 */
import type { AgencyOptions, MockAgency } from './agency-runtime';

export interface AgencyModule {
  /** The registry module id (contracts/registries/modules.ts), the provider id. */
  readonly id: string;
  readonly protocol: 'soap' | 'rest';
  /** Starts the agency; its `url` is the endpoint the hub calls. */
  start(options?: AgencyOptions): Promise<MockAgency>;
}
