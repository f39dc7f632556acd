import type { BreakerSettings, Protocol, ProviderEntry } from './types';

/**
 * Provider agencies as EHİS (X-Road) members. Names and member codes are configuration, not facts
 * the code depends on (docs/catalog.md); endpoints come from the environment, with the mock agencies
 * of `npm start` as the default. Whether a category is connected is not said here: it is computed
 * per catalog entry from the adapters that exist (registry/catalog.ts).
 */
const BREAKER: BreakerSettings = {
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  resetTimeoutMs: 10_000,
  rollingCountTimeoutMs: 10_000,
  capacity: 64,
};
const RETRY = { attempts: 2, baseDelayMs: 50 };

function provider(id: string, memberCode: string, protocol: Protocol, az: string, en: string): ProviderEntry {
  return {
    id,
    title: { az, en },
    protocol,
    xroad: { instance: 'AZ', memberClass: 'GOV', memberCode, subsystemCode: id },
    endpointEnv: `PROVIDER_${id.toUpperCase().replace(/-/g, '_')}_URL`,
    defaultEndpoint: null,
    breaker: { ...BREAKER },
    retry: { ...RETRY },
  };
}

export const PROVIDERS: ProviderEntry[] = [
  provider('tax', '1700000001', 'soap', 'Dövlət Vergi Xidməti', 'State Tax Service'),
  provider('phone', '1700000002', 'rest', 'Telekommunikasiya reyestri', 'Telecom subscriber register'),
  provider('labour', '1700000003', 'rest', 'Əmək və Əhalinin Sosial Müdafiəsi Nazirliyi', 'Ministry of Labour and Social Protection'),
  provider('property', '1700000004', 'soap', 'Daşınmaz Əmlakın Dövlət Reyestri', 'State Real Estate Register'),
  provider('police', '1700000005', 'soap', 'Daxili İşlər Nazirliyi', 'Ministry of Internal Affairs'),
  provider('road-police', '1700000006', 'soap', 'Dövlət Yol Polisi', 'Road Police'),
  provider('migration', '1700000007', 'soap', 'Dövlət Sərhəd və Miqrasiya Xidmətləri', 'Border and Migration Services'),
  provider('mortgage-fund', '1700000008', 'rest', 'İpoteka və Kredit Zəmanət Fondu', 'Mortgage and Credit Guarantee Fund'),
  provider('banks', '1700000009', 'rest', 'Kredit təşkilatları', 'Credit institutions'),
  provider('credit-registry', '1700000010', 'rest', 'Kredit reyestri', 'Credit registry'),
  provider('collateral', '1700000011', 'rest', 'Daşınar əmlak girov reyestri', 'Collateral register'),
  provider('idp', '1700000012', 'soap', 'Qaçqınların və Məcburi Köçkünlərin İşləri üzrə Dövlət Komitəsi', 'State Committee for Refugees and IDPs'),
  provider('utilities', '1700000013', 'rest', 'Kommunal xidmətlər (elektrik, su, qaz)', 'Utilities (electricity, water, gas)'),
  provider('housing', '1700000014', 'rest', 'Mənzil İnşaatı Dövlət Agentliyi', 'State Housing Agency'),
  provider('securities', '1700000015', 'soap', 'Milli Depozit Mərkəzi', 'National Depository Centre'),
  provider('insurance', '1700000016', 'rest', 'İcbari Sığorta Bürosu', 'Compulsory Insurance Bureau'),
  provider('education', '1700000017', 'rest', 'Elm və Təhsil Nazirliyi', 'Ministry of Science and Education'),
  provider('population', '1700000022', 'soap', 'Əhalinin Dövlət Reyestri', 'State Population Register'),
  provider('enforcement', '1700000023', 'soap', 'İcra Xidməti ("Elektron icra")', 'Enforcement Service ("Elektron icra")'),
  provider('penitentiary', '1700000024', 'soap', 'Penitensiar Xidmət', 'Penitentiary Service'),
  provider('inspections', '1700000025', 'rest', 'Yoxlamaların vahid reyestri', 'Unified Register of Inspections'),
  provider('notary', '1700000026', 'soap', 'Elektron notariat', 'Electronic Notary System'),
];
