import { HubError } from '../../../contracts/hub';
import { CATEGORIES, PROVIDERS, loadCatalog } from '../../../registry';
import { ADAPTERS, FAN_OUT_ADAPTERS, adapterActions } from '../../../adapters';

describe('§11.2 catalog', () => {
  test('The hub starts with the shipped catalog. Result: all 26 categories 11.2.1–11.2.26, each with its provider', () => {
    const c = loadCatalog({ env: {} });
    expect(c.categories.map((x) => x.section)).toEqual(Array.from({ length: 26 }, (_, i) => `11.2.${i + 1}`));
    for (const cat of c.categories) {
      expect(c.providers[cat.provider]).toBeDefined();
      expect(cat.title.az.length).toBeGreaterThan(3);
      expect(cat.title.en.length).toBeGreaterThan(3);
    }
  });

  test('Bank, tax and commercial-secret data (11.1) need a decision in legal force', () => {
    const c = loadCatalog({ env: {} });
    const decision = c.categories.filter((x) => x.basis === 'decision').map((x) => x.section);
    expect(decision).toEqual(['11.2.2', '11.2.12', '11.2.13', '11.2.14', '11.2.19']);
    expect(c.bySection('11.2.13')?.secrecy).toBe('bank');
  });

  test('An operator sets a provider endpoint in the environment. Result: it overrides the in-process default', () => {
    const c = loadCatalog({ env: { PROVIDER_POPULATION_URL: 'https://pop.example.az/xroad' }, endpoints: { population: 'http://127.0.0.1:1/' } });
    expect(c.providers.population.endpoint).toBe('https://pop.example.az/xroad');
  });

  test('The catalog is frozen after start-up. Result: a change at run time throws', () => {
    const c = loadCatalog({ env: {} });
    expect(() => { (c.categories[0] as any).basis = 'request'; }).toThrow(TypeError);
  });

  test('A catalog with several broken entries. Result: start-up stops with HUB_ERR_REGISTRY_INVALID listing every violation at once', () => {
    const categories = structuredClone(CATEGORIES);
    categories[0].basis = 'maybe' as any;              // bad enum
    categories[1].provider = 'nobody';                  // unknown provider
    categories.splice(25, 1);                           // 11.2.26 missing
    (categories[2] as any).extra = true;                // unknown key
    let err: unknown;
    try { loadCatalog({ categories, providers: PROVIDERS, env: { PROVIDER_TAX_URL: 'not a url' } }); } catch (e) { err = e; }
    expect(HubError.is(err, 'HUB_ERR_REGISTRY_INVALID')).toBe(true);
    const v = (err as HubError).details!.violations as string[];
    expect(v.some((s) => s.includes('(11.2.1)') && s.includes('allowed values'))).toBe(true);
    expect(v.some((s) => s.includes('unknown provider "nobody"'))).toBe(true);
    expect(v.some((s) => s.includes('§11.2.26 is missing'))).toBe(true);
    expect(v.some((s) => s.includes('additional properties'))).toBe(true);
    expect(v.some((s) => s.includes('PROVIDER_TAX_URL'))).toBe(true);
    expect(v.length).toBeGreaterThanOrEqual(5);
  });
});

describe('Connected per catalog entry', () => {
  test('Only the tax register\'s getTaxpayer has an adapter. Result: 11.2.1 is connected, 11.2.2 (getTaxAudits, same provider) is not', () => {
    const c = loadCatalog({ env: {}, adapters: ['adapter.tax.getTaxpayer'] });
    expect(c.connected('11.2.1')).toBe(true);
    expect(c.connected('11.2.2')).toBe(false);
    expect(c.categories.filter((x) => c.connected(x.section)).map((x) => x.section)).toEqual(['11.2.1']);
  });

  test('The shipped adapters. Result: exactly the entries whose adapter.<provider>.<operation> exists are connected', () => {
    const c = loadCatalog({ env: {}, adapters: adapterActions() });
    const connected = c.categories.filter((x) => c.connected(x.section)).map((x) => `${x.provider}.${x.operation}`);
    const served = [...ADAPTERS, ...FAN_OUT_ADAPTERS].flatMap((d) => d.operations.map((o) => `${d.provider}.${o.name}`));
    expect(connected.sort()).toEqual(served.sort());
    expect(c.connected('11.2.22')).toBe(true);
  });

  test('An unknown section, or a catalog built without the list of adapters. Result: not connected (deny by default)', () => {
    expect(loadCatalog({ env: {}, adapters: adapterActions() }).connected('11.2.99')).toBe(false);
    const none = loadCatalog({ env: {} });
    expect(none.categories.filter((x) => none.connected(x.section))).toEqual([]);
  });
});
