/**
 * Directories of the institutions that answer one §11.2 category together (scatter-gather):
 * statute 11.2.13 — accounts, deposits and balances "from credit institutions", every bank for
 * itself — and 11.2.17 — the electricity, drinking-water and gas utilities. Each institution is an
 * EHİS member with its own endpoint (`endpointEnv`, or the mock agencies of `npm start`) and its own
 * agency certificate, pinned in the hub's PKI directory under the institution's id. Data: the owner
 * adds or removes a bank without code; the demo has 30 banks (`BANKS_COUNT`), the bench 200.
 */
import type { XRoadSubsystem } from './types';

export interface InstitutionEntry {
  /** Directory id, e.g. "bank-007", "gas"; the key of its pinned certificate and its breaker. */
  id: string;
  name: { az: string; en: string };
  /** Bank code inside the IBAN (banks only). */
  code?: string;
  xroad: XRoadSubsystem;
  /** Environment variable that sets the endpoint, e.g. INSTITUTION_BANK_007_URL. */
  endpointEnv: string;
}

export interface InstitutionDirectory {
  /** The catalog's provider of the category ('banks', 'utilities'). */
  provider: string;
  section: string;
  institutions: InstitutionEntry[];
}

const HOME: readonly [code: string, az: string, en: string][] = [
  ['XZRB', 'Xəzər Bank', 'Khazar Bank'], ['ABSB', 'Abşeron Bank', 'Absheron Bank'], ['QFQB', 'Qafqaz Bank', 'Caucasus Bank'],
  ['SRVB', 'Şirvan Bank', 'Shirvan Bank'], ['GNCB', 'Gəncə Bank', 'Ganja Bank'], ['ARZB', 'Araz Bank', 'Araz Bank'],
  ['KURB', 'Kür Bank', 'Kur Bank'], ['ULDB', 'Ulduz Bank', 'Star Bank'], ['GNSB', 'Günəş Bank', 'Sun Bank'],
  ['MAVB', 'Mavi Bank', 'Blue Bank'], ['YSLB', 'Yaşıl Bank', 'Green Bank'], ['NXCB', 'Naxçıvan Bank', 'Nakhchivan Bank'],
  ['QRBB', 'Qarabağ Bank', 'Karabakh Bank'], ['GYGB', 'Göygöl Bank', 'Goygol Bank'], ['SHKB', 'Şəki Bank', 'Sheki Bank'],
  ['LNKB', 'Lənkəran Bank', 'Lankaran Bank'], ['QBLB', 'Qəbələ Bank', 'Gabala Bank'], ['QUBB', 'Quba Bank', 'Guba Bank'],
  ['TRTB', 'Tərtər Bank', 'Tartar Bank'], ['SMQB', 'Sumqayıt Bank', 'Sumgait Bank'], ['MNGB', 'Mingəçevir Bank', 'Mingachevir Bank'],
  ['ZQTB', 'Zaqatala Bank', 'Zagatala Bank'], ['ASTB', 'Astara Bank', 'Astara Bank'], ['SAMB', 'Samux Bank', 'Samukh Bank'],
  ['TOVB', 'Tovuz Bank', 'Tovuz Bank'], ['AGSB', 'Ağstafa Bank', 'Agstafa Bank'], ['BRDB', 'Bərdə Bank', 'Barda Bank'],
  ['SLYB', 'Salyan Bank', 'Salyan Bank'], ['KHBB', 'Xaçmaz Bank', 'Khachmaz Bank'], ['IMSB', 'İmişli Bank', 'Imishli Bank'],
];

/** How many banks the demo directory has. */
export const DEFAULT_BANKS_COUNT = HOME.length;
/** The largest directory the demo can make (ids bank-001 … bank-999). */
export const MAX_BANKS_COUNT = 999;

const envName = (id: string) => `INSTITUTION_${id.toUpperCase().replace(/-/g, '_')}_URL`;

/** The i-th credit institution (0-based) of the demo directory. */
export function bankEntry(i: number): InstitutionEntry {
  const n = String(i + 1).padStart(3, '0');
  const id = `bank-${n}`;
  const xroad = { instance: 'AZ', memberClass: 'COM', memberCode: `98000${n}`, subsystemCode: 'accounts' };
  if (i < HOME.length) {
    const [code, az, en] = HOME[i];
    return { id, code, name: { az: `"${az}" ASC`, en: `${en} OJSC` }, xroad, endpointEnv: envName(id) };
  }
  const code = `B${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}${String.fromCharCode(65 + (i % 26))}X`;
  return { id, code, name: { az: `Kredit təşkilatı ${n}`, en: `Credit institution ${n}` }, xroad, endpointEnv: envName(id) };
}

/** The credit institutions of 11.2.13: the first `count` of the directory. */
export function bankDirectory(count = DEFAULT_BANKS_COUNT): InstitutionDirectory {
  if (!Number.isInteger(count) || count < 1 || count > MAX_BANKS_COUNT) throw new RangeError(`banks count must be 1..${MAX_BANKS_COUNT}`);
  return { provider: 'banks', section: '11.2.13', institutions: Array.from({ length: count }, (_, i) => bankEntry(i)) };
}

/** The utilities of 11.2.17: electricity, drinking water, gas. */
export const UTILITY_INSTITUTIONS: readonly (InstitutionEntry & { service: 'electricity' | 'water' | 'gas' })[] = [
  { id: 'electricity', service: 'electricity', name: { az: '"Azərişıq" ASC', en: 'Azerishig OJSC' }, xroad: { instance: 'AZ', memberClass: 'GOV', memberCode: '9900000001', subsystemCode: 'subscribers' }, endpointEnv: envName('electricity') },
  { id: 'water', service: 'water', name: { az: '"Azərsu" ASC', en: 'Azersu OJSC' }, xroad: { instance: 'AZ', memberClass: 'GOV', memberCode: '9900000002', subsystemCode: 'subscribers' }, endpointEnv: envName('water') },
  { id: 'gas', service: 'gas', name: { az: '"Azəriqaz" İB', en: 'Azerigaz PU' }, xroad: { instance: 'AZ', memberClass: 'GOV', memberCode: '9900000003', subsystemCode: 'subscribers' }, endpointEnv: envName('gas') },
];

export function utilityDirectory(): InstitutionDirectory {
  return { provider: 'utilities', section: '11.2.17', institutions: [...UTILITY_INSTITUTIONS] };
}

/** Every directory of the catalog, for a given bank count. */
export function institutionDirectories(banksCount = DEFAULT_BANKS_COUNT): InstitutionDirectory[] {
  return [bankDirectory(banksCount), utilityDirectory()];
}
