/**
 * Where the agency service's contract files are on disk. They are not TypeScript, so `tsc` does
 * not copy them to dist/: code compiled to dist/contracts/agencies reads them from the source tree.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

let cached: string | undefined;

export function agenciesContractsDir(): string {
  if (cached) return cached;
  const found = [__dirname, resolve(__dirname, '..', '..', '..', 'contracts', 'agencies')].find((d) => existsSync(join(d, 'court.wsdl')));
  if (!found) throw new Error(`contracts/agencies not found near ${__dirname}`);
  cached = found;
  return found;
}

/** The files published under /ehis/: the WSDL, the schemas it imports (relative), the OpenAPI. */
export const PUBLISHED = {
  'court.wsdl': 'text/xml; charset=utf-8',
  'court.xsd': 'text/xml; charset=utf-8',
  'xroad.xsd': 'text/xml; charset=utf-8',
  'identifiers.xsd': 'text/xml; charset=utf-8',
  'court.openapi.json': 'application/json',
} as const;
