/**
 * THE list of registry modules. A registry is one self-contained module (docs/adding-a-registry.md):
 * contracts/registries/<id>/ (upstream contract, canonical models, golden samples), adapters/<id>/
 * (descriptor + pure mapper) and mocks/agencies/<id>/ (mock agency). Everything else — contract
 * paths, adapters, mock start-up, ports, signers, fault settings, the per-registry test suites —
 * iterates over this list. An id is a provider id of registry/providers.ts.
 */
export const REGISTRY_MODULES = [
  'population',
  'phone',
  'tax',
  'labour',
  'mortgage-fund',
  'credit-registry',
  'collateral',
  'property',
  'securities',
  'notary',
  'idp',
  'insurance',
  'inspections',
  'housing',
  'education',
  'police',
  'penitentiary',
  'road-police',
  'migration',
  'enforcement',
] as const;

export type RegistryModuleId = (typeof REGISTRY_MODULES)[number];
