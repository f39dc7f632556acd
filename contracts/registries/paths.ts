/**
 * Where the contract files (WSDL, XSD, OpenAPI, JSON Schema, samples) are on disk. They are not
 * TypeScript, so `tsc` does not copy them to dist/: code compiled to dist/contracts/registries
 * reads them from the source tree beside dist/.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type RegistryProvider = 'population' | 'phone';
export const REGISTRY_PROVIDERS: readonly RegistryProvider[] = ['population', 'phone'];

let cached: string | undefined;

/** Absolute path of contracts/registries in the source tree. */
export function registriesDir(): string {
  if (cached) return cached;
  const candidates = [__dirname, resolve(__dirname, '..', '..', '..', 'contracts', 'registries')];
  const found = candidates.find((dir) => existsSync(join(dir, 'README.md')) && existsSync(join(dir, 'population')));
  if (!found) throw new Error(`contracts/registries not found near ${__dirname}`);
  cached = found;
  return found;
}

export function providerDir(provider: RegistryProvider): string {
  return join(registriesDir(), provider);
}

/** contracts/registries/population/upstream/population.wsdl */
export function populationWsdlPath(): string {
  return join(providerDir('population'), 'upstream', 'population.wsdl');
}

/** contracts/registries/phone/upstream/phone.openapi.json */
export function phoneOpenApiPath(): string {
  return join(providerDir('phone'), 'upstream', 'phone.openapi.json');
}

/** contracts/registries/<provider>/model.schema.json: the canonical model an adapter returns. */
export function modelSchemaPath(provider: RegistryProvider): string {
  return join(providerDir(provider), 'model.schema.json');
}
