import Ajv from 'ajv';
import { HubError } from '../contracts/hub';
import { CATEGORIES } from './categories';
import { PROVIDERS } from './providers';
import { categorySchema, providerSchema } from './schema';
import type { CategoryEntry, ProviderEntry } from './types';

export interface ResolvedProvider extends ProviderEntry {
  /** The endpoint in force: the env variable, else an override (in-process mocks), else the default. */
  endpoint: string | null;
}

export interface Catalog {
  readonly categories: readonly Readonly<CategoryEntry>[];
  readonly providers: Readonly<Record<string, Readonly<ResolvedProvider>>>;
  bySection(section: string): Readonly<CategoryEntry> | undefined;
  /** Whether an adapter serves the entry's operation (`adapter.<provider>.<operation>`): per entry, never per provider. */
  connected(section: string): boolean;
}

export interface LoadCatalogOptions {
  categories?: CategoryEntry[];
  providers?: ProviderEntry[];
  env?: Record<string, string | undefined>;
  /** Endpoints chosen at run time (the in-process mock agencies), by provider id. */
  endpoints?: Record<string, string>;
  /**
   * The adapter actions that exist, `adapter.<provider>.<operation>` (adapters/index.ts
   * adapterActions(), passed in by bus/compose.ts: registry/ knows no adapters). An entry is
   * connected only when its action is listed; absent, none is (deny by default).
   */
  adapters?: readonly string[];
}

const ajv = new Ajv({ allErrors: true, strict: true });
const checkCategory = ajv.compile(categorySchema);
const checkProvider = ajv.compile(providerSchema);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/**
 * Validates the catalog once at start-up (docs/conventions.md §12): every violation is listed at once in
 * one HUB_ERR_REGISTRY_INVALID, then the catalog is frozen. The §11.2 list is closed: every item
 * from 11.2.1 to 11.2.26 must be present exactly once.
 */
export function loadCatalog(opts: LoadCatalogOptions = {}): Catalog {
  const categories = structuredClone(opts.categories ?? CATEGORIES);
  const providers = structuredClone(opts.providers ?? PROVIDERS);
  const env = opts.env ?? process.env;
  const violations: string[] = [];

  const byId = new Map<string, ResolvedProvider>();
  providers.forEach((p, i) => {
    const where = `providers[${i}]${p && typeof p.id === 'string' ? ` (${p.id})` : ''}`;
    if (!checkProvider(p)) {
      for (const e of checkProvider.errors ?? []) violations.push(`${where}${e.instancePath} ${e.message}`);
      return;
    }
    if (byId.has(p.id)) violations.push(`${where}: duplicate provider id`);
    const fromEnv = env[p.endpointEnv];
    if (fromEnv !== undefined && !/^https?:\/\/\S+$/.test(fromEnv)) violations.push(`${p.endpointEnv}: not an http(s) URL`);
    byId.set(p.id, { ...p, endpoint: fromEnv ?? opts.endpoints?.[p.id] ?? p.defaultEndpoint });
  });

  const sections = new Map<string, CategoryEntry>();
  categories.forEach((c, i) => {
    const where = `categories[${i}]${c && typeof c.section === 'string' ? ` (${c.section})` : ''}`;
    if (!checkCategory(c)) {
      for (const e of checkCategory.errors ?? []) violations.push(`${where}${e.instancePath} ${e.message}`);
      return;
    }
    if (sections.has(c.section)) violations.push(`${where}: duplicate section`);
    sections.set(c.section, c);
    const p = byId.get(c.provider);
    if (!p) violations.push(`${where}: unknown provider "${c.provider}"`);
    else if (p.protocol !== c.protocol) violations.push(`${where}: protocol ${c.protocol} differs from provider ${p.id} (${p.protocol})`);
  });
  for (let n = 1; n <= 26; n++) {
    if (!sections.has(`11.2.${n}`)) violations.push(`categories: §11.2.${n} is missing`);
  }

  if (violations.length > 0) {
    throw new HubError('HUB_ERR_REGISTRY_INVALID', {
      message: `The registry catalog is invalid (${violations.length} violation${violations.length > 1 ? 's' : ''}): ${violations.join('; ')}`,
      details: { violations },
    });
  }

  const actions = new Set(opts.adapters ?? []);
  const connected = new Set([...sections.values()].filter((c) => actions.has(`adapter.${c.provider}.${c.operation}`)).map((c) => c.section));
  const sorted = [...sections.values()].sort((a, b) => Number(a.section.split('.')[2]) - Number(b.section.split('.')[2]));
  const catalog: Catalog = {
    categories: sorted,
    providers: Object.fromEntries(byId),
    bySection: (s) => sections.get(s),
    connected: (s) => connected.has(s),
  };
  deepFreeze(sorted);
  deepFreeze(catalog.providers);
  return Object.freeze(catalog);
}
