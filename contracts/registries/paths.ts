/**
 * Where the contract files (WSDL, XSD, OpenAPI, JSON Schema, samples) are on disk. They are not
 * TypeScript, so `tsc` does not copy them to dist/: code compiled to dist/contracts/registries
 * reads them from the source tree beside dist/. Generic over the registry modules (modules.ts):
 * contracts/registries/<id>/upstream/<file>, contracts/registries/<id>/model.<operation>.schema.json.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

let cached: string | undefined;

/** Absolute path of contracts/registries in the source tree: the folder beside the shared contracts/xroad. */
export function registriesDir(): string {
  if (cached) return cached;
  const candidates = [__dirname, resolve(__dirname, '..', '..', '..', 'contracts', 'registries')];
  const found = candidates.find((dir) => existsSync(join(dir, 'README.md')) && existsSync(join(dir, '..', 'xroad', 'xroad.xsd')));
  if (!found) throw new Error(`contracts/registries not found near ${__dirname}`);
  cached = found;
  return found;
}

/** contracts/xroad: the X-Road protocol schemas every SOAP registry imports (xroad.xsd, identifiers.xsd, soap-envelope.xsd). */
export function xroadDir(): string {
  return join(registriesDir(), '..', 'xroad');
}

/** contracts/registries/<id> */
export function moduleDir(id: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(id)) throw new Error(`not a registry module id: "${id}"`);
  return join(registriesDir(), id);
}

/** contracts/registries/<id>/upstream/<file>, e.g. upstreamPath('population', 'population.wsdl'). */
export function upstreamPath(id: string, file: string): string {
  return join(moduleDir(id), 'upstream', file);
}

/** contracts/registries/<id>/model.<operation>.schema.json: the canonical model an operation returns. */
export function modelSchemaPath(id: string, operation: string): string {
  return join(moduleDir(id), `model.${operation}.schema.json`);
}

/** contracts/registries/<id>/samples: the golden sample exchanges. */
export function samplesDir(id: string): string {
  return join(moduleDir(id), 'samples');
}

/** contracts/registries/<id>/conformance.json: scenarios the conformance suite skips, each with a reason. */
export function conformancePath(id: string): string {
  return join(moduleDir(id), 'conformance.json');
}
