export * from './types';
export { loadCatalog } from './catalog';
export type { Catalog, ResolvedProvider, LoadCatalogOptions, ResolvedDirectory, ResolvedInstitution } from './catalog';
export { bankDirectory, utilityDirectory, institutionDirectories, DEFAULT_BANKS_COUNT, MAX_BANKS_COUNT } from './institutions';
export type { InstitutionDirectory, InstitutionEntry } from './institutions';
export { CATEGORIES } from './categories';
export { PROVIDERS } from './providers';
