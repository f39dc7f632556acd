export * from './types';
export { loadCatalog } from './catalog';
export type { Catalog, ResolvedProvider, LoadCatalogOptions } from './catalog';
export { CATEGORIES } from './categories';
export { PROVIDERS } from './providers';
