/**
 * Credit institutions of the synthetic world (statute 11.2.13 is answered by every bank). The
 * directory size is configuration (30 in the demo, 200 in the benchmark); every subject's accounts
 * are at the first 30 ("home") banks, so the same subject has the same accounts whatever the size.
 */
import type { Rng } from '../population-data/prng';

export interface BankEntry {
  /** Directory id, e.g. "bank-07". */
  id: string;
  /** The 4-letter code inside the IBAN. */
  code: string;
  name: { az: string; en: string };
  /** X-Road member code of the bank. */
  memberCode: string;
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

export const HOME_BANK_COUNT = HOME.length;

function entry(i: number): BankEntry {
  const n = String(i + 1).padStart(3, '0');
  if (i < HOME.length) {
    const [code, az, en] = HOME[i];
    return { id: `bank-${n}`, code, name: { az: `"${az}" ASC`, en: `${en} OJSC` }, memberCode: `98000${n}` };
  }
  const code = `B${String.fromCharCode(65 + Math.floor(i / 26) % 26)}${String.fromCharCode(65 + (i % 26))}X`;
  return { id: `bank-${n}`, code, name: { az: `Kredit təşkilatı ${n}`, en: `Credit institution ${n}` }, memberCode: `98000${n}` };
}

/** The first `n` credit institutions of the directory. */
export function bankDirectory(n = HOME.length): BankEntry[] {
  return Array.from({ length: n }, (_, i) => entry(i));
}

export function bankById(id: string): BankEntry | undefined {
  const m = /^bank-(\d{3})$/.exec(id);
  if (!m) return undefined;
  const i = Number(m[1]) - 1;
  return i >= 0 && i < 1000 ? entry(i) : undefined;
}

/** `count` distinct home banks for one subject, in a stable order. */
export function homeBanksFor(r: Rng, count: number): BankEntry[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, HOME.length)) chosen.add(r.int(0, HOME.length - 1));
  return [...chosen].sort((a, b) => a - b).map(entry);
}

/** The utilities of statute 11.2.17: electricity, drinking water, gas. */
export const UTILITIES = [
  { id: 'electricity', service: 'electricity', name: { az: '"Azərişıq" ASC', en: 'Azerishig OJSC' }, memberCode: '9900000001' },
  { id: 'water', service: 'water', name: { az: '"Azərsu" ASC', en: 'Azersu OJSC' }, memberCode: '9900000002' },
  { id: 'gas', service: 'gas', name: { az: '"Azəriqaz" İB', en: 'Azerigaz PU' }, memberCode: '9900000003' },
] as const;

export type UtilityId = (typeof UTILITIES)[number]['id'];
